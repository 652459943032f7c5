import type { EntityManager } from '@mikro-orm/postgresql';
import { Loaders } from '../loaders';
import type { Viewer } from '../access/viewer';
import type { Condition } from '../services/paging';
import type { EventBus, Sink } from './bus';
import type { LogRow } from './log';

/** Close codes clients can act on; graphql-ws's own are 4400–4500 (4403: bad token at connection_init). */
export const CLOSE = {
  /** The token in connection_init was refused; the reason says why, in the words HTTP uses. */
  UNAUTHENTICATED: { code: 4403, reason: 'Forbidden' },
  /** The token expired while connected: reconnect with a fresh token and resume from your cursor. */
  TOKEN_EXPIRED: { code: 4401, reason: 'Token expired' },
  /** The subscriber fell too far behind: reconnect and resume from your last cursor. */
  TOO_SLOW: { code: 4413, reason: 'Subscriber too slow: resume from your last cursor' },
} as const;

/** One event on its way to one subscriber, with the fresh loaders it is resolved with. */
export interface Delivery {
  row: LogRow;
  em: EntityManager;
  loaders: Loaders;
}

/**
 * Rows read or fanned out together share one fresh identity map and one set of
 * loaders per rights key: loaders read what their viewer may read, and viewers
 * with equal keys may read exactly the same rows (access/viewer.ts).
 */
const batches = new WeakMap<readonly LogRow[], Map<string, { em: EntityManager; loaders: Loaders }>>();

function deliveries(root: EntityManager, viewer: Viewer, rows: readonly LogRow[], match: (row: LogRow) => boolean, after: number): Delivery[] {
  const picked = rows.filter((r) => r.id > after && match(r));
  if (picked.length === 0) return [];
  let byRights = batches.get(rows);
  if (!byRights) batches.set(rows, (byRights = new Map()));
  let batch = byRights.get(viewer.rightsKey);
  if (!batch) {
    const em = root.fork({ clear: true }) as EntityManager;
    byRights.set(viewer.rightsKey, (batch = { em, loaders: new Loaders(em, viewer) }));
  }
  return picked.map((row) => ({ row, ...batch! }));
}

export interface LiveOptions {
  bus: EventBus;
  root: EntityManager;
  /** Whose rights the events are resolved with. */
  viewer: Viewer;
  /** Resume after this log id; null: live from now. */
  after: number | null;
  /** The filter as SQL on alias `l` (for replay) and as a predicate (for live rows): the same rule twice. */
  where: Condition;
  match: (row: LogRow) => boolean;
  /** Most undelivered events held for this subscriber; past it the subscriber is closed, never silently skipped. */
  maxQueue: number;
  onOverflow: () => void;
}

const REPLAY_PAGE = 500;

/**
 * A subscription to the log: replays every matching row after `after`, then
 * continues live, with no gap and no duplicate at the seam. While replaying,
 * live fan-outs are ignored and the replay reads on from the database up to
 * the bus's position at that moment; once the replay has reached the position
 * the bus delivered (checked and switched in one synchronous step), the
 * subscriber takes live rows newer than its last id.
 */
export class LiveSubscription implements AsyncIterableIterator<Delivery>, Sink {
  private readonly queue: Delivery[] = [];
  private waiting: { resolve: (r: IteratorResult<Delivery>) => void; reject: (e: unknown) => void } | null = null;
  private drained: (() => void) | null = null;
  private last: number;
  private live = false;
  private done = false;
  private failure: unknown = null;

  constructor(private readonly options: LiveOptions) {
    this.last = options.after ?? options.bus.position;
    options.bus.add(this);
    if (options.after === null) this.live = true;
    else this.replay().catch((error) => this.fail(error));
  }

  offer(rows: readonly LogRow[]): void {
    if (!this.live || this.done) return;
    const fresh = deliveries(this.options.root, this.options.viewer, rows, this.options.match, this.last);
    this.last = Math.max(this.last, rows[rows.length - 1].id);
    this.push(fresh);
  }

  private async replay(): Promise<void> {
    const { bus, where, match } = this.options;
    for (;;) {
      // A cursor can be ahead of this process's bus (issued by another instance a moment ago): never go back below it.
      const target = Math.max(bus.position, this.last);
      while (this.last < target) {
        if (this.done) return;
        const rows = await bus.read(this.last, target, where, REPLAY_PAGE);
        this.push(deliveries(this.options.root, this.options.viewer, rows, match, this.last));
        if (rows.length < REPLAY_PAGE) {
          this.last = target;
          break;
        }
        this.last = rows[rows.length - 1].id;
        // Back-pressure: a replay of a long history waits for the client instead of buffering it all.
        while (this.queue.length >= this.options.maxQueue / 2 && !this.done) await new Promise<void>((r) => (this.drained = r));
      }
      if (bus.position <= target) {
        this.live = true;
        return;
      }
    }
  }

  private push(items: Delivery[]): void {
    if (this.done || items.length === 0) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: items.shift()!, done: false });
    }
    this.queue.push(...items);
    if (this.queue.length > this.options.maxQueue) {
      this.options.onOverflow();
      this.finish();
    }
  }

  private fail(error: unknown): void {
    this.failure = error;
    if (this.waiting) {
      this.waiting.reject(error);
      this.waiting = null;
    }
    this.finish();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.queue.length = 0;
    this.options.bus.remove(this);
    this.drained?.();
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = null;
  }

  next(): Promise<IteratorResult<Delivery>> {
    const item = this.queue.shift();
    if (this.queue.length < this.options.maxQueue / 2 && this.drained) {
      const wake = this.drained;
      this.drained = null;
      wake();
    }
    if (item) return Promise.resolve({ value: item, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<Delivery>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<Delivery>> {
    this.finish();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
