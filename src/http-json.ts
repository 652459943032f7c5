import type http from 'node:http';

/**
 * A JSON answer on a bare Node response, byte for byte what express's
 * `res.status(status).json(value)` sends: the /graphql fast path
 * (src/http-graphql.ts) and the express handlers answer alike.
 */
export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
