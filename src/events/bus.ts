import crypto from 'node:crypto';
import { Client, type Notification } from 'pg';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { parseTimestamp } from '../db/rows';
import { Heartbeat } from './heartbeat';
import { EVENTS_CHANNEL, newestLogId, type LogRow } from './log';

/** What the bus hands its rows to (an audience of subscribers): rows in log order, each delivered once. */
export interface Sink {
  /** Live rows newer than everything delivered before. */
  offer(rows: readonly LogRow[]): void;
}

/** Intervals of the bus; the defaults suit production, tests shorten them. */
export interface EventBusOptions {
  /**
   * How often the LISTEN connection is proven alive: a NOTIFY sent through
   * the ORM pool must come back on it. Default 5000 ms.
   */
  heartbeatMs?: number;
  /**
   * How long the LISTEN connection may leave a heartbeat (counted from its
   * commit), or its own connect and LISTEN, unanswered before it is declared
   * dead, destroyed and replaced. Default 5000 ms.
   */
  deadAfterMs?: number;
  /**
   * How often the log is read without a notification: the backstop for a
   * notification lost with its connection, not the delivery mechanism.
   * Default 10000 ms.
   */
  safetyPollMs?: number;
}

const PAGE = 1000;
const RECONNECT_MS = [100, 250, 500, 1000, 2000, 5000];
/**
 * Idle time before TCP keepalive probes start. Keepalive notices a peer that
 * stopped acknowledging, after as many probes as the operating system sends,
 * and keeps a NAT's mapping warm; a path that still acknowledges but forwards
 * nothing is the heartbeat's job.
 */
const KEEPALIVE_MS = 5000;
/** A polite close of a connection that may be dead gets this long before its socket is destroyed. */
const CLOSE_MS = 1000;

/**
 * One per server process. Holds the process's only LISTEN connection and reads
 * the log forward from the last id it delivered whenever a notification (or
 * the safety poll) says there may be more, then fans the rows out to this
 * process's subscribers. Reads are serial, so rows reach subscribers in log
 * order; because ids become visible in id order (see log.ts), `id > last`
 * never skips a row. When the LISTEN connection drops, or its heartbeat
 * shows it went silent, the bus reconnects and catches up from `last`:
 * nothing is lost in between.
 */
export class EventBus {
  private lastSeen = 0;
  private readonly sinks = new Set<Sink>();
  private listener: Client | null = null;
  /** A connection being opened, so that stop() can cut it short. */
  private connecting: Client | null = null;
  private heartbeat: Heartbeat | null = null;
  /** Per process, so an instance hears only its own heartbeats, never another's nor an event. */
  private readonly heartbeatChannel = `gridkeeper_heartbeat_${crypto.randomBytes(8).toString('hex')}`;
  private pumping: Promise<void> | null = null;
  private readonly headWaiters: Array<{ resolve: (id: number) => void; reject: (error: unknown) => void }> = [];
  private headReading = false;
  private again = false;
  private stopped = false;
  private poll: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private attempts = 0;
  private failing = false;
  private connections = 0;
  private readonly heartbeatMs: number;
  private readonly deadAfterMs: number;
  private readonly safetyPollMs: number;

  constructor(private readonly orm: MikroORM, private readonly url: string, private readonly logger: Logger, options: EventBusOptions = {}) {
    this.heartbeatMs = options.heartbeatMs ?? 5000;
    this.deadAfterMs = options.deadAfterMs ?? 5000;
    this.safetyPollMs = options.safetyPollMs ?? 10_000;
  }

  /**
   * Called once per live event written to a subscriber's socket, with the
   * milliseconds from the event's commit timestamp to the write (the metrics'
   * `gridkeeper_live_delivery_seconds`).
   */
  onDelivered: ((ms: number) => void) | null = null;

  /** The newest log id this process has read and delivered (the last id seen): live subscriptions start after it. */
  get position(): number {
    return this.lastSeen;
  }

  /**
   * The newest id in the log, read by a statement that starts after this
   * call: a subscription that starts "from now" starts here, so a change whose
   * commit its client saw before subscribing is never delivered as news, even
   * when this process's LISTEN has not heard of it yet. Callers that come
   * while a read is in flight share the next one (one statement at a time
   * however many subscribe at once).
   */
  head(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.headWaiters.push({ resolve, reject });
      if (!this.headReading) void this.readHeads();
    });
  }

  private async readHeads(): Promise<void> {
    this.headReading = true;
    while (this.headWaiters.length > 0) {
      const waiters = this.headWaiters.splice(0);
      try {
        const head = await newestLogId(this.orm.em.fork());
        for (const w of waiters) w.resolve(head);
      } catch (error) {
        for (const w of waiters) w.reject(error);
      }
    }
    this.headReading = false;
  }

  /** How many times the LISTEN connection was lost (dropped or silent) and opened again. */
  get reconnects(): number {
    return Math.max(0, this.connections - 1);
  }

  async start(): Promise<void> {
    try {
      this.lastSeen = await newestLogId(this.orm.em.fork());
    } catch (error) {
      // Not migrated yet (the server still starts; /readyz says 503): every row that appears later is new.
      this.logger.warn({ err: error }, 'event log not readable yet; live events start once migrations are applied');
    }
    await this.listen();
    this.poll = setInterval(() => this.wake(), this.safetyPollMs);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.retry) clearTimeout(this.retry);
    this.heartbeat?.stop();
    if (this.connecting) destroy(this.connecting);
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      // A silent connection never answers the goodbye.
      await Promise.race([listener.end().catch(() => {}), new Promise((resolve) => setTimeout(resolve, CLOSE_MS).unref())]);
      destroy(listener);
    }
    // A read in flight only feeds subscribers that are gone by now: don't let a stuck one hold up shutdown.
    await Promise.race([this.pumping, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  }

  /** A fresh identity map on the bus's database, for resolving the rows it delivers. */
  fork(): EntityManager {
    return this.orm.em.fork({ clear: true }) as EntityManager;
  }

  add(sink: Sink): void {
    this.sinks.add(sink);
  }

  remove(sink: Sink): void {
    this.sinks.delete(sink);
  }

  /** Reads log rows after `afterId` up to `upTo`, matching `where` (on alias `l`), in id order. */
  async read(afterId: number, upTo: number, where: { sql: string; bindings: readonly unknown[] }, limit = PAGE): Promise<LogRow[]> {
    const rows: LogRow[] = await this.orm.em.fork().execute(
      `select * from event_log l where l.id > ? and l.id <= ? and (${where.sql}) order by l.id limit ?`,
      [afterId, upTo, ...where.bindings, limit],
    );
    return rows.map(normalise);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.url, application_name: 'gridkeeper-listener', keepAlive: true, keepAliveInitialDelayMillis: KEEPALIVE_MS,
    });
    client.on('notification', (message: Notification) => {
      if (client !== this.listener) return;
      if (message.channel === this.heartbeatChannel) {
        this.heartbeat?.heard(message.payload);
      } else {
        this.heartbeat?.heard();
        this.wake();
      }
    });
    // A connection given up on errors as it goes down; only the current one's failure is news.
    client.on('error', (error) => {
      if (client === this.listener) this.logger.warn({ err: error }, 'event listener connection failed');
    });
    client.on('end', () => {
      if (client !== this.listener || this.stopped) return;
      this.detach();
      this.reconnect();
    });
    this.connecting = client;
    // Over a dead network, connect or LISTEN can wait forever: give up and let the retry try again.
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      destroy(client);
    }, this.deadAfterMs);
    deadline.unref();
    try {
      await client.connect();
      await client.query(`listen ${EVENTS_CHANNEL}; listen ${this.heartbeatChannel}`);
    } catch (error) {
      destroy(client);
      throw timedOut ? new Error(`no answer within ${this.deadAfterMs} ms while connecting`) : error;
    } finally {
      clearTimeout(deadline);
      if (this.connecting === client) this.connecting = null;
    }
    if (this.stopped) {
      destroy(client);
      return;
    }
    this.listener = client;
    this.connections += 1;
    this.heartbeat = new Heartbeat({
      everyMs: this.heartbeatMs,
      deadAfterMs: this.deadAfterMs,
      send: (payload) => this.orm.em.fork().execute('select pg_notify(?, ?)', [this.heartbeatChannel, payload]),
      onDead: (silentMs) => this.dead(client, silentMs),
      logger: this.logger,
    });
    this.attempts = 0;
    // Whatever committed while we were not listening is in the log: read it now.
    this.wake();
  }

  /** The heartbeat did not come back: the connection is half-open, and ending it politely would wait forever. */
  private dead(client: Client, silentMs: number): void {
    if (client !== this.listener || this.stopped) return;
    this.logger.warn({ silentMs, heartbeatMs: this.heartbeatMs, deadAfterMs: this.deadAfterMs },
      'event listener went silent (its heartbeat did not come back); dropping the connection');
    this.detach();
    destroy(client);
    this.reconnect();
  }

  /** Forgets the current listener, so that neither its `end` nor its heartbeat acts on it again. */
  private detach(): void {
    this.heartbeat?.stop();
    this.heartbeat = null;
    this.listener = null;
  }

  private reconnect(): void {
    // One retry at a time, whichever of `end`, the heartbeat or a failed attempt asks.
    if (this.stopped || this.retry) return;
    const delay = RECONNECT_MS[Math.min(this.attempts++, RECONNECT_MS.length - 1)];
    this.logger.warn({ delayMs: delay }, 'event listener disconnected; reconnecting');
    this.retry = setTimeout(() => {
      this.retry = null;
      this.listen().catch((error) => {
        this.logger.warn({ err: error }, 'event listener reconnect failed');
        this.reconnect();
      });
    }, delay);
    this.retry.unref();
  }

  /** Asks for a read; reads never overlap, and a wake during a read causes one more. */
  private wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const rows = await this.read(this.lastSeen, Number.MAX_SAFE_INTEGER, { sql: 'true', bindings: [] });
        if (rows.length === 0) break;
        this.lastSeen = rows[rows.length - 1].id;
        for (const sink of [...this.sinks]) sink.offer(rows);
        if (rows.length < PAGE) break;
      }
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn({ err: error }, 'reading the event log failed; retrying every second');
      this.failing = true;
      setTimeout(() => this.wake(), 1000).unref();
    }
  }
}

/** Closes a connection's socket without waiting for the server: the way to drop one that may never answer. */
function destroy(client: Client): void {
  client.connection.stream.destroy();
}

function normalise(row: LogRow): LogRow {
  const id = (value: number | null) => (value === null ? null : Number(value));
  return {
    // The ORM's driver hands timestamps over as PostgreSQL text.
    ...row, id: Number(row.id), at: parseTimestamp(row.at), ticket_event_id: id(row.ticket_event_id), dispatch_event_id: id(row.dispatch_event_id),
    booking_change_id: id(row.booking_change_id), community_event_change_id: id(row.community_event_change_id), care_event_id: id(row.care_event_id),
  };
}
