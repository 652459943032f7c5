import crypto from 'node:crypto';
import type http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { viewerFromAuthorization, type Viewer } from './auth';
import type { Config } from './config';
import { createContext } from './context';
import { AppError, formatError } from './errors';
import { assertAffordable, limitRules } from './limits';
import type { Logger } from './logger';
import type { EventBus } from './events/bus';

/** Close codes clients can act on; graphql-ws's own are 4400–4500 (4403: bad token at connection_init). */
export const CLOSE = {
  /** The token expired while connected: reconnect with a fresh token and resume from your cursor. */
  TOKEN_EXPIRED: { code: 4401, reason: 'Token expired' },
  /** The subscriber fell too far behind: reconnect and resume from your last cursor. */
  TOO_SLOW: { code: 4413, reason: 'Subscriber too slow: resume from your last cursor' },
} as const;

/** Most subscriptions one connection may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** Server pings this often, so proxies keep idle sockets open and dead peers are dropped. */
export const KEEP_ALIVE_MS = 15_000;

type Extra = {
  socket: WebSocket;
  request: http.IncomingMessage;
  viewer?: Viewer;
  expiry?: NodeJS.Timeout;
  subscriptions?: Set<string>;
};

/**
 * graphql-ws on the HTTP server's /graphql path: the token comes in
 * connection_init, every operation passes the same validation and cost limits
 * as over HTTP, errors leave through the same masking, and a connection ends
 * (4401) when its token expires.
 */
export function startWebSocketServer(httpServer: http.Server, schema: GraphQLSchema, config: Config, orm: MikroORM, logger: Logger, events: EventBus) {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const mask = (error: GraphQLError) =>
    formatError(error.toJSON(), error, (internal) => {
      logger.error({ err: internal, transport: 'websocket' }, 'unexpected error while resolving');
      return undefined;
    });
  return useServer<Record<string, unknown>, Extra>(
    {
      schema,
      onConnect: async (ctx) => {
        let viewer: Viewer;
        try {
          viewer = await viewerFromAuthorization(ctx.connectionParams?.authorization, config.jwtSecret);
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
        ctx.extra.viewer = viewer;
        ctx.extra.subscriptions = new Set();
        if (viewer.expiresAt !== undefined) {
          const ms = viewer.expiresAt * 1000 - Date.now();
          ctx.extra.expiry = setTimeout(() => ctx.extra.socket.close(CLOSE.TOKEN_EXPIRED.code, CLOSE.TOKEN_EXPIRED.reason), Math.max(ms, 0));
          ctx.extra.expiry.unref();
        }
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
      },
      onSubscribe: (ctx, id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const viewer = ctx.extra.viewer!;
        if (viewer.expiresAt !== undefined && viewer.expiresAt * 1000 <= Date.now()) {
          ctx.extra.socket.close(CLOSE.TOKEN_EXPIRED.code, CLOSE.TOKEN_EXPIRED.reason);
          return [new AppError('UNAUTHENTICATED', 'The token has expired')];
        }
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(schema, document, [...specifiedRules, ...limitRules]);
        if (errors.length) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
        try {
          assertAffordable(schema, document, payload.variables ?? undefined, payload.operationName);
        } catch (error) {
          return [error as GraphQLError];
        }
        if (getOperationAST(document, payload.operationName)?.operation === 'subscription') {
          const active = ctx.extra.subscriptions!;
          if (active.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
            return [new AppError('BAD_USER_INPUT', `A connection holds at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions; complete one first`)];
          }
          active.add(id);
        }
        const context = createContext(orm.em, viewer, crypto.randomUUID(), logger, events);
        context.connection = { close: (code, reason) => ctx.extra.socket.close(code, reason) };
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: context };
      },
      onComplete: (ctx, id) => {
        ctx.extra.subscriptions?.delete(id);
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(mask) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map(mask),
    },
    wsServer,
    KEEP_ALIVE_MS,
  );
}

/** The codes HTTP clients get from Apollo for the same mistakes. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
