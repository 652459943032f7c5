import crypto from 'node:crypto';
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
  res.locals.requestId = crypto.randomUUID();
  res.locals.correlationId = correlationIdOf(req.get('x-request-id'));
  res.setHeader('x-request-id', res.locals.requestId);
  next();
};
