import type { EntityManager } from '@mikro-orm/postgresql';
import type { ExecutionResult } from 'graphql';
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

/** One event on its way to subscribers, with the fresh loaders it is resolved with; shared by every subscriber of one audience. */
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

function deliveries(bus: EventBus, viewer: Viewer, rows: readonly LogRow[], match: (row: LogRow) => boolean, after: number): Delivery[] {
  const picked = rows.filter((r) => r.id > after && match(r));
  if (picked.length === 0) return [];
  let byRights = batches.get(rows);
  if (!byRights) batches.set(rows, (byRights = new Map()));
  let batch = byRights.get(viewer.rightsKey);
  if (!batch) {
    const em = bus.fork();
    byRights.set(viewer.rightsKey, (batch = { em, loaders: new Loaders(em, viewer) }));
  }
  return picked.map((row) => ({ row, ...batch! }));
}

/**
 * The subscribers of one bus whose streams pass exactly the same rows with the
 * same rights: the same filter rule and the same rights key. Which live rows
 * they get is decided once per fan-out for all of them, and they are handed
 * the same Delivery objects, so what is computed per delivery (the execution,
 * its serialised result) is computed once for the audience. Ten thousand
 * dashboards of one estate are one audience; residents are one audience per
 * household and filter.
 */
class Audience implements Sink {
  readonly members = new Set<LiveSubscription>();

  constructor(
    readonly bus: EventBus,
    readonly key: string,
    readonly viewer: Viewer,
    /** The members' rule as SQL on alias `l` (for replay) and as a predicate (for live rows). */
    readonly where: Condition,
    readonly match: (row: LogRow) => boolean,
  ) {}

  /** The previous fan-out's direct writes: each fan-out writes after it, so every socket gets its events in order. */
  private written: Promise<void> = Promise.resolve();

  offer(rows: readonly LogRow[]): void {
    const picked = deliveries(this.bus, this.viewer, rows, this.match, 0);
    const last = rows[rows.length - 1].id;
    let direct: Map<readonly Delivery[], LiveSubscription[]> | undefined;
    for (const member of this.members) {
      const items = member.offer(picked, last);
      if (!items) continue;
      direct ??= new Map();
      const group = direct.get(items);
      if (group) group.push(member);
      else direct.set(items, [member]);
    }
    if (direct) for (const [items, members] of direct) this.writeDirect(items, members);
  }

  /**
   * Live events for members that take them straight to their sockets: each
   * result is computed once per share key (execute.ts) as soon as the fan-out
   * comes, and written to every member of the key in one synchronous loop
   * once the audience's previous writes are done.
   */
  private writeDirect(items: readonly Delivery[], members: LiveSubscription[]): void {
    const groups = new Map<unknown, { members: LiveSubscription[]; results: Promise<{ results: ExecutionResult[] } | { error: unknown }> }>();
    for (const member of members) {
      const sink = member.sink!;
      const key = sink.shareKey ?? member;
      const group = groups.get(key);
      if (group) {
        group.members.push(member);
        continue;
      }
      const results = Promise.all(items.map((d) => sink.result(d))).then((r) => ({ results: r }), (error: unknown) => ({ error }));
      groups.set(key, { members: [member], results });
    }
    const ready = Promise.all([...groups.values()].map(async (g) => ({ members: g.members, outcome: await g.results })));
    this.written = this.written.then(() => ready).then((done) => {
      for (const { members: group, outcome } of done) {
        for (const member of group) {
          // One member's failure ends that member, never the audience's chain of writes.
          try {
            if ('error' in outcome) member.fail(outcome.error);
            else member.write(items, outcome.results);
          } catch (error) {
            member.fail(error);
          }
        }
      }
    });
  }
}

/**
 * Where a subscriber's live events can go without its iterator: set over
 * WebSocket (execute.ts), where graphql-ws would otherwise take every event of
 * every subscriber through its own asynchronous loop, one message at a time.
 */
export interface DirectSink {
  /** Subscribers with equal keys get the same result objects. */
  readonly shareKey: string | undefined;
  /** This subscriber's result for a delivery, computed once per share key. */
  result(delivery: Delivery): Promise<ExecutionResult>;
  /** Writes a result to the socket; `sent` is called once the socket has taken it. */
  send(result: ExecutionResult, sent: () => void): void;
}

const audiences = new WeakMap<EventBus, Map<string, Audience>>();

function join({ bus, viewer, filterKey, where, match }: LiveOptions, member: LiveSubscription): Audience {
  let byKey = audiences.get(bus);
  if (!byKey) audiences.set(bus, (byKey = new Map()));
  const key = `${viewer.rightsKey}\u0000${filterKey}`;
  let audience = byKey.get(key);
  if (!audience) {
    byKey.set(key, (audience = new Audience(bus, key, viewer, where, match)));
    bus.add(audience);
  }
  audience.members.add(member);
  return audience;
}

function leave(audience: Audience, member: LiveSubscription): void {
  audience.members.delete(member);
  if (audience.members.size > 0) return;
  audience.bus.remove(audience);
  audiences.get(audience.bus)?.delete(audience.key);
}

export interface LiveOptions {
  bus: EventBus;
  /** Whose rights the events are resolved with. */
  viewer: Viewer;
  /** Resume after this log id; null: live from now. */
  after: number | null;
  /** The filter as SQL on alias `l` (for replay) and as a predicate (for live rows): the same rule twice. */
  where: Condition;
  match: (row: LogRow) => boolean;
  /**
   * Names the rule `where` and `match` apply, whole (kinds, estates, filter
   * and the viewer's row rule): subscribers with the same key and the same
   * rights key get the same rows, decided once for all of them.
   */
  filterKey: string;
  /** When the subscriber's token stops being valid (ms since the epoch): nothing is delivered from then on, and the connection is closed (4401). */
  expiresAt: number;
  /** Most undelivered events held for this subscriber; past it the connection is closed (4413), never silently skipped. */
  maxQueue: number;
  /** The subscriber's connection. */
  connection?: { close(code: number, reason: string): void };
}

const REPLAY_PAGE = 500;
/** Results a subscriber's socket may have waiting to go out before further events are held for it instead. */
const SOCKET_WINDOW = 16;

/**
 * A subscription to the log: replays every matching row after `after` (or,
 * without one, after the log's head when it subscribed), then continues live,
 * with no gap and no duplicate at the seam. While replaying,
 * live fan-outs are ignored and the replay reads on from the database up to
 * the bus's position at that moment; once the replay has reached the position
 * the bus delivered (checked and switched in one synchronous step), the
 * subscriber takes live rows newer than its last id.
 */
export class LiveSubscription implements AsyncIterableIterator<Delivery> {
  private readonly queue: Delivery[] = [];
  private waiting: { resolve: (r: IteratorResult<Delivery>) => void; reject: (e: unknown) => void } | null = null;
  private drained: (() => void) | null = null;
  private last: number;
  private live = false;
  private done = false;
  private failure: unknown = null;
  private readonly audience: Audience;
  private readonly expiresAt: number;
  private readonly maxQueue: number;
  private readonly connection: LiveOptions['connection'];
  /** Set by the transport: live events may go straight to the socket. */
  sink: DirectSink | null = null;
  /** Live events go through the sink from the first one that did: never back through the iterator, which could overtake it. */
  private direct = false;
  /** Fan-outs handed to the audience to write here that it has not written yet. */
  private writing = 0;
  /** Results given to the socket that it has not taken yet. */
  private unsent = 0;
  /** True while held events are being resolved to go through the sink. */
  private draining = false;
  private sentOne?: () => void;

  /** Keeps only what it needs of `options`: an idle subscriber costs its queue and a few fields; its audience holds the rule. */
  constructor(options: LiveOptions) {
    this.last = options.after ?? options.bus.position;
    this.expiresAt = options.expiresAt;
    this.maxQueue = options.maxQueue;
    this.connection = options.connection;
    this.audience = join(options, this);
    // From now: after the log's head as it stands once the subscription exists; rows the bus has not delivered yet up to there are not news.
    const start = options.after === null ? options.bus.head().then((head) => {
      this.last = Math.max(this.last, head);
    }) : Promise.resolve();
    start.then(() => this.replay()).catch((error) => this.fail(error));
  }

  /**
   * The audience's live rows of one fan-out (`picked`, shared: never changed
   * here), `last` the newest row id of it. Returns the rows for the audience
   * to write through the sink, when they go that way: once the iterator has
   * handed on everything it held and waits for more (so a direct write cannot
   * overtake one of its events), and from then on, as long as the socket keeps
   * up. While it does not, events are held here (the same queue and the same
   * limit as for the iterator) and written as it catches up.
   */
  offer(picked: readonly Delivery[], last: number): readonly Delivery[] | null {
    if (!this.live || this.done) return null;
    const after = this.last;
    this.last = Math.max(after, last);
    if (picked.length === 0) return null;
    const items = picked[0].row.id > after ? picked : picked.filter((d) => d.row.id > after);
    if (items.length === 0) return null;
    if (this.sink && !this.direct && this.waiting && this.queue.length === 0) this.direct = true;
    if (this.direct && this.queue.length === 0 && !this.draining && this.unsent <= SOCKET_WINDOW) {
      this.writing++;
      return items;
    }
    this.push(items);
    return null;
  }

  /** The audience's results of one fan-out offered here, in order. */
  write(items: readonly Delivery[], results: readonly ExecutionResult[]): void {
    this.writing--;
    this.send(items, results);
    this.drain();
  }

  /** Results of `items` to the socket, each timed from its commit (the bus's `onDelivered`). */
  private send(items: readonly Delivery[], results: readonly ExecutionResult[]): void {
    if (this.done) return;
    if (Date.now() >= this.expiresAt) {
      this.connection?.close(CLOSE.TOKEN_EXPIRED.code, CLOSE.TOKEN_EXPIRED.reason);
      this.finish();
      return;
    }
    this.sentOne ??= () => {
      this.unsent--;
      if (this.queue.length > 0 && this.unsent <= SOCKET_WINDOW / 2) this.drain();
    };
    const delivered = this.audience.bus.onDelivered;
    for (let i = 0; i < results.length; i++) {
      this.unsent++;
      this.sink!.send(results[i], this.sentOne);
      delivered?.(Date.now() - items[i].row.at.getTime());
    }
  }

  /** Held events through the sink, a window at a time, once nothing written before them is still on its way. */
  private drain(): void {
    if (this.done || this.draining || this.writing > 0 || this.queue.length === 0 || this.unsent > SOCKET_WINDOW) return;
    this.draining = true;
    const items = this.queue.splice(0, SOCKET_WINDOW);
    Promise.all(items.map((d) => this.sink!.result(d))).then((results) => {
      this.draining = false;
      this.send(items, results);
      this.drain();
    }, (error: unknown) => this.fail(error));
  }

  private async replay(): Promise<void> {
    const { bus, where, viewer, match } = this.audience;
    for (;;) {
      // A cursor can be ahead of this process's bus (issued by another instance a moment ago): never go back below it.
      const target = Math.max(bus.position, this.last);
      while (this.last < target) {
        if (this.done) return;
        const rows = await bus.read(this.last, target, where, REPLAY_PAGE);
        this.push(deliveries(bus, viewer, rows, match, this.last));
        if (rows.length < REPLAY_PAGE) {
          this.last = target;
          break;
        }
        this.last = rows[rows.length - 1].id;
        // Back-pressure: a replay of a long history waits for the client instead of buffering it all.
        while (this.queue.length >= this.maxQueue / 2 && !this.done) await new Promise<void>((r) => (this.drained = r));
      }
      if (bus.position <= target) {
        this.live = true;
        return;
      }
    }
  }

  private push(items: readonly Delivery[]): void {
    if (this.done || items.length === 0) return;
    if (Date.now() >= this.expiresAt) {
      this.connection?.close(CLOSE.TOKEN_EXPIRED.code, CLOSE.TOKEN_EXPIRED.reason);
      this.finish();
      return;
    }
    let from = 0;
    // Once events go through the sink, the iterator waits for the end alone.
    if (this.waiting && !this.direct) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: items[from++], done: false });
    }
    for (; from < items.length; from++) this.queue.push(items[from]);
    if (this.queue.length > this.maxQueue) {
      this.connection?.close(CLOSE.TOO_SLOW.code, CLOSE.TOO_SLOW.reason);
      this.finish();
    }
  }

  /** Ends the subscription with an error, which its iterator throws to the transport. */
  fail(error: unknown): void {
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
    leave(this.audience, this);
    this.drained?.();
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = null;
  }
  next(): Promise<IteratorResult<Delivery>> {
    const item = this.queue.shift();
    if (this.queue.length < this.maxQueue / 2 && this.drained) {
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
