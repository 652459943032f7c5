import crypto from 'node:crypto';
import type http from 'node:http';
import type { RequestHandler } from 'express';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Viewer } from './access/viewer';
import type { RateLimitConfig } from './config';
import { AppError } from './errors';
import { sendJson } from './http-json';
import type { Logger } from './logger';

/** Table created by a migration (Migration20261201145644); rows are one counter per caller and window. */
const TABLE = 'rate_limit';
/** A database that does not answer within this long is treated as down: the limiter fails open. */
const STORE_TIMEOUT_MS = 1000;

/**
 * A per-caller limit on GraphQL operations, shared by every instance through
 * PostgreSQL: each HTTP request to /graphql and each WebSocket `subscribe`
 * costs one point. Callers with a valid token are counted by the token's
 * subject and role (a new token for the same subject shares the count),
 * everyone else by IP address.
 *
 * When the store fails (database down, slow, full), the operation is let
 * through and a warning is logged: a limiter hiccup must not turn every
 * request into an error, and an unavailable database stops real work anyway.
 */
export interface RateLimiter {
  readonly enabled: boolean;
  /**
   * Express middleware for /graphql: 429 with Retry-After and a RATE_LIMITED error when over the limit.
   * Runs after the token was read (`res.locals.viewer`; a bad token leaves only the address to count).
   */
  readonly http: RequestHandler;
  /** `http` on bare Node objects: true when admitted, else false with the 429 answer sent. */
  admitHttp(req: http.IncomingMessage, res: http.ServerResponse, viewer: Viewer | undefined, requestId: string | undefined): Promise<boolean>;
  /** One point for a WebSocket operation: the RATE_LIMITED error to send when over the limit, else null. */
  consume(viewer: Viewer | undefined, ip: string | undefined): Promise<AppError | null>;
  close(): Promise<void>;
}

/** A limiter for `config` over the database at `databaseUrl`; one that admits everything when `config` is unset. */
export function createRateLimiter(config: RateLimitConfig | undefined, databaseUrl: string, logger: Logger): RateLimiter {
  if (!config) {
    return { enabled: false, http: (_req, _res, next) => next(), admitHttp: async () => true, consume: async () => null, close: async () => {} };
  }
  // Its own small pool: the ORM's pool is sized for requests, and a limiter waiting on it would queue behind them.
  const pool = new pg.Pool({
    connectionString: databaseUrl, max: 4, application_name: 'gridkeeper-rate-limit',
    connectionTimeoutMillis: STORE_TIMEOUT_MS, query_timeout: STORE_TIMEOUT_MS,
  });
  pool.on('error', (error) => logger.warn({ err: error }, 'rate limiter connection lost'));
  const store = new RateLimiterPostgres({
    storeClient: pool, storeType: 'pool', tableName: TABLE, tableCreated: true,
    points: config.points, duration: config.windowSeconds, keyPrefix: 'graphql',
  });

  /** Seconds to wait when over the limit, null when admitted. */
  const take = async (key: string): Promise<number | null> => {
    try {
      await store.consume(key, 1);
      return null;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      logger.warn({ err: outcome }, 'rate limiter unavailable; admitting the operation');
      return null;
    }
  };
  const refusal = (retryAfter: number) => new AppError(
    'RATE_LIMITED',
    `Too many operations: at most ${config.points} per ${config.windowSeconds} s; retry in ${retryAfter} s`,
    { retryAfterSeconds: retryAfter },
  );

  const admitHttp = async (req: http.IncomingMessage, res: http.ServerResponse, viewer: Viewer | undefined, requestId: string | undefined) => {
    const retryAfter = await take(callerKey(viewer, remoteAddress(req)));
    if (retryAfter === null) return true;
    const error = refusal(retryAfter);
    logger.info({ requestId, code: 'RATE_LIMITED', retryAfter }, 'rate limited');
    res.setHeader('retry-after', String(retryAfter));
    sendJson(res, 429, { errors: [{ message: error.message, extensions: error.extensions }] });
    return false;
  };

  return {
    enabled: true,
    http: (req, res, next) => {
      void admitHttp(req, res, res.locals.viewer as Viewer | undefined, res.locals.requestId as string | undefined)
        .then((admitted) => { if (admitted) next(); }, next);
    },
    admitHttp,
    consume: async (viewer, ip) => {
      const retryAfter = await take(callerKey(viewer, ip));
      return retryAfter === null ? null : refusal(retryAfter);
    },
    close: () => pool.end(),
  };
}

/**
 * Who is counted: a token's subject and role, not the token string (a fresh
 * token must not reset the count), else the IP address. Long subjects are
 * hashed to fit the key column.
 */
export function callerKey(viewer: Viewer | undefined, ip: string | undefined): string {
  if (viewer?.role && viewer.subject) {
    const key = `token:${viewer.role}:${viewer.subject}`;
    return key.length <= 200 ? key : `token:${crypto.createHash('sha256').update(key).digest('base64url')}`;
  }
  return `ip:${ip ?? 'unknown'}`;
}

/** The peer's address (behind a proxy, the proxy's: every anonymous caller shares it). */
export function remoteAddress(req: http.IncomingMessage): string | undefined {
  return req.socket.remoteAddress;
}

/**
 * Wraps a graphql-ws `onSubscribe` so that each `subscribe` message costs a
 * point first; over the limit the operation gets an `error` message with
 * RATE_LIMITED and the connection stays open. Unchanged when the limiter is off.
 */
export function limitSubscribes<C extends { extra: { viewer?: Viewer; ip: string | undefined } }, A extends unknown[], R>(
  limiter: RateLimiter, onSubscribe: (ctx: C, ...rest: A) => R,
): (ctx: C, ...rest: A) => R | Promise<R | readonly AppError[]> {
  if (!limiter.enabled) return onSubscribe;
  return async (ctx, ...rest) => {
    const refused = await limiter.consume(ctx.extra.viewer, ctx.extra.ip);
    return refused ? [refused] : onSubscribe(ctx, ...rest);
  };
}
