import crypto from 'node:crypto';
import type http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { viewerFromAuthorization, type Viewer } from './access/viewer';
import type { Config } from './config';
import { createContext, type Context } from './context';
import { AppError, formatError } from './errors';
import { queryLimits } from './limits';
import { limitSubscribes, type RateLimiter } from './rate-limit';
import { closeReason, quietOversizedMessages, refuseBadConnectionParams, WS_MAX_PAYLOAD } from './ws-limits';
import type { Logger } from './logger';
import type { EventBus } from './events/bus';
import { subscribeShared } from './events/execute';
import { CLOSE } from './events/subscriptions';
import { verifyWebSocketOrigin } from './origins';
import { admitSubscribe } from './documents';
import type { Metrics } from './metrics';

/** Most subscriptions one connection may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** Server pings this often, so proxies keep idle sockets open and dead peers are dropped. */
export const KEEP_ALIVE_MS = 15_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

type Extra = {
  socket: WebSocket;
  request: http.IncomingMessage;
  viewer?: Viewer;
  expiry?: NodeJS.Timeout;
};

/**
 * graphql-ws on the HTTP server's /graphql path: the token comes in
 * connection_init, every operation passes the same validation and cost limits
 * as over HTTP, errors leave through the same masking, and a connection ends
 * (4401) when its token expires.
 */
export function startWebSocketServer(httpServer: http.Server, schema: GraphQLSchema, config: Config, orm: MikroORM, logger: Logger, events: EventBus, rateLimiter: RateLimiter, metrics?: Metrics) {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: WS_MAX_PAYLOAD, verifyClient: verifyWebSocketOrigin(config) });
  quietOversizedMessages(wsServer, logger);
  const watch = <O extends object>(options: O): O => metrics?.watchWebSockets(wsServer, options) ?? options;
  const limits = queryLimits(config.limits);
  // Over HTTP, Apollo refuses introspection in production itself.
  const rules = [...specifiedRules, ...limits.validationRules, ...(config.production ? [NoSchemaIntrospectionCustomRule] : [])];
  const tokenRules = { secret: config.jwtSecret, maxLifetimeSeconds: config.tokenMaxLifetimeSeconds };
  // As over HTTP: an unexpected error is logged in full under the operation's request id, and the client gets only that id.
  const mask = (error: GraphQLError, requestId?: string) =>
    formatError(error.toJSON(), error, (internal) => {
      logger.error({ requestId, err: internal, transport: 'websocket' }, 'unexpected error while resolving');
      return requestId;
    });
  return useServer<Record<string, unknown>, Extra>(
    watch({
      schema,
      subscribe: subscribeShared,
      onConnect: async (ctx) => {
        if (refuseBadConnectionParams(ctx.connectionParams, ctx.extra.socket)) return false;
        let viewer: Viewer;
        try {
          viewer = await viewerFromAuthorization(ctx.connectionParams?.authorization, tokenRules, () => orm.em.fork());
        } catch (error) {
          // Closing first gives the client the same text HTTP would answer; graphql-ws's own close after `false` is then a no-op.
          if (error instanceof AppError) {
            ctx.extra.socket.close(CLOSE.UNAUTHENTICATED.code, closeReason(error.message));
          } else {
            const requestId = crypto.randomUUID();
            logger.error({ requestId, err: error, transport: 'websocket' }, 'connection_init failed');
            ctx.extra.socket.close(1011, closeReason(`Internal server error (request ${requestId})`));
          }
          return false;
        }
        ctx.extra.viewer = viewer;
        if (viewer.expiresAt !== undefined) {
          const expiresAt = viewer.expiresAt * 1000;
          // Timers overflow past 2^31-1 ms (~24.8 days) and would fire at once: wait in steps.
          const arm = () => {
            const ms = expiresAt - Date.now();
            ctx.extra.expiry = ms <= 0
              ? undefined
              : setTimeout(arm, Math.min(ms, MAX_TIMER_MS));
            if (ctx.extra.expiry) ctx.extra.expiry.unref();
            else ctx.extra.socket.close(CLOSE.TOKEN_EXPIRED.code, CLOSE.TOKEN_EXPIRED.reason);
          };
          arm();
        }
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
      },
      onSubscribe: limitSubscribes(rateLimiter, (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const viewer = ctx.extra.viewer!;
        if (viewer.expiresAt !== undefined && viewer.expiresAt * 1000 <= Date.now()) {
          ctx.extra.socket.close(CLOSE.TOKEN_EXPIRED.code, CLOSE.TOKEN_EXPIRED.reason);
          return [new AppError('UNAUTHENTICATED', 'The token has expired')];
        }
        const untrusted = admitSubscribe(config.trustedDocuments, payload);
        if (untrusted) return untrusted;
        let document;
        try {
          document = parse(payload.query, limits.parseOptions);
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(schema, document, rules);
        if (errors.length) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
        try {
          limits.assertAffordable(schema, document, payload.variables, payload.operationName);
        } catch (error) {
          return [error as GraphQLError];
        }
        // graphql-ws's own map holds this operation already and drops completed ones as soon as `complete` is read.
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [new AppError('BAD_USER_INPUT', `A connection holds at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} operations at once; complete one first`)];
        }
        const context = createContext(orm.em, viewer, crypto.randomUUID(), logger, events, config.dispatch);
        context.connection = { close: (code, reason) => ctx.extra.socket.close(code, reason) };
        // What a result can depend on: the operation and the reader's rights, as the access rules see them.
        context.shareKey = JSON.stringify([payload.query, payload.operationName ?? null, payload.variables ?? null, viewer.rightsKey]);
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: context };
      }),
      onNext: (_ctx, _id, _payload, args, result) => {
        const requestId = (args.contextValue as Context | undefined)?.requestId;
        return result.errors ? { ...result, errors: result.errors.map((e) => mask(e, requestId)) } : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => mask(e)),
    }),
    wsServer,
    KEEP_ALIVE_MS,
  );
}

/** The codes HTTP clients get from Apollo for the same mistakes. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
