import type { EntityManager } from '@mikro-orm/postgresql';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { columnPlan, type ColumnPlan } from './columns';
import type { Logger } from './logger';
import type { Viewer } from './access/viewer';
import { Loaders } from './loaders';
import { isRead, read } from './db/statements';
import type { EventBus } from './events/bus';
import { DEFAULT_DISPATCH, type DispatchConfig } from './config';

/**
 * Everything a resolver gets: a fresh identity map, fresh loaders and the
 * viewer. One per HTTP request and one per subscription event.
 */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer;
  requestId: string;
  logger: Logger;
  /** SQL statements this context's EntityManager sent (reads; logged per request). */
  statements: { count: number };
  /** The process's event bus, for subscriptions. */
  events?: EventBus;
  /** Over WebSocket: subscriptions with equal keys see equal results and share their execution. */
  shareKey?: string;
  /** Over WebSocket: ends the whole connection (a slow subscriber, an expired token). */
  connection?: { close(code: number, reason: string): void };
  /** Over WebSocket: sends a `next` of this subscription straight to its socket, masked as any result; `sent` once the socket took it. */
  live?: (result: ExecutionResult, sent: () => void) => void;
  /** Server settings services need (dispatch timing). */
  settings: Readonly<DispatchConfig>;
  /**
   * Reads only the columns an operation of `document` needs (src/columns.ts);
   * called before it runs, while nothing has been read.
   */
  planColumns?(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): void;
  /**
   * Over HTTP: the result of this request's query, already run by the known
   * path (src/http-graphql.ts) and left to Apollo to answer because it has
   * errors; Apollo's executor hands it on instead of running the query again.
   * `startedAt` (process.hrtime) is when the known path began, for the log line.
   */
  executed?: { result: ExecutionResult; startedAt: bigint };
}

/**
 * A context whose identity map and loaders are made on first use: a
 * subscription reads only while it is set up, and an idle one should not
 * hold an EntityManager for hours (see {@link forgetReads}).
 */
class RequestContext implements Context {
  statements = { count: 0 };
  shareKey?: string;
  connection?: { close(code: number, reason: string): void };
  live?: (result: ExecutionResult, sent: () => void) => void;
  executed?: { result: ExecutionResult; startedAt: bigint };
  private ownEm?: EntityManager;
  private ownLoaders?: Loaders;
  private columns?: ColumnPlan | null;

  constructor(
    private readonly root: EntityManager,
    public viewer: Viewer,
    public requestId: string,
    public logger: Logger,
    public events: EventBus | undefined,
    public settings: Readonly<DispatchConfig>,
  ) {}

  get em(): EntityManager {
    return (this.ownEm ??= countedFork(this.root, this.statements));
  }

  set em(em: EntityManager) {
    this.ownEm = em;
  }

  get loaders(): Loaders {
    return (this.ownLoaders ??= new Loaders(this.reads(), this.viewer, this.columns));
  }

  planColumns(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): void {
    // Rows read before the plan (there are none today) would be whole; mixing them with planned rows is never done.
    if (!this.ownLoaders) this.columns = columnPlan(schema, document, operationName, this.root.getMetadata());
  }

  /**
   * What the loaders read through: a request that only reads needs no
   * identity map of its own (forking one is a good part of a small request's
   * cost), so its reads go to the pool directly; once anything used `em`
   * (a write), reads go through it and see its transaction.
   */
  private reads(): Pick<EntityManager, 'execute' | 'getMetadata'> {
    const { root, statements } = this;
    return {
      execute: ((sql: string, params?: unknown[], method?: string) => {
        if (this.ownEm || method !== undefined || !isRead(sql)) return this.em.execute(sql, params, method as never);
        statements.count++;
        return read(root, sql, params ?? []);
      }) as EntityManager['execute'],
      getMetadata: (() => root.getMetadata()) as EntityManager['getMetadata'],
    };
  }

  set loaders(loaders: Loaders) {
    this.ownLoaders = loaders;
  }

  forget(): void {
    this.ownEm = undefined;
    this.ownLoaders = undefined;
  }
}

export function createContext(
  root: EntityManager, viewer: Viewer, requestId: string, logger: Logger, events?: EventBus, settings: Readonly<DispatchConfig> = DEFAULT_DISPATCH,
): Context {
  return new RequestContext(root, viewer, requestId, logger, events, settings);
}

/**
 * The context one subscription event is resolved with: the subscription's
 * viewer and request id, the event's identity map and loaders (shared by the
 * subscribers it is delivered to with the same rights, src/events/subscriptions.ts).
 */
export function eventContext(subscription: Context, em: EntityManager, loaders: Loaders): Context {
  const ctx = new RequestContext(em, subscription.viewer, subscription.requestId, subscription.logger, subscription.events, subscription.settings);
  ctx.em = em;
  ctx.loaders = loaders;
  ctx.shareKey = subscription.shareKey;
  ctx.connection = subscription.connection;
  return ctx;
}

/** Lets go of what a context has read so far (its identity map and loaders); they are made afresh if used again. */
export function forgetReads(ctx: Context): void {
  if (ctx instanceof RequestContext) ctx.forget();
}

/** A fresh identity map whose reads run as prepared statements and are counted. */
function countedFork(root: EntityManager, statements: { count: number }): EntityManager {
  const em = root.fork({ clear: true }) as EntityManager;
  // Every read of a request goes through its fork's execute: counting here costs nothing per promise,
  // unlike tracking the request through async context.
  // Reads run as prepared statements (src/db/statements.ts); anything else as the ORM sends it.
  const execute = em.execute.bind(em);
  em.execute = ((...args: Parameters<typeof execute>) => {
    statements.count++;
    const [sql, params, method] = args;
    if (typeof sql === 'string' && (method === undefined || method === 'all') && isRead(sql)) return read(em, sql, params ?? []);
    return execute(...args);
  }) as typeof em.execute;
  return em;
}
