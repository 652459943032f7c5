import crypto from 'node:crypto';
import type http from 'node:http';
import type { RequestHandler } from 'express';

/** What a caller's `x-request-id` may look like to be logged at all. */
const SANE_ID = /^[\w.-]{1,64}$/;

/**
 * A caller's `x-request-id`, when it is short and plain enough to log, else
 * undefined. It is only ever a correlation id: callers choose it freely, so
 * two requests may send the same one.
 */
export function correlationIdOf(header: string | null | undefined): string | undefined {
  return header && SANE_ID.test(header) ? header : undefined;
}

/**
 * Gives every request the server's own id (a UUID) in `res.locals.requestId`
 * and the `x-request-id` response header: the id that log lines and masked
 * errors carry, which no caller can choose or reuse. A caller's own
 * `x-request-id` is kept apart as `res.locals.correlationId`.
 */
export const requestIds: RequestHandler = (req, res, next) => {
  Object.assign(res.locals, assignRequestId(req, res));
  next();
};

/** `requestIds` on bare Node objects: the ids, with the server's own already in the response's `x-request-id`. */
export function assignRequestId(req: http.IncomingMessage, res: http.ServerResponse): { requestId: string; correlationId?: string } {
  const requestId = crypto.randomUUID();
  res.setHeader('x-request-id', requestId);
  const header = req.headers['x-request-id'];
  return { requestId, correlationId: correlationIdOf(Array.isArray(header) ? header.join(', ') : header) };
}
