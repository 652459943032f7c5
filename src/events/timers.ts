import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { appendEvents, type LogEntry } from './log';

/**
 * One kind of due work (dispatch escalations, missed targets, care visits
 * falling due, …): inside the transaction it is given, claim the due rows of
 * its own table with FOR UPDATE SKIP LOCKED, act on each and mark it done.
 * Returns how many it handled and the log entries of the events it wrote.
 */
export type DueWork = (em: EntityManager) => Promise<{ handled: number; entries: LogEntry[] }>;

/**
 * The timers of one server instance. Every `pollMs` it runs each kind of due
 * work in a transaction of its own and appends the events it wrote to the log
 * in that transaction. Because work is claimed with FOR UPDATE SKIP LOCKED
 * and marked done in the same transaction, any number of instances share the
 * rows and each is handled exactly once; work that fell due while no instance
 * ran is handled when the next one starts.
 */
/** Ticks one poll may run back to back while each finds due work. */
const DRAIN_TICKS = 100;

export class TimerWorker {
  private interval: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly orm: MikroORM, private readonly logger: Logger, private readonly pollMs: number, private readonly work: readonly DueWork[]) {}

  start(): void {
    this.interval = setInterval(() => {
      if (this.running) return;
      this.running = this.drain()
        .catch((error) => this.logger.warn({ err: error }, 'timers failed; retrying at the next poll'))
        .finally(() => { this.running = null; });
    }, this.pollMs);
    this.interval.unref();
  }

  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.running;
  }

  /**
   * Ticks until nothing is due (at most DRAIN_TICKS in a row, then the next
   * poll goes on): after a restart the work that fell due meanwhile (a week of
   * care visits across the estates) is caught up at once, in small
   * transactions, rather than one batch per poll.
   */
  private async drain(): Promise<void> {
    for (let i = 0; i < DRAIN_TICKS && this.interval; i++) {
      if ((await this.tick()) === 0) return;
    }
  }

  /** Runs every kind of due work once; returns how many rows were handled in all. */
  async tick(): Promise<number> {
    let handled = 0;
    for (const work of this.work) {
      handled += await this.orm.em.fork().transactional(async (em) => {
        const done = await work(em);
        await appendEvents(em, done.entries);
        return done.handled;
      });
    }
    return handled;
  }
}
