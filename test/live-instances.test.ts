import { Client } from 'pg';
import { fromGlobalId } from '../src/ids';
import { contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import {
  latestCursor, listenersOf, logIds, processTree, sleep, startCliInstance, submitTicket, terminate, waitUntil, writeConcurrently,
  type CliInstance, type Listener,
} from './helpers/instances';
import { follow, type Follower, type StreamEvent } from './helpers/live';
import { killAll, sql } from './helpers/process';
import { managerToken, startTestServer, testDatabaseUrl, type TestServer } from './helpers/server';

/**
 * Several stateless instances on one database: two in this process (each its
 * own EventBus and LISTEN connection) and one real `start` process.
 */

let a: TestServer;
let b: TestServer;
let c: CliInstance;
let estate: Estate;
let manager: string;
let admin: string;
const followers: Follower[] = [];

beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer();
  c = await startCliInstance();
  estate = await createEstate(a.orm, { buildings: 2, householdsPerBuilding: 1 });
  manager = await managerToken(a, estate);
  admin = await a.token({ sub: 'admin-1', role: 'ADMIN' });
}, 90_000);
afterEach(async () => {
  await Promise.all(followers.splice(0).map((f) => f.stop()));
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await killAll();
});

const ws = () => [a.wsUrl, b.wsUrl, c.wsUrl];
const http = () => [a.url, b.url, c.url];

function live(wsUrl: string, after: string | null, token = manager, filter: Record<string, unknown> = { communityCodes: [estate.code] }): Follower {
  const f = follow(wsUrl, token, { filter, after });
  followers.push(f);
  return f;
}

/** A fixed point in the stream to subscribe `after`, so a late registration misses nothing. */
async function mark(building = 1): Promise<string> {
  const ticket = await submitTicket(a.url, manager, { buildingId: estate.gid.building(building) });
  return latestCursor(a.url, manager, ticket.id);
}

const cursors = (events: StreamEvent[]) => events.map((e) => e.cursor);

/** Backends waiting, directly or behind another waiter, for a lock `pid` holds. */
async function waitingOn(pid: number): Promise<Set<number>> {
  const rows = await sql<{ pid: number; blockers: number[] }>(testDatabaseUrl(),
    `select pid, pg_blocking_pids(pid) as blockers from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
  const waiting = new Set<number>();
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) {
      if (!waiting.has(r.pid) && r.blockers.some((x) => x === pid || waiting.has(x))) {
        waiting.add(r.pid);
        grew = true;
      }
    }
  }
  return waiting;
}

/** Strictly increasing log ids, each (ticket, change) once, every ticket's SUBMITTED before its ACKNOWLEDGED. */
function expectOneOrder(events: StreamEvent[]): void {
  const ids = logIds(events);
  expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
  const keys = events.map((e) => `${e.ticket.id}:${e.type}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const e of events.filter((x) => x.type === 'ACKNOWLEDGED')) {
    expect(keys.indexOf(`${e.ticket.id}:SUBMITTED`)).toBeLessThan(keys.indexOf(`${e.ticket.id}:ACKNOWLEDGED`));
  }
}

describe('two instances and a CLI process on one database', () => {
  it('delivers a change made through any instance to the subscribers of every instance, in one order, each once', async () => {
    const start = await mark();
    const streams = ws().map((url) => live(url, start));
    const first = await submitTicket(c.url, manager, { buildingId: estate.gid.building(0) });
    for (const f of streams) expect((await f.waitFor(1))[0].ticket.id).toBe(first.id);

    const created = await writeConcurrently(http(), manager, estate, 6, 4);
    const total = 1 + created.length * 2;
    await Promise.all(streams.map((f) => f.waitFor(total, 20_000)));
    await sleep(300); // a duplicate would arrive by now
    const expected = [`${first.id}:SUBMITTED`, ...created.flatMap((t) => [`${t.id}:SUBMITTED`, `${t.id}:ACKNOWLEDGED`])].sort();
    for (const f of streams) {
      expect(f.events).toHaveLength(total);
      expect(f.events.map((e) => `${e.ticket.id}:${e.type}`).sort()).toEqual(expected);
      expect(cursors(f.events)).toEqual(cursors(streams[0].events));
      expectOneOrder(f.events);
    }
  });

  it('resumes a subscriber that moves to another instance with exactly what it missed', async () => {
    const start = await mark();
    const reference = live(a.wsUrl, start);
    const away = live(c.wsUrl, start);
    await writeConcurrently(http(), manager, estate, 3, 1);
    const seen = [...(await away.waitFor(6))];
    await away.stop();

    await writeConcurrently(http(), manager, estate, 3, 2); // 12 while it is away
    const meanwhile = writeConcurrently(http(), manager, estate, 3, 2); // 12 around the resume
    const resumed = live(b.wsUrl, seen[seen.length - 1].cursor);
    await meanwhile;
    await reference.waitFor(30, 20_000);
    await resumed.waitFor(24, 20_000);
    await sleep(300);
    expect(cursors(seen)).toEqual(cursors(reference.events.slice(0, 6)));
    expect(cursors(resumed.events)).toEqual(cursors(reference.events.slice(6)));
    expectOneOrder(reference.events);
  });

  it('sends nothing twice to a client resuming on an instance that has read less of the log than its cursor', async () => {
    // B is made to lag: every pooled connection it has waits on a row lock, so it cannot read the log.
    const filter = { buildingId: estate.gid.building(0) };
    const blocker = await submitTicket(a.url, manager, { buildingId: estate.gid.building(1) }); // outside the filter
    const start = await mark(0);
    const onA = live(a.wsUrl, start, admin, filter);
    const locker = new Client({ connectionString: testDatabaseUrl() });
    await locker.connect();
    try {
      await locker.query('begin');
      const [{ pid }] = (await locker.query('select pg_backend_pid() as pid')).rows;
      await locker.query(`select id from ticket where id = $1 for update`, [fromGlobalId(blocker.id)!.id]);
      const poolSize = (b.orm.config.get('pool') as { max: number }).max;
      const stuck = Array.from({ length: poolSize }, () => gql(b.url, contract('AcknowledgeTicket'), { input: { ticketId: blocker.id } }, manager));
      await waitUntil(`B's ${poolSize} pooled connections waiting`, async () => (await waitingOn(pid)).size >= poolSize);

      for (let i = 0; i < 3; i++) await submitTicket(a.url, manager, { buildingId: estate.gid.building(0) });
      const seen = await onA.waitFor(3);
      // An ADMIN stream filtered by building is set up without a query, so it starts while B still lags.
      const resumed = live(b.wsUrl, seen[2].cursor, admin, filter);
      await sleep(500);
      await locker.query('rollback');
      await Promise.all(stuck);

      const next = await submitTicket(a.url, manager, { buildingId: estate.gid.building(0) });
      await onA.waitFor(4);
      await resumed.waitFor(1);
      await sleep(500); // B has caught up; anything resent would be here
      expect(resumed.events.map((e) => e.ticket.id)).toEqual([next.id]);
      expect(cursors(resumed.events)).toEqual(cursors(onA.events.slice(3)));
    } finally {
      await locker.end();
    }
  });
});

describe('a killed LISTEN connection', () => {
  /** Listener backends held by this process (instances A and B) and by the CLI process's group (C). */
  const ours = async () => ({
    here: await listenersOf([process.pid]),
    cli: await listenersOf(processTree([c.server.child.pid!]).filter((pid) => pid !== process.pid)),
  });
  const isNew = (before: Listener[]) => (l: Listener) => !before.some((old) => old.pid === l.pid);

  it('is replaced, and the bus catches up: every subscriber on every instance still gets every event', async () => {
    const start = await mark();
    const streams = ws().map((url) => live(url, start));
    const before = await waitUntil('a listener per instance', async () => {
      const found = await ours();
      return found.here.length >= 2 && found.cli.length === 1 ? found : null;
    });
    await terminate([...before.here, ...before.cli]);
    const created = await writeConcurrently(http(), manager, estate, 3, 2); // committed right away
    await Promise.all(streams.map((f) => f.waitFor(created.length * 2, 20_000)));

    const replaced = await waitUntil('new listener connections', async () => {
      const found = await ours();
      const fresh = { here: found.here.filter(isNew(before.here)), cli: found.cli.filter(isNew(before.cli)) };
      return fresh.here.length >= 2 && fresh.cli.length === 1 ? fresh : null;
    });
    expect(replaced.cli).toHaveLength(1);

    // Notifications, not the 10 s safety poll, deliver again: one change after another, each within 5 s everywhere.
    for (const url of http()) {
      const ticket = await submitTicket(url, manager, { buildingId: estate.gid.building(0) });
      await Promise.all(streams.map((f) => waitUntil(`${ticket.number} on every instance`, () => f.events.some((e) => e.ticket.id === ticket.id), 5000)));
    }
    await sleep(300);
    for (const f of streams) {
      expect(f.events).toHaveLength(created.length * 2 + 3);
      expect(cursors(f.events)).toEqual(cursors(streams[0].events));
      expectOneOrder(f.events);
    }
  });
});
