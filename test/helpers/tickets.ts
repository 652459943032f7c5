import crypto from 'node:crypto';
import { fromGlobalId } from '../../src/ids';
import { codes, contract, gql, type GraphQLResponse } from './client';
import type { Estate } from './factories';
import { Client } from 'pg';
import { startTestServer, testDatabaseUrl, type TestServer } from './server';

/** Shared pieces of the ticket tests: contract calls, SQL probes of what was written, fast seeding. */

export type Role = 'RESIDENT' | 'STAFF' | 'DISPATCHER' | 'MANAGER' | 'DISTRICT' | 'INTEGRATOR' | 'ADMIN';

/** A key no other request in the run uses, so replays only happen where a test means them. */
export function freshKey(prefix = 'k'): string {
  return `${prefix}-${crypto.randomBytes(8).toString('hex')}`;
}

/** A valid SubmitTicket input; tests override the fields they are about. */
export function ticketInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { idempotencyKey: freshKey(), category: 'PLUMBING', priority: 'NORMAL', channel: 'APP', title: 'Dripping tap', ...overrides };
}

export function submit(t: TestServer, token: string | undefined, overrides: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  return gql(t.url, contract('SubmitTicket'), { input: ticketInput(overrides) }, token);
}

/** Submits and insists it worked: a setup step, not the thing under test. */
export async function submitOk(t: TestServer, token: string, overrides: Record<string, unknown> = {}) {
  const res = await submit(t, token, overrides);
  if (res.errors || !res.data) throw new Error(`setup submit failed: ${JSON.stringify(res.errors)}`);
  return res.data.submitTicket.ticket as { id: string; number: string; status: string; priority: string; version: number; responseDueAt: string };
}

/** One contract mutation on a ticket (AcknowledgeTicket, AssignTicket, ...). */
export function act(t: TestServer, op: string, input: Record<string, unknown>, token: string | undefined): Promise<GraphQLResponse> {
  return gql(t.url, contract(op), { input }, token);
}

export async function actOk(t: TestServer, op: string, input: Record<string, unknown>, token: string): Promise<void> {
  const res = await act(t, op, input, token);
  if (res.errors) throw new Error(`setup ${op} failed: ${JSON.stringify(res.errors)}`);
}

/** Raw SQL on a fresh EntityManager, bypassing the API, to see what really is in the database. */
export function sql<T = Record<string, any>>(t: TestServer, query: string, params: unknown[] = []): Promise<T[]> {
  return t.orm.em.fork().execute(query, params) as Promise<T[]>;
}

export function rowId(globalId: string): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw new Error(`not a global id: ${globalId}`);
  return decoded.id;
}

/** Everything ticket-related an estate has written: a failed mutation must leave all three unchanged. */
export async function estateWrites(t: TestServer, estate: Estate) {
  const [row] = await sql(t, `select
      (select count(*) from ticket where community_id = ?)::int as tickets,
      (select count(*) from ticket_event e join ticket k on k.id = e.ticket_id where k.community_id = ?)::int as events,
      coalesce((select last_number from ticket_counter where community_id = ? and year = ?), 0)::int as counter`,
  [estate.community.id, estate.community.id, estate.community.id, new Date().getUTCFullYear()]);
  return row as { tickets: number; events: number; counter: number };
}

/** A ticket's whole row plus its event count: compared before and after a failed move. */
export async function ticketState(t: TestServer, ticketId: string) {
  const [row] = await sql(t, `select to_jsonb(k) as row, (select count(*) from ticket_event e where e.ticket_id = k.id)::int as events
    from ticket k where k.id = ?`, [rowId(ticketId)]);
  return row as { row: Record<string, unknown>; events: number };
}

export function tokenSubject(role: Role, estate: Estate): string {
  if (role === 'RESIDENT') return estate.gid.resident(0);
  if (role === 'STAFF') return estate.gid.staff('steward');
  if (role === 'DISPATCHER') return estate.gid.staff('dispatcher');
  if (role === 'MANAGER') return estate.gid.staff('manager');
  return `${role.toLowerCase()}-${estate.code}`;
}

/** One token per role for an estate, each limited to that estate. */
export async function roleTokens(t: TestServer, estate: Estate): Promise<Record<Role, string>> {
  const roles: Role[] = ['RESIDENT', 'STAFF', 'DISPATCHER', 'MANAGER', 'DISTRICT', 'INTEGRATOR', 'ADMIN'];
  const tokens = {} as Record<Role, string>;
  for (const role of roles) tokens[role] = await t.token({ sub: tokenSubject(role, estate), role, communities: [estate.code] });
  return tokens;
}

/** Asserts an expected failure: exactly this code, no payload (no data, or only null fields), and the field named when given. */
export function expectFailure(res: GraphQLResponse, code: string, field?: string): void {
  expect(codes(res)).toEqual([code]);
  for (const value of Object.values(res.data ?? {})) expect(value).toBeNull();
  if (field) expect(res.errors![0].extensions?.field).toBe(field);
}

/**
 * Inserts `n` SUBMITTED tickets in one building, spread over its households,
 * residents and staff, with one SUBMITTED event each, numbered from the
 * estate's counter (which is advanced) so later submissions stay gap-free.
 */
export async function seedTickets(t: TestServer, estate: Estate, n: number, buildingIndex = 0): Promise<number[]> {
  const building = estate.buildings[buildingIndex];
  const households = estate.households.filter((h) => h.building.id === building.id);
  const staff = Object.values(estate.staff);
  const year = new Date().getUTCFullYear();
  return t.orm.em.fork().transactional(async (em) => {
    const [{ last_number: last }] = await em.execute(
      `insert into ticket_counter (community_id, year, last_number) values (?, ?, ?)
       on conflict (community_id, year) do update set last_number = ticket_counter.last_number + excluded.last_number returning last_number`,
      [estate.community.id, year, n],
    );
    const params: unknown[] = [];
    const rows: string[] = [];
    for (let i = 0; i < n; i++) {
      const seq = last - n + 1 + i;
      const household = households[i % households.length];
      const reporter = estate.residents.find((r) => r.household.id === household.id)!;
      const created = new Date(Date.now() - (n - i) * 60_000);
      rows.push('(?::int, ?, ?::smallint, ?::int, ?, ?, ?, ?, ?, ?::int, ?::int, ?::int, ?::int, ?::int, ?::timestamptz, ?::timestamptz)');
      params.push(estate.community.id, `${estate.code}-${year}-${String(seq).padStart(6, '0')}`, year, seq, 'APP', 'PLUMBING', 'NORMAL', 'SUBMITTED',
        `Seeded ${seq}`, building.id, household.id, building.grid.id, reporter.id, staff[i % staff.length].id,
        created.toISOString(), new Date(created.getTime() + 4 * 3600_000).toISOString());
    }
    const inserted: { id: number }[] = await em.execute(
      `insert into ticket (community_id, number, year, seq, channel, category, priority, status, title, building_id, household_id, grid_id,
         reporter_resident_id, assignee_id, created_at, response_due_at, resolve_due_at)
       select v.*, v.response_due_at + interval '2 days' from (values ${rows.join(', ')})
         as v(community_id, number, year, seq, channel, category, priority, status, title, building_id, household_id, grid_id,
              reporter_resident_id, assignee_id, created_at, response_due_at)
       returning id`,
      params,
    );
    const ids = inserted.map((r) => r.id);
    await em.execute(
      `insert into ticket_event (ticket_id, type, from_status, to_status, actor_role, actor_subject, at)
       select id, 'SUBMITTED', null, 'SUBMITTED', 'ADMIN', 'seed', created_at from ticket where id = any(?::int[])`,
      [`{${ids.join(',')}}`],
    );
    return ids;
  });
}

const DEADLINE_MS = 20_000;

/**
 * Sends n requests at once to a server of their own and waits at most
 * DEADLINE_MS. A server that wedges under the burst then fails this test with
 * a clear message, and cannot hold up the shared server the other tests use.
 */
export async function concurrently<T>(
  n: number, request: (s: TestServer, i: number) => Promise<T>, whileInFlight?: () => Promise<void>,
): Promise<T[]> {
  const s = await startTestServer();
  // Open every pooled connection first, so the burst meets a warm pool as a busy server's would.
  await Promise.all(Array.from({ length: 5 }, () => s.orm.em.fork().execute('select pg_sleep(0.05)')));
  let timer: NodeJS.Timeout | undefined;
  try {
    let answered = 0;
    const all = Promise.all(Array.from({ length: n }, (_, i) => request(s, i).finally(() => answered++)));
    all.catch(() => undefined); // after a deadline, closing the server fails the stragglers: already reported
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${n - answered} of ${n} concurrent requests unanswered after ${DEADLINE_MS} ms: the server wedged`)), DEADLINE_MS);
    });
    const work = whileInFlight ? whileInFlight().then(() => all) : all;
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // A wedged server may take minutes to stop; it has its own pool, so let it finish in the background.
    await Promise.race([s.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  }
}

/**
 * Holds a row lock from a connection of its own, as another server instance in
 * the middle of a transaction would, until every pooled connection of the
 * burst's server is queued behind it; then lets go. A request that needs a
 * second pooled connection while it holds the lock would then wait forever.
 */
export async function behindLock<T>(lockSql: string, params: unknown[], n: number, request: (s: TestServer, i: number) => Promise<T>): Promise<T[]> {
  const holder = new Client({ connectionString: testDatabaseUrl() });
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query(lockSql, params);
    return await concurrently(n, request, async () => {
      for (let waited = 0; waited < 10_000; waited += 25) {
        const { rows } = await holder.query(`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`);
        if (rows[0].n >= 5) break; // the test server's pool size
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await holder.query('rollback');
    });
  } finally {
    await holder.end();
  }
}

