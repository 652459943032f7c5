import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { WebSocketServer } from 'ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventBus } from './events/bus';
import { newestLogId } from './events/log';

/**
 * Prometheus metrics for one server instance, in a registry of its own (tests
 * run several servers in one process). Request figures come from the request
 * log's report; gauges are read when scraped.
 */

/** What a finished HTTP GraphQL request reports (the request log's line). */
export interface RequestFigures {
  operationName: string | null;
  durationMs: number;
  sqlStatements?: number;
  errors?: unknown[];
}

/** Operation names are chosen by clients: past this many distinct ones, the rest count as `other`. */
export const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** A scrape must not hang on a stuck database: the lag is left out instead. */
const LAG_QUERY_TIMEOUT_MS = 2000;

/** The graphql-ws server hooks the subscription gauge follows. */
export interface WatchableHooks {
  onConnect?: (ctx: any) => unknown;
  onClose?: (ctx: any, code?: number, reason?: string) => unknown;
}

export interface MetricsOptions {
  orm: MikroORM;
  events: EventBus;
  production: boolean;
  /** When set, scrapes need `Authorization: Bearer <token>`. */
  token?: string;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly sockets = new Set<WebSocketServer>();
  private readonly connections = new Set<{ subscriptions: Record<string, unknown> }>();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly duration: Histogram<'operation' | 'outcome'>;
  private readonly statements: Histogram<'operation' | 'outcome'>;

  constructor(private readonly options: MetricsOptions) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'gridkeeper_graphql_requests_total',
      help: 'GraphQL requests over HTTP by operation name and outcome (ok, or the first error code)',
      labelNames: ['operation', 'outcome'], registers,
    });
    this.duration = new Histogram({
      name: 'gridkeeper_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request over HTTP to its response being ready',
      labelNames: ['operation', 'outcome'], registers,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    this.statements = new Histogram({
      name: 'gridkeeper_graphql_request_sql_statements',
      help: 'SQL statements one GraphQL request over HTTP sent, by operation name and outcome',
      labelNames: ['operation', 'outcome'], registers,
      buckets: [0, 1, 2, 4, 8, 16, 32, 64, 128],
    });
    const sockets = this.sockets;
    const connections = this.connections;
    new Gauge({
      name: 'gridkeeper_websockets_open', help: 'Open WebSocket connections on /graphql', registers,
      collect() {
        let open = 0;
        for (const server of sockets) open += server.clients.size;
        this.set(open);
      },
    });
    new Gauge({
      name: 'gridkeeper_subscriptions_active', help: 'Subscriptions streaming over graphql-ws right now', registers,
      collect() {
        let active = 0;
        for (const ctx of connections) {
          for (const operation of Object.values(ctx.subscriptions)) if (isStream(operation)) active += 1;
        }
        this.set(active);
      },
    });
    const { orm, events } = options;
    const delivery = new Histogram({
      name: 'gridkeeper_live_delivery_seconds',
      help: 'Time from a live event\'s commit to its frame being written to a subscriber\'s socket, once per subscriber',
      registers,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 10],
    });
    events.onDelivered = (ms) => delivery.observe(ms / 1000);
    new Gauge({
      name: 'gridkeeper_event_bus_lag_events',
      help: 'Events in event_log that this instance has not yet read and fanned out to subscribers',
      registers,
      async collect() {
        this.reset();
        const newest = await newestEventId(orm);
        if (newest !== undefined) this.set(Math.max(0, newest - events.position));
      },
    });
    new Gauge({
      name: 'gridkeeper_db_pool_connections', help: 'Database pool connections by state', labelNames: ['state'], registers,
      collect() {
        const pool = databasePool(orm);
        if (!pool) return;
        this.set({ state: 'used' }, pool.numUsed());
        this.set({ state: 'free' }, pool.numFree());
        this.set({ state: 'pending_acquires' }, pool.numPendingAcquires());
        this.set({ state: 'pending_creates' }, pool.numPendingCreates());
      },
    });
    new Gauge({
      name: 'gridkeeper_db_pool_max', help: 'Most connections the database pool opens', registers,
      collect() {
        const pool = databasePool(orm);
        if (pool) this.set(pool.max);
      },
    });
  }

  /** Counts one finished request (the request log's report). */
  observe(report: RequestFigures): void {
    const operation = this.operationLabel(report.operationName);
    const first = report.errors?.[0];
    const outcome = first === undefined ? 'ok' : typeof first === 'string' && /^[A-Z_]{1,64}$/.test(first) ? first : 'UNKNOWN';
    this.requests.inc({ operation, outcome });
    this.duration.observe({ operation, outcome }, report.durationMs / 1000);
    if (report.sqlStatements !== undefined) this.statements.observe({ operation, outcome }, report.sqlStatements);
  }

  /**
   * Follows a graphql-ws server: its WebSocket server for the open-socket
   * gauge, its connections for the subscription gauge. Returns the options
   * with onConnect/onClose wrapped; nothing else changes.
   */
  watchWebSockets<O extends WatchableHooks>(server: WebSocketServer, options: O): O {
    this.sockets.add(server);
    server.once('close', () => this.sockets.delete(server));
    const { onConnect, onClose } = options;
    return {
      ...options,
      onConnect: (ctx: { subscriptions: Record<string, unknown> }) => {
        this.connections.add(ctx);
        return onConnect?.(ctx);
      },
      onClose: (ctx: { subscriptions: Record<string, unknown> }, code?: number, reason?: string) => {
        this.connections.delete(ctx);
        return onClose?.(ctx, code, reason);
      },
    };
  }

  /**
   * GET /metrics. With a token configured, only `Authorization: Bearer
   * <token>` may read it (401 otherwise); in production without one the
   * route does not exist (404), since process and traffic figures are not for
   * the public; outside production it is open.
   */
  readonly handler: RequestHandler = async (req, res, next) => {
    const { token, production } = this.options;
    if (token === undefined && production) return next();
    if (token !== undefined && !sameSecret(req.get('authorization') ?? '', `Bearer ${token}`)) {
      res.status(401).set('www-authenticate', 'Bearer realm="metrics"').json({ error: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>' });
      return;
    }
    try {
      const body = await this.registry.metrics();
      res.set('content-type', this.registry.contentType).set('cache-control', 'no-store').send(body);
    } catch (error) {
      next(error);
    }
  };

  private operationLabel(name: string | null): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }
}

/** Compares without leaking, through timing, how much of a guess was right. */
function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

function isStream(operation: unknown): boolean {
  return typeof operation === 'object' && operation !== null && Symbol.asyncIterator in operation;
}

interface Pool {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/** MikroORM's knex pool (tarn); undefined once the ORM is closed. */
function databasePool(orm: MikroORM): Pool | undefined {
  try {
    return (orm.em.getConnection().getKnex().client as { pool?: Pool }).pool ?? undefined;
  } catch {
    return undefined;
  }
}

async function newestEventId(orm: MikroORM): Promise<number | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = newestLogId(orm.em.fork());
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), LAG_QUERY_TIMEOUT_MS);
    });
    return await Promise.race([query, timeout]);
  } catch {
    return undefined; // unmigrated or unreachable: /readyz reports that; the gauge is simply absent
  } finally {
    clearTimeout(timer);
  }
}
