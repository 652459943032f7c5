import crypto from 'node:crypto';
import type http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate,
  type DocumentNode, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult, type GraphQLSchema,
} from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { viewerFromAuthorization, type Viewer } from './access/viewer';
import { DEFAULT_DOCUMENT_CACHE_MIB, type Config } from './config';
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
import { serveGraphqlWs, type SocketExtra } from './ws-transport';

/** Most subscriptions one connection may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** Server pings this often, so proxies keep idle sockets open and dead peers are dropped. */
export const KEEP_ALIVE_MS = 15_000;
/** How often connections are checked for an expired token (one sweep for all of them, no timer per connection). */
const EXPIRY_SWEEP_MS = 250;

type Extra = SocketExtra & {
  viewer?: Viewer;
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
  const documents = new DocumentCache(schema, rules, limits.parseOptions, (config.documentCacheMiB ?? DEFAULT_DOCUMENT_CACHE_MIB) * 2 ** 20);
  // Masked once per result: subscribers that share an execution share its result object.
  const maskedResults = new WeakMap<ExecutionResult, FormattedExecutionResult>();
  const maskResult = (result: ExecutionResult, requestId: string | undefined): ExecutionResult | FormattedExecutionResult => {
    if (!result.errors) return result;
    let masked = maskedResults.get(result);
    if (!masked) maskedResults.set(result, (masked = { ...result, errors: result.errors.map((e) => mask(e, requestId)) }));
    return masked;
  };
  const expiring = new Map<WebSocket, number>();
  const expirySweep = setInterval(() => {
    const now = Date.now();
    for (const [socket, expiresAt] of expiring) {
      if (expiresAt > now) continue;
      expiring.delete(socket);
      socket.close(CLOSE.TOKEN_EXPIRED.code, CLOSE.TOKEN_EXPIRED.reason);
    }
  }, EXPIRY_SWEEP_MS);
  expirySweep.unref();
  const transport = serveGraphqlWs<Record<string, unknown>, Extra>(
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
        // The token has done its work: the connection keeps its viewer, not the text.
        (ctx as { connectionParams?: unknown }).connectionParams = undefined;
        // A socket closed while its token was being checked has had its onClose already.
        if (viewer.expiresAt !== undefined && ctx.extra.socket.readyState === ctx.extra.socket.OPEN) expiring.set(ctx.extra.socket, viewer.expiresAt * 1000);
        return true;
      },
      onClose: (ctx) => {
        expiring.delete(ctx.extra.socket);
      },
      onSubscribe: limitSubscribes(rateLimiter, (ctx, id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const viewer = ctx.extra.viewer!;
        if (viewer.expiresAt !== undefined && viewer.expiresAt * 1000 <= Date.now()) {
          ctx.extra.socket.close(CLOSE.TOKEN_EXPIRED.code, CLOSE.TOKEN_EXPIRED.reason);
          return [new AppError('UNAUTHENTICATED', 'The token has expired')];
        }
        const untrusted = admitSubscribe(config.trustedDocuments, payload);
        if (untrusted) return untrusted;
        const prepared = documents.get(payload.query);
        if ('errors' in prepared) return prepared.errors;
        // The operation holds the cached text from here on, not its own copy of it.
        (payload as { query: string }).query = prepared.query;
        const { document } = prepared;
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
        context.connection = ctx.extra.socket;
        context.live = (result, sent) => transport.sendNext(ctx.extra.socket, id, maskResult(result, context.requestId), sent);
        // What a result can depend on: the operation (its document by number: equal numbers, equal text) and the reader's rights, as the access rules see them.
        context.shareKey = JSON.stringify([prepared.id, payload.operationName ?? null, payload.variables ?? null, viewer.rightsKey]);
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: context };
      }),
      onNext: (_ctx, _id, _payload, args, result) => (result.errors ? maskResult(result, (args.contextValue as Context | undefined)?.requestId) : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => mask(e)),
    }),
    wsServer,
    { keepAliveMs: KEEP_ALIVE_MS, production: config.production, logger, extra: (socket, ip) => ({ socket, ip }) },
  );
  return {
    dispose: async () => {
      clearInterval(expirySweep);
      await transport.dispose();
    },
  };
}

/** A parsed and validated document, or why it is refused. */
type Prepared = { id: number; query: string; document: DocumentNode } | { errors: readonly GraphQLError[] };

/**
 * Subscribe documents parsed and validated once per text, shared by every
 * operation that sends the same text: ten thousand subscribers of one
 * dashboard hold one syntax tree, not ten thousand. Bounded like the HTTP
 * document store (about 40 bytes of tree per character of text); the least
 * recently used text goes first. Refused texts are not kept.
 */
class DocumentCache {
  private readonly entries = new Map<string, { id: number; query: string; document: DocumentNode }>();
  private size = 0;
  private nextId = 1;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: Parameters<typeof validate>[2],
    private readonly parseOptions: Parameters<typeof parse>[1],
    private readonly maxBytes: number,
  ) {}

  get(query: string): Prepared {
    const known = this.entries.get(query);
    if (known) {
      this.entries.delete(query);
      this.entries.set(query, known);
      return known;
    }
    let document: DocumentNode;
    try {
      document = parse(query, this.parseOptions);
    } catch (error) {
      return { errors: [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')] };
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length) return { errors: errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED')) };
    const entry = { id: this.nextId++, query, document };
    this.entries.set(query, entry);
    this.size += bytes(query);
    for (const [text] of this.entries) {
      if (this.size <= this.maxBytes || this.entries.size === 1) break;
      this.entries.delete(text);
      this.size -= bytes(text);
    }
    return entry;
  }
}

const bytes = (query: string) => 40 * query.length;

/** The codes HTTP clients get from Apollo for the same mistakes. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}
