import { Client, type Notification } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { EVENTS_CHANNEL, type LogRow } from './log';

/** What the bus hands a subscriber: rows in log order, each delivered once. */
export interface Sink {
  /** Live rows newer than everything the subscriber has seen. Returns false when the subscriber is gone. */
  offer(rows: readonly LogRow[]): void;
}

const PAGE = 1000;
const RECONNECT_MS = [100, 250, 500, 1000, 2000, 5000];
/** A notification can be lost with its connection; this poll is the backstop, not the mechanism. */
const SAFETY_POLL_MS = 10_000;

/**
 * One per server process. Holds the process's only LISTEN connection and reads
 * the log forward from the last id it delivered whenever a notification (or
 * the safety poll) says there may be more, then fans the rows out to this
 * process's subscribers. Reads are serial, so rows reach subscribers in log
 * order; because ids become visible in id order (see log.ts), `id > last`
 * never skips a row. When the LISTEN connection drops, the bus reconnects and
 * catches up from `last`: nothing is lost in between.
 */
export class EventBus {
  private lastSeen = 0;
  private readonly sinks = new Set<Sink>();
  private listener: Client | null = null;
  private pumping: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private poll: NodeJS.Timeout | null = null;
  private attempts = 0;
  private failing = false;

  constructor(private readonly orm: MikroORM, private readonly url: string, private readonly logger: Logger) {}

  /** The newest log id this process has delivered: live subscriptions start after it. */
  get position(): number {
    return this.lastSeen;
  }

  async start(): Promise<void> {
    try {
      const [row] = await this.orm.em.fork().execute('select coalesce(max(id), 0) as id from event_log');
      this.lastSeen = Number(row.id);
    } catch (error) {
      // Not migrated yet (the server still starts; /readyz says 503): every row that appears later is new.
      this.logger.warn({ err: error }, 'event log not readable yet; live events start once migrations are applied');
    }
    await this.listen();
    this.poll = setInterval(() => this.wake(), SAFETY_POLL_MS);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    // A read in flight only feeds subscribers that are gone by now: don't let a stuck one hold up shutdown.
    await Promise.race([this.pumping, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
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
    const client = new Client({ connectionString: this.url, application_name: 'gridkeeper-listener' });
    client.on('notification', (_message: Notification) => this.wake());
    client.on('error', (error) => this.logger.warn({ err: error }, 'event listener connection failed'));
    client.on('end', () => {
      if (this.listener !== client || this.stopped) return;
      this.listener = null;
      this.reconnect();
    });
    try {
      await client.connect();
      await client.query(`listen ${EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.listener = client;
    this.attempts = 0;
    // Whatever committed while we were not listening is in the log: read it now.
    this.wake();
  }

  private reconnect(): void {
    const delay = RECONNECT_MS[Math.min(this.attempts++, RECONNECT_MS.length - 1)];
    this.logger.warn({ delayMs: delay }, 'event listener disconnected; reconnecting');
    setTimeout(() => {
      this.listen().catch((error) => {
        this.logger.warn({ err: error }, 'event listener reconnect failed');
        this.reconnect();
      });
    }, delay).unref();
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

function normalise(row: LogRow): LogRow {
  return { ...row, id: Number(row.id), ticket_event_id: row.ticket_event_id === null ? null : Number(row.ticket_event_id) };
}
