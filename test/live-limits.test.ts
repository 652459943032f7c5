import crypto from 'node:crypto';
import WebSocket from 'ws';
import { KEEP_ALIVE_MS } from '../src/websocket';
import { gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { latestCursor, logIds, rawConnect, sleep, submitTicket, waitUntil, type RawSocket } from './helpers/instances';
import { follow, type Follower } from './helpers/live';
import { managerToken, startTestServer, type TestServer } from './helpers/server';
import { bearer, connect, type WsConnection } from './helpers/ws';

/** What one connection may hold: 20 subscriptions, a bounded backlog (4413), and a heartbeat. */

let t: TestServer;
let estate: Estate;
let manager: string;
const followers: Follower[] = [];
const conns: WsConnection[] = [];
const raws: RawSocket[] = [];

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 1 });
  manager = await managerToken(t, estate);
});
afterEach(async () => {
  await Promise.all(followers.splice(0).map((f) => f.stop()));
  await Promise.all(conns.splice(0).map((c) => c.dispose()));
  await Promise.all(raws.splice(0).map((r) => r.close()));
});
afterAll(() => t.close());

const filter = () => ({ communityCodes: [estate.code] });

function live(after: string | null, conn?: WsConnection): Follower {
  const f = follow(t.wsUrl, manager, { filter: filter(), after }, conn);
  followers.push(f);
  return f;
}

async function mark(): Promise<string> {
  const ticket = await submitTicket(t.url, manager, { buildingId: estate.gid.building(1) });
  return latestCursor(t.url, manager, ticket.id);
}

/** The codes of a follower's errors; an `error` message arrives as one array. */
const codes = (f: Follower) => f.errors.flat().map((e) => (e as { extensions?: { code?: string } }).extensions?.code);

describe('subscriptions per connection', () => {
  it('holds 20 live subscriptions, refuses the 21st, and frees a slot as soon as one is completed', async () => {
    const start = await mark();
    const conn = connect(t.wsUrl, bearer(manager));
    conns.push(conn);
    const twenty = Array.from({ length: 20 }, () => live(start, conn));
    const ticket = await submitTicket(t.url, manager, { buildingId: estate.gid.building(0) });
    await Promise.all(twenty.map((f) => f.waitFor(1)));
    expect(twenty.map((f) => f.events[0].ticket.id)).toEqual(twenty.map(() => ticket.id));

    const extra = live(start, conn);
    await extra.ended;
    expect(codes(extra)).toEqual(['BAD_USER_INPUT']);
    expect(extra.events).toEqual([]);

    // Complete one and subscribe again straight away: the server read the complete first.
    await twenty[0].stop();
    const replacement = live(start, conn);
    const second = await submitTicket(t.url, manager, { buildingId: estate.gid.building(0) });
    await waitUntil('the replacement to be served or refused', () => replacement.events.length >= 2 || replacement.errors.length > 0);
    expect(codes(replacement)).toEqual([]);
    expect(replacement.events.map((e) => e.ticket.id)).toEqual([ticket.id, second.id]);
    await Promise.all(twenty.slice(1).map((f) => f.waitFor(2)));
    expect(conn.closes).toEqual([]);
    expect(conn.connected()).toBe(1);
  });

  it('does not count subscriptions that were refused or have ended', async () => {
    const start = await mark();
    const conn = connect(t.wsUrl, bearer(manager));
    conns.push(conn);
    // One after another: each is refused for its cursor, never for a slot an earlier one still holds.
    for (let i = 0; i < 25; i++) {
      const refused = live('not-a-cursor', conn);
      await refused.ended;
      expect(refused.errors.flat().map((e) => (e as { extensions?: { field?: string } }).extensions?.field)).toEqual(['after']);
    }
    const ok = live(start, conn);
    const ticket = await submitTicket(t.url, manager, { buildingId: estate.gid.building(0) });
    expect((await ok.waitFor(1))[0].ticket.id).toBe(ticket.id);
    expect(codes(ok)).toEqual([]);
  });
});

describe('keep-alive', () => {
  it('pings an idle connection within 20 s', async () => {
    expect(KEEP_ALIVE_MS).toBeLessThanOrEqual(20_000);
    const opened = Date.now();
    const raw = rawConnect(t.wsUrl, manager);
    raws.push(raw);
    await raw.acked;
    await waitUntil('a ping', () => raw.pings.length > 0, 21_000);
    expect(raw.pings[0] - opened).toBeLessThanOrEqual(20_000);
    await sleep(200); // ws answered with a pong: the connection stays open
    expect(raw.socket.readyState).toBe(WebSocket.OPEN);
  }, 30_000);
});

describe('a subscriber that stops reading', () => {
  /** Each message repeats the 4,000-character description 50 times (~200 kB), so socket buffers fill after a few dozen. */
  const FAT = `subscription($filter: TicketEventFilter, $after: String) { ticketEvents(filter: $filter, after: $after) {
    cursor type ticket { id ${Array.from({ length: 50 }, (_, i) => `d${i}: description`).join(' ')} } } }`;
  const TICKETS = 60;
  const ROUNDS = 20; // 60 tickets × 20 reassignments: 1,200 events, 200 past the 1,000 the schema allows a subscriber to lag
  /** Reassigns each of `ids` in one request, to the steward or the maintenance worker by the round: one event per ticket. */
  const assign = (ids: string[], round: number) => gql(t.url, `mutation { ${ids.map((id, i) =>
    `a${i}: assignTicket(input: { ticketId: "${id}", assigneeId: "${[estate.gid.staff('steward'), estate.gid.staff('maintenance')][round % 2]}" }) { ticket { id } }`).join(' ')} }`, {}, manager)
    .then((res) => { if (res.errors) throw new Error(JSON.stringify(res.errors)); });

  /** `count` tickets with ~4,000-character descriptions, submitted up to ten to a request. */
  async function fatTickets(count: number): Promise<string[]> {
    const tickets: string[] = [];
    for (let from = 0; from < count; from += 10) {
      const vars = Object.fromEntries(Array.from({ length: Math.min(10, count - from) }, (_, i) => [`i${i}`, {
        idempotencyKey: `slow-${crypto.randomBytes(8).toString('hex')}`, buildingId: estate.gid.building(0),
        category: 'CLEANING', priority: 'NORMAL', channel: 'PATROL', title: 'Litter', description: crypto.randomBytes(3000).toString('base64'),
      }]));
      const doc = `mutation(${Object.keys(vars).map((k) => `$${k}: SubmitTicketInput!`).join(', ')}) {
        ${Object.keys(vars).map((k) => `${k}: submitTicket(input: $${k}) { ticket { id } }`).join(' ')} }`;
      const res = await gql(t.url, doc, vars, manager);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      tickets.push(...Object.values(res.data as Record<string, { ticket: { id: string } }>).map((r) => r.ticket.id));
    }
    return tickets;
  }

  /** A follower that keeps reading and a raw socket that will stop, both from after the last of `tickets`; the raw one runs FAT under each id. */
  async function healthyAndSlow(tickets: string[], ids: string[]): Promise<{ start: string; healthy: Follower; slow: RawSocket }> {
    const start = await latestCursor(t.url, manager, tickets[tickets.length - 1]);
    const healthy = live(start);
    const slow = rawConnect(t.wsUrl, manager);
    raws.push(slow);
    await slow.acked;
    for (const id of ids) slow.subscribe(id, FAT, { filter: filter(), after: start });
    return { start, healthy, slow };
  }

  it('that falls behind by fewer than 1,000 events gets every one of them, in order, once it reads again; two operations on it each under their own id', async () => {
    const tickets = await fatTickets(4);
    const { healthy, slow } = await healthyAndSlow(tickets, ['a', 'b']);
    await assign(tickets, 1);
    const nexts = (id: string) => slow.messages.filter((m) => m.type === 'next' && m.id === id).map((m) => (m.payload.data.ticketEvents as { cursor: string }).cursor);
    await waitUntil('the first events', () => nexts('a').length >= 4 && nexts('b').length >= 4);
    slow.pause();
    // 4 tickets × 60 rounds: 240 events of ~200 kB for each operation, far more than socket buffers hold, fewer than 1,000.
    for (let round = 0; round < 60; round++) await assign(tickets, round);
    const total = 4 + 4 * 60;
    await healthy.waitFor(total, 30_000);
    slow.resume();
    await waitUntil('the backlog', () => nexts('a').length >= total && nexts('b').length >= total, 30_000);
    await sleep(300);
    const order = healthy.events.map((e) => e.cursor);
    expect(nexts('a')).toEqual(order);
    expect(nexts('b')).toEqual(order);
    expect(slow.socket.readyState).toBe(WebSocket.OPEN);
  }, 120_000);

  it('is closed with 4413 once it lags more than 1,000 events, and resumes from its last cursor with nothing lost', async () => {
    const tickets = await fatTickets(TICKETS);
    const { healthy, slow } = await healthyAndSlow(tickets, ['fat']);
    // Read normally until the first event arrives: from then on the subscription is live, not replaying.
    await assign([tickets[0]], 1);
    await waitUntil('the first event', () => slow.messages.some((m) => m.type === 'next'));
    slow.pause();
    // An unsolicited pong is a valid heartbeat: the keep-alive must not end this test, only the backlog may.
    const heartbeat = setInterval(() => slow.socket.pong(), 2000);
    try {
      await Promise.all(Array.from({ length: TICKETS / 10 }, async (_, loop) => {
        const mine = tickets.slice(loop * 10, loop * 10 + 10);
        for (let round = 0; round < ROUNDS; round++) await assign(mine, round);
      }));
      const total = 1 + TICKETS * ROUNDS;
      // Once the healthy subscriber has everything, the bus has offered every row to the slow one too.
      await healthy.waitFor(total, 30_000);

      slow.resume();
      const closed = await slow.closed;
      expect(closed.code).toBe(4413);
      const received = slow.messages.filter((m) => m.type === 'next').map((m) => m.payload.data.ticketEvents as { cursor: string });
      expect(received.length).toBeGreaterThan(0);
      expect(received.length).toBeLessThan(total - 1000);
      expect(received.map((e) => e.cursor)).toEqual(healthy.events.slice(0, received.length).map((e) => e.cursor));

      // Resuming from the last cursor it got yields exactly the rest.
      const resumed = live(received[received.length - 1].cursor);
      await resumed.waitFor(total - received.length, 30_000);
      await sleep(300);
      expect(resumed.events.map((e) => e.cursor)).toEqual(healthy.events.slice(received.length).map((e) => e.cursor));
      const ids = logIds(healthy.events);
      expect(new Set(ids).size).toBe(total);
      expect(healthy.closes).toEqual([]); // one slow subscriber does not cost the others theirs
    } finally {
      clearInterval(heartbeat);
    }
  }, 120_000);
});
