import { Client } from 'pg';
import { EVENT_KINDS } from '../src/entities';
import { EVENTS_CHANNEL } from '../src/events/log';
import { createEstate, type Estate } from './helpers/factories';
import { sleep } from './helpers/instances';
import { startTestServer, testDatabaseUrl, type TestServer } from './helpers/server';

/** The log's ordering invariant lives in the database: every insert goes through it, whoever writes. */

let t: TestServer;
let estate: Estate;
const clients: Client[] = [];

async function connect(): Promise<Client> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  clients.push(client);
  return client;
}

const INSERT = `insert into event_log (kind, community_id, at) values ('TICKET', $1, now()) returning id`;

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1 });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
  await t.close();
});

it('admits every kind the code appends, and only those (each domain that streams adds its kind in a migration)', async () => {
  const db = await connect();
  for (const kind of EVENT_KINDS) {
    await db.query('begin');
    await db.query(`insert into event_log (kind, community_id, at) values ($1, $2, now())`, [kind, estate.community.id]);
    await db.query('rollback');
  }
  await expect(db.query(`insert into event_log (kind, community_id, at) values ('NO_SUCH_KIND', $1, now())`, [estate.community.id]))
    .rejects.toThrow(/event_log_kind_check/);
});

it('refuses an insert that brings its own id, so no writer can bypass the ordering path', async () => {
  const db = await connect();
  await expect(db.query(`insert into event_log (id, kind, community_id, at) values (999999999, 'TICKET', $1, now())`, [estate.community.id]))
    .rejects.toThrow(/allocated by the log/);
  const { rows } = await db.query('select count(*)::int as n from event_log where id = 999999999');
  expect(rows[0].n).toBe(0);
});

it('allocates ids in commit order: a second writer waits for the first to commit before it gets an id', async () => {
  const first = await connect();
  const second = await connect();
  await first.query('begin');
  const a = Number((await first.query(INSERT, [estate.community.id])).rows[0].id);
  await second.query('begin');
  let bId: number | null = null;
  const b = second.query(INSERT, [estate.community.id]).then((r) => { bId = Number(r.rows[0].id); });
  await sleep(300);
  // Still waiting on the log lock: an id handed out now could commit before `a` and be skipped by a reader.
  expect(bId).toBeNull();
  await first.query('commit');
  await b;
  await second.query('commit');
  expect(bId).toBeGreaterThan(a);
});

it('notifies every listener once per insert statement with the newest id, from the database itself', async () => {
  const listener = await connect();
  const heard: string[] = [];
  listener.on('notification', (n) => { if (n.channel === EVENTS_CHANNEL) heard.push(n.payload ?? ''); });
  await listener.query(`listen ${EVENTS_CHANNEL}`);
  const writer = await connect();
  const { rows } = await writer.query(
    `insert into event_log (kind, community_id, at) values ('TICKET', $1, now()), ('TICKET', $1, now()) returning id`, [estate.community.id]);
  const newest = Math.max(...rows.map((r) => Number(r.id)));
  for (let i = 0; i < 50 && !heard.includes(String(newest)); i++) await sleep(20);
  expect(heard).toContain(String(newest));
  expect(heard).not.toContain(String(newest - 1));
});

it('stays append-only', async () => {
  const db = await connect();
  await expect(db.query('update event_log set at = now() where community_id = $1', [estate.community.id])).rejects.toThrow(/append-only/);
  await expect(db.query('delete from event_log where community_id = $1', [estate.community.id])).rejects.toThrow(/append-only/);
});
