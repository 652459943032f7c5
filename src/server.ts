import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError, type DocumentNode } from 'graphql';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { buildSchema } from '../resolvers';
import { viewerFromAuthorization, type Viewer } from './access/viewer';
import { DEFAULT_CARE, DEFAULT_DISPATCH, DEFAULT_DOCUMENT_CACHE_MIB, type Config } from './config';
import { dispatchTimers } from './services/dispatch-timers';
import { careTimers } from './services/care-timers';
import { TimerWorker } from './events/timers';
import { createContext, type Context } from './context';
import { databaseReady } from './db/orm';
import { AppError, formatError, isClientError } from './errors';
import { unwrapResolverError } from '@apollo/server/errors';
import { queryLimits } from './limits';
import { createRateLimiter } from './rate-limit';
import { correlationIdOf, requestIds } from './request-id';
import { graphqlHttp, rejectBody, type RequestState } from './http-graphql';
import { startWebSocketServer } from './websocket';
import { compiledExecution, executeCompiled, KnownQueries } from './compiled';
import { EventBus, type EventBusOptions } from './events/bus';
import type { Logger } from './logger';
import { corsForGraphql } from './origins';
import { documentRefusal } from './documents';
import { Metrics } from './metrics';
import { satisfactionCsv } from './exports';

/** What the server reports about each finished GraphQL request over HTTP (and logs as one line). */
export interface RequestReport {
  requestId?: string;
  /** The caller's own `x-request-id`, when sane: for matching with the caller's logs, never trusted as an id. */
  correlationId?: string;
  operationName: string | null;
  durationMs: number;
  /** SQL statements the request itself sent (background work such as the event bus is not counted). */
  sqlStatements?: number;
  status: number;
  errors?: unknown[];
}

export interface ServerOptions {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  /** Called with each request's report after its response is ready (metrics, tests). */
  onRequestEnd?: (report: RequestReport) => void;
  /** Where the event bus's LISTEN connection goes; default the ORM's database (tests route it through a proxy). */
  listenerUrl?: string;
  /** The event bus's heartbeat and poll intervals; the defaults suit production. */
  eventBus?: EventBusOptions;
}

export interface RunningServer {
  /** `http://host:port/graphql` */
  url: string;
  port: number;
  /**
   * Stops taking requests, lets in-flight ones finish, closes every WebSocket
   * with 1001 (going away). Does not close the ORM: its owner does.
   */
  stop(): Promise<void>;
}

/** Longest wait for in-flight HTTP requests on shutdown, well inside the 10 s budget. */
const DRAIN_MS = 5000;

/**
 * Creates and starts the HTTP server: Apollo on POST/GET /graphql, graphql-ws
 * on the same path, /healthz and /readyz.
 */
export async function startServer({ config, logger, orm, onRequestEnd, listenerUrl, eventBus }: ServerOptions): Promise<RunningServer> {
  const schema = buildSchema();
  const app = express();
  app.disable('x-powered-by');
  // No response here is cached by validators: an ETag would be a hash of every answer's bytes for nothing.
  app.disable('etag');
  // POST /graphql mostly takes a path of its own (src/http-graphql.ts); everything else is express's.
  let graphql: ReturnType<typeof graphqlHttp> | undefined;
  const httpServer = http.createServer((req, res) => {
    if (!graphql?.fast(req, res)) app(req, res);
  });
  // Idle keep-alive sockets outlive the idle timeout of the proxies and clients in front (60 s is common), so that the
  // other side closes first and never writes a request into a socket this side is closing (ECONNRESET).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const tokenRules = { secret: config.jwtSecret, maxLifetimeSeconds: config.tokenMaxLifetimeSeconds };
  const events = new EventBus(orm, listenerUrl ?? orm.config.get('clientUrl')!, logger, eventBus);
  await events.start();
  // Escalations, missed targets and other due work: every instance polls; each row is handled once (src/events/timers.ts).
  const dispatchConfig = config.dispatch ?? DEFAULT_DISPATCH;
  const timers = new TimerWorker(orm, logger, dispatchConfig.timerPollMs, [
    dispatchTimers(dispatchConfig, logger), careTimers(config.care ?? DEFAULT_CARE, logger),
  ]);
  timers.start();
  const limits = queryLimits(config.limits);
  const rateLimiter = createRateLimiter(config.rateLimit, orm.config.get('clientUrl')!, logger);
  const metrics = new Metrics({ orm, events, production: config.production, token: config.metricsToken });
  const report = (r: RequestReport) => { metrics.observe(r); onRequestEnd?.(r); };
  const known = new KnownQueries();
  let stopping: Promise<void> | undefined;
  const wsCleanup = startWebSocketServer(httpServer, schema, config, orm, logger, events, rateLimiter, metrics);

  const apollo = new ApolloServer<Context>({
    // Each operation is compiled once and run compiled (src/compiled.ts); Apollo does everything around it.
    gateway: compiledExecution(schema),
    documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: (config.documentCacheMiB ?? DEFAULT_DOCUMENT_CACHE_MIB) * 2 ** 20 }),
    introspection: !config.production,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    // Unexpected errors are logged (with the request id) by the request log plugin, which sees the context.
    formatError: (formatted, error) => formatError(formatted, error, () => undefined),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_MS }),
      // The default cache-control plugin wraps every field resolver in a hook; nothing here is HTTP-cacheable.
      ApolloServerPluginCacheControlDisabled(),
      { serverWillStart: async () => ({ drainServer: async () => { await wsCleanup.dispose(); } }) },
      requestLogPlugin(logger, report),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ document, request, operationName, operation }) {
              // Over HTTP an operation answers once; a subscription needs the WebSocket on the same path.
              if (operation?.operation === 'subscription') {
                throw new GraphQLError('Subscriptions are served over WebSocket (the graphql-ws protocol) at /graphql, not over HTTP', {
                  extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
                });
              }
              limits.assertAffordable(schema, document, request.variables, operationName);
              if (operation?.operation === 'query' && request.query !== undefined) {
                known.remember(request.query, request.operationName, { document, name: operation.name?.value ?? null });
              }
            },
          };
        },
      },
      // Apollo's sandbox, without its telemetry; none in production.
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: { runTelemetry: false } }),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  let migrated = false;
  app.get('/readyz', async (_req, res) => {
    const ready = await databaseReady(orm, migrated);
    migrated ||= ready;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  app.get('/metrics', metrics.handler);

  const contextOf = async ({ viewer, authError, requestId }: RequestState): Promise<Context> => {
    if (authError) {
      // A database failure while confirming the token is not the caller's fault: it stays masked.
      if (!(authError instanceof AppError)) throw authError;
      throw new AppError('UNAUTHENTICATED', authError.message, { http: { status: 401 } });
    }
    return createContext(orm.em, viewer as Viewer, requestId ?? crypto.randomUUID(), logger, events, config.dispatch);
  };
  graphql = graphqlHttp({
    apollo,
    cors: corsForGraphql(config),
    viewerOf: (authorization) => viewerFromAuthorization(authorization, tokenRules, () => orm.em.fork()),
    rateLimiter,
    documents: config.trustedDocuments,
    refuseDocument: documentRefusal(logger, report),
    context: contextOf,
    answerKnown: async ({ query, operationName, variables }, state) => {
      const found = stopping ? undefined : known.find(query, operationName);
      if (!found) return undefined;
      const { document } = found;
      const started = process.hrtime.bigint();
      try {
        limits.assertAffordable(schema, document, variables, operationName);
        const contextValue = await contextOf(state);
        const result = await executeCompiled(schema, document, operationName, undefined, contextValue, variables);
        if (result.errors !== undefined || result.data == null) {
          // Errors are Apollo's to format, log and report: its executor hands this result on (src/compiled.ts).
          contextValue.executed = { result, startedAt: started };
          return contextValue;
        }
        logRequest(logger, report, {
          requestId: contextValue.requestId, correlationId: state.correlationId, operationName: found.name ?? operationName ?? null,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6, sqlStatements: contextValue.statements.count, status: 200,
        });
        return JSON.stringify({ data: result.data }) + '\n';
      } catch {
        return undefined; // Apollo runs it and answers whatever went wrong (a query changes nothing)
      }
    },
    logger,
  });
  app.use('/graphql', ...graphql.express);
  app.get('/exports/satisfaction.csv', corsForGraphql(config), requestIds, ...satisfactionCsv({ em: orm.em, tokenRules, logger, rateLimit: rateLimiter.http }));
  app.use(bodyErrorHandler(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    url: `http://${host}:${port}/graphql`,
    port,
    stop: () => (stopping ??= apollo.stop().then(() => timers.stop()).then(() => events.stop()).then(() => rateLimiter.close())),
  };
}

/** One JSON log line per GraphQL request: operation, duration, SQL statements, errors. */
function requestLogPlugin(logger: Logger, onRequestEnd?: (report: RequestReport) => void): ApolloServerPlugin<Context> {
  return {
    async unexpectedErrorProcessingRequest({ error, requestContext }) {
      logger.error({ requestId: requestContext.contextValue?.requestId, err: error }, 'unexpected error processing request');
    },
    async requestDidStart({ request, contextValue }) {
      // A result the known path ran and handed over was started there (src/http-graphql.ts).
      const started = contextValue?.executed?.startedAt ?? process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isClientError(error)) logger.error({ requestId: contextValue?.requestId, err: unwrapResolverError(error) }, 'unexpected error while resolving');
          }
        },
        async willSendResponse({ response, operationName, contextValue, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          // Masked errors carry the request id, so a report from a client leads to the full error in the log.
          for (const error of body?.errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR' && contextValue?.requestId) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
          logRequest(logger, onRequestEnd, {
            requestId: contextValue?.requestId,
            correlationId: correlationIdOf(request.http?.headers.get('x-request-id')),
            operationName: operationName ?? request.operationName ?? null,
            durationMs: Number(process.hrtime.bigint() - started) / 1e6,
            sqlStatements: contextValue?.statements?.count,
            status: response.http.status ?? 200,
            errors: (body?.errors ?? errors)?.map((e) => e.extensions?.code ?? 'UNKNOWN'),
          });
        },
      };
    },
  };
}

/** A finished request: its log line and its report (metrics, tests). */
function logRequest(logger: Logger, onRequestEnd: ((report: RequestReport) => void) | undefined, report: RequestReport): void {
  logger.info(report, 'graphql request');
  onRequestEnd?.(report);
}

/** Body-parser failures as clean JSON errors: 413 above 1 MiB, 400 for malformed JSON. */
function bodyErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: string }).type;
    const status = type === 'entity.too.large' ? 413 : type === 'entity.parse.failed' ? 400 : (error as { status?: number }).status ?? 500;
    rejectBody(res, logger, status, res.locals.requestId, req.path, error);
  };
}
