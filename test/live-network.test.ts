import pino from 'pino';
import { EventBus } from '../src/events/bus';
import type { LogRow } from '../src/events/log';
import { createEstate, type Estate } from './helpers/factories';
import { latestCursor, listenerBackends, logIds, move, sleep, submitTicket, terminate, waitUntil, type CreatedTicket } from './helpers/instances';
import { follow, type Follower, type StreamEvent } from './helpers/live';
import { startProxy, type TcpProxy } from './helpers/proxy';
import { managerToken, startTestServer, testDatabaseUrl, type TestServer } from './helpers/server';

/**
 * A silent network. The server's event-bus LISTEN connection runs through a
 * TCP proxy the test controls; its ORM pool, HTTP and WebSockets are direct.
 * Stalling the proxy leaves that connection half-open: both sockets open,
 * nothing moving, no error anywhere. The safety poll is pushed out of reach,
 * so anything delivered here came through a (re)connected listener.
 */

const HEARTBEAT_MS = 300;
const DEAD_AFTER_MS = 700;
const eventBus = { heartbeatMs: HEARTBEAT_MS, deadAfterMs: DEAD_AFTER_MS, safetyPollMs: 60_000 };
/** The default safety poll, which is what would have delivered these events without the heartbeat. */
const DEFAULT_SAFETY_POLL_MS = 10_000;

interface LogLine { level: number; msg: string; time: string; [field: string]: unknown }
const logs: LogLine[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
const WARN = 40;

let proxy: TcpProxy;
let t: TestServer;
let estate: Estate;
let manager: string;
const followers: Follower[] = [];

beforeAll(async () => {
  const db = new URL(testDatabaseUrl());
  proxy = await startProxy({ host: db.hostname, port: Number(db.port || 5432) });
  t = await startTestServer({}, { logger, listenerUrl: proxy.via(testDatabaseUrl()), eventBus });
  estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 1 });
  manager = await managerToken(t, estate);
});
afterEach(async () => {
  proxy.heal();
  await Promise.all(followers.splice(0).map((f) => f.stop()));
});
afterAll(async () => {
  await t?.close();
  await proxy?.close();
});

/** Subscribed after a fixed point, and proven live by one change made before anything is stalled. */
async function liveFollower(): Promise<Follower> {
  const ticket = await submitTicket(t.url, manager, { buildingId: estate.gid.building(0) });
  const f = follow(t.wsUrl, manager, { filter: { communityCodes: [estate.code] }, after: await latestCursor(t.url, manager, ticket.id) });
  followers.push(f);
  await move(t.url, manager, 'AcknowledgeTicket', ticket.id);
  await f.waitFor(1);
  return f;
}

/** Raises `count` tickets and acknowledges each: two events apiece. */
async function change(count: number): Promise<CreatedTicket[]> {
  const created: CreatedTicket[] = [];
  for (let i = 0; i < count; i++) {
    const ticket = await submitTicket(t.url, manager, { buildingId: estate.gid.building(i % 2) });
    await move(t.url, manager, 'AcknowledgeTicket', ticket.id);
    created.push(ticket);
  }
  return created;
}

/** Strictly increasing cursors, and each change of `tickets` exactly once after the first `skip` events. */
function expectEachOnce(events: StreamEvent[], tickets: CreatedTicket[], skip: number): void {
  const ids = logIds(events);
  for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]);
  const keys = events.slice(skip).map((e) => `${e.ticket.id}:${e.type}`).sort();
  expect(keys).toEqual(tickets.flatMap((x) => [`${x.id}:ACKNOWLEDGED`, `${x.id}:SUBMITTED`]).sort());
}

/** The LISTEN backends whose connection runs through the proxy. */
async function listenersViaProxy(): Promise<number[]> {
  const ports = new Set(proxy.connections.map((c) => c.upstreamPort));
  return (await listenerBackends()).filter((l) => ports.has(l.port)).map((l) => l.port);
}

const warnings = (since: number) => logs.slice(since).filter((l) => l.level >= WARN);
const heartbeatsReceived = () => proxy.connections.reduce((n, c) => n + c.received.split('gridkeeper_heartbeat_').length - 1, 0);

describe('a healthy listener', () => {
  it('answers its heartbeats and keeps its one connection', async () => {
    const since = logs.length;
    const opened = proxy.connections.length;
    const listeners = await listenersViaProxy();
    expect(listeners).toHaveLength(1);
    const echoes = heartbeatsReceived();

    await sleep(3000);
    // About ten heartbeats went through the proxy and came back on the listener.
    expect(heartbeatsReceived() - echoes).toBeGreaterThanOrEqual(5);
    expect(warnings(since)).toEqual([]);
    expect(proxy.connections).toHaveLength(opened);
    expect(await listenersViaProxy()).toEqual(listeners);

    // Live delivery runs over it (the safety poll is a minute away).
    const f = await liveFollower();
    expect(f.events).toHaveLength(1);
  });
});

describe('a silent listener', () => {
  it('is declared dead within seconds, replaced once, and the stream catches up with nothing lost or repeated', async () => {
    const f = await liveFollower();
    const since = logs.length;
    const opened = proxy.connections.length;
    proxy.stall();
    const stalledAt = Date.now();

    const tickets = await change(3);
    await f.waitFor(1 + 6, 3000);
    const deliveredIn = Date.now() - stalledAt;
    expect(deliveredIn).toBeLessThan(DEFAULT_SAFETY_POLL_MS / 2);
    await sleep(500); // a duplicate would arrive by now
    expect(f.events).toHaveLength(1 + 6);
    expectEachOnce(f.events, tickets, 1);
    expect(f.errors).toEqual([]);

    const dead = warnings(since).filter((l) => /went silent/.test(l.msg));
    expect(dead).toHaveLength(1);
    expect(dead[0].silentMs).toBeGreaterThanOrEqual(DEAD_AFTER_MS);
    expect(dead[0].deadAfterMs).toBe(DEAD_AFTER_MS);
    // Exactly one new connection (the destroyed one's `end` did not start a second), and it is listening.
    const fresh = proxy.connections.slice(opened);
    expect(fresh).toHaveLength(1);
    expect(await listenersViaProxy()).toContain(fresh[0].upstreamPort);
  });

  it('while the network stays silent, gives up on each connect after the deadline and retries; catches up once it heals', async () => {
    const f = await liveFollower();
    const since = logs.length;
    proxy.stall({ newConnections: true });

    const tickets = await change(1);
    const failed = () => warnings(since).filter((l) => /reconnect failed/.test(l.msg));
    await waitUntil('two reconnect attempts to time out', () => failed().length >= 2);
    expect((failed()[0].err as { message: string }).message).toMatch(`no answer within ${DEAD_AFTER_MS} ms`);
    expect(f.events).toHaveLength(1); // nothing else could have delivered them

    proxy.heal();
    await f.waitFor(1 + 2, 8000);
    await sleep(500);
    expect(f.events).toHaveLength(1 + 2);
    expectEachOnce(f.events, tickets, 1);
    await waitUntil('one listener via the proxy', async () => (await listenersViaProxy()).length === 1);
  });
});

describe('a listener the server cuts off', () => {
  it('reconnects once: its heartbeat does not reconnect it a second time', async () => {
    const f = await liveFollower();
    const since = logs.length;
    const opened = proxy.connections.length;
    const [port] = await listenersViaProxy();
    await terminate((await listenerBackends()).filter((l) => l.port === port));
    await waitUntil('a new listener', async () => (await listenersViaProxy()).some((p) => p !== port));

    await sleep(4 * (HEARTBEAT_MS + DEAD_AFTER_MS));
    expect(proxy.connections.slice(opened)).toHaveLength(1);
    expect(await listenersViaProxy()).toHaveLength(1);
    expect(warnings(since).filter((l) => /went silent/.test(l.msg))).toEqual([]);
    const tickets = await change(1);
    await f.waitFor(1 + 2);
    expectEachOnce(f.events, tickets, 1);
  });
});

describe('EventBus figures', () => {
  it('counts reconnects and reports the newest log id it read', async () => {
    const rows: LogRow[] = [];
    const bus = new EventBus(t.orm, proxy.via(testDatabaseUrl()), logger, eventBus);
    bus.add({ offer: (batch) => void rows.push(...batch) });
    await bus.start();
    try {
      expect(bus.reconnects).toBe(0);
      const newest = async () => {
        const [ticket] = await change(1);
        return logIds([{ cursor: await latestCursor(t.url, manager, ticket.id) }])[0];
      };
      const first = await newest();
      await waitUntil('the bus to read it', () => bus.position >= first);
      expect(rows.map((r) => r.id)).toContain(first);

      proxy.stall();
      await waitUntil('a reconnect', () => bus.reconnects === 1);
      const second = await newest();
      await waitUntil('the bus to read it', () => bus.position >= second);
      expect(bus.position).toBe(Math.max(...rows.map((r) => r.id)));
      expect(bus.reconnects).toBe(1);
    } finally {
      await bus.stop();
    }
  });
});
