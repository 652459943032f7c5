import type { IncomingMessage } from 'node:http';
import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * Which browser origins may call the API: one list, applied to CORS on HTTP
 * and to the `Origin` of WebSocket upgrades. Requests without an `Origin`
 * header come from programs, not browsers, and are not restricted here (a
 * browser always sends one on cross-origin requests and on every WebSocket).
 */

/** Outside production with CORS_ORIGINS unset: any port on the loopback names, for local dev servers. */
export const LOCAL_ORIGINS: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*'];

/** The request headers GraphQL clients send (Apollo Client, urql, graphql-request, Relay). */
export const ALLOWED_HEADERS: readonly string[] = [
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'apollographql-client-name',
  'apollographql-client-version',
];

/** How long a browser may cache a preflight answer (seconds). */
const PREFLIGHT_MAX_AGE = 600;

const ENTRY = /^(https?):\/\/([^/:?#@\s[\]]+|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?\/?$/i;

/**
 * One CORS_ORIGINS entry in its canonical form (`https://app.example.com`,
 * `http://localhost:5173`, or `http://localhost:*` for any port), or null
 * when it is not an origin: a path, query, credentials or another scheme.
 */
export function canonicalOrigin(entry: string): string | null {
  const match = ENTRY.exec(entry.trim());
  if (!match) return null;
  const [, scheme, host, port] = match;
  if (port === '*') return `${scheme.toLowerCase()}://${host.toLowerCase()}:*`;
  if (port !== undefined && Number(port) > 65535) return null;
  try {
    // URL gives the form browsers send: lower case, punycode, no default port.
    return new URL(`${scheme}://${host}${port ? `:${port}` : ''}`).origin;
  } catch {
    return null;
  }
}

/** The origins in force: CORS_ORIGINS when set, else the loopback names outside production and none in it. */
export function allowedOrigins(config: { corsOrigins?: readonly string[]; production: boolean }): readonly string[] {
  return config.corsOrigins ?? (config.production ? [] : LOCAL_ORIGINS);
}

/** A predicate over `Origin` header values for a list of canonical entries. */
export function originMatcher(entries: readonly string[]): (origin: string) => boolean {
  const exact = new Set(entries.filter((e) => !e.endsWith(':*')));
  const anyPort = new Set(entries.filter((e) => e.endsWith(':*')).map((e) => e.slice(0, -2)));
  return (origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // includes the opaque origin "null" (sandboxed frames, file://)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return exact.has(url.origin) || anyPort.has(`${url.protocol}//${url.hostname}`);
  };
}

/**
 * CORS for /graphql: allowed origins get their origin reflected, the headers
 * GraphQL clients send, and `x-request-id` readable; others get no CORS
 * headers at all, so the browser withholds the response. Preflights from
 * allowed origins are answered here (204); Apollo's CSRF prevention still
 * applies to what follows.
 */
export function corsForGraphql(config: { corsOrigins?: readonly string[]; production: boolean }): RequestHandler {
  const allowed = originMatcher(allowedOrigins(config));
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: [...ALLOWED_HEADERS],
    exposedHeaders: ['x-request-id'],
    maxAge: PREFLIGHT_MAX_AGE,
  });
}

/**
 * `verifyClient` for the WebSocket server: an upgrade whose `Origin` is not
 * allowed is refused with HTTP 403 before the handshake, so a page on another
 * site cannot open a socket with the visitor's network position. Upgrades
 * without an `Origin` (servers, scripts, native apps) pass.
 */
export function verifyWebSocketOrigin(config: { corsOrigins?: readonly string[]; production: boolean }) {
  const allowed = originMatcher(allowedOrigins(config));
  return (
    info: { req: IncomingMessage },
    done: (result: boolean, code?: number, message?: string) => void,
  ): void => {
    const origin = info.req.headers.origin;
    if (origin === undefined || allowed(origin)) done(true);
    else done(false, 403, 'Origin not allowed');
  };
}
