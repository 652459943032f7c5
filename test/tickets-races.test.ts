import { codes, contract, countStatements, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import {
  act, behindLock, concurrently, estateWrites, expectFailure, rowId, seedTickets, sql, submit, submitOk, ticketInput,
  ticketState,
} from './helpers/tickets';

/** Concurrent requests through the real server: idempotency, optimistic versions, gap-free numbers, and what the database refuses. */

jest.setTimeout(60_000); // room for a wedged burst to hit its deadline and its server to shut down

let t: TestServer;
let estate: Estate;
let other: Estate;
let resident: string;
let housemate: string;
let steward: string;
let manager: string;

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm);
  other = await createEstate(t.orm);
  const token = (sub: string, role: 'RESIDENT' | 'STAFF' | 'MANAGER') => t.token({ sub, role, communities: [estate.code] });
  resident = await token(estate.gid.resident(0), 'RESIDENT');
  housemate = await token(estate.gid.resident(1), 'RESIDENT'); // same household as resident(0)
  steward = await token(estate.gid.staff('steward'), 'STAFF');
  manager = await token(estate.gid.staff('manager'), 'MANAGER');
});
afterAll(() => t.close());

async function rowsForKey(key: string) {
  return sql(t, `select k.id, k.number, (select count(*) from ticket_event e where e.ticket_id = k.id and e.type = 'SUBMITTED')::int as submitted,
    (select count(*) from ticket_event e where e.ticket_id = k.id)::int as events
    from ticket k where k.idempotency_key = ? order by k.id`, [key]);
}

describe('submitTicket idempotency under concurrency', () => {
  it('ten identical submissions at once make one ticket, one event and one number', async () => {
    const before = await estateWrites(t, estate);
    const input = ticketInput({ householdId: estate.gid.household(0), channel: 'HOTLINE', title: 'Double-clicked leak' });
    const responses = await concurrently(10, (s) => gql(s.url, contract('SubmitTicket'), { input }, resident));
    for (const res of responses) expect(res.errors).toBeUndefined();
    const tickets = responses.map((r) => r.data.submitTicket.ticket);
    expect(new Set(tickets.map((x) => x.id)).size).toBe(1);
    expect(new Set(tickets.map((x) => x.number)).size).toBe(1);

    const rows = await rowsForKey(input.idempotencyKey as string);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: rowId(tickets[0].id), number: tickets[0].number, submitted: 1, events: 1 });
    const after = await estateWrites(t, estate);
    expect(after).toEqual({ tickets: before.tickets + 1, events: before.events + 1, counter: before.counter + 1 });
    expect(Number(tickets[0].number.split('-')[2])).toBe(after.counter);
  });

  it('the same key from another caller is another ticket', async () => {
    const input = ticketInput({ householdId: estate.gid.household(0) });
    const callers = [resident, housemate, steward];
    const [mine, theirs, staffs] = await concurrently(3, (s, i) => gql(s.url, contract('SubmitTicket'), { input }, callers[i]));
    for (const res of [mine, theirs, staffs]) expect(res.errors).toBeUndefined();
    const ids = [mine, theirs, staffs].map((r) => r.data.submitTicket.ticket.id);
    expect(new Set(ids).size).toBe(3);
    expect(await rowsForKey(input.idempotencyKey as string)).toHaveLength(3);
  });

  it('the same key with a different title from the same caller is BAD_USER_INPUT and writes nothing', async () => {
    const input = ticketInput({ householdId: estate.gid.household(0), title: 'Broken light' });
    const first = await gql(t.url, contract('SubmitTicket'), { input }, resident);
    expect(first.errors).toBeUndefined();
    const before = await estateWrites(t, estate);
    const reused = await gql(t.url, contract('SubmitTicket'), { input: { ...input, title: 'Something else entirely' } }, resident);
    expectFailure(reused, 'BAD_USER_INPUT', 'idempotencyKey');
    expect(await estateWrites(t, estate)).toEqual(before);
    const rows = await rowsForKey(input.idempotencyKey as string);
    expect(rows).toHaveLength(1);
    const [{ title }] = await sql(t, 'select title from ticket where id = ?', [rows[0].id]);
    expect(title).toBe('Broken light');
  });

  it('the same key for another location from the same caller is BAD_USER_INPUT, not the first ticket', async () => {
    // Answering with the first ticket would tell the client its report about another home was filed when it was not.
    const input = ticketInput({ householdId: estate.gid.household(0), title: 'No hot water' });
    const first = await gql(t.url, contract('SubmitTicket'), { input }, steward);
    expect(first.errors).toBeUndefined();
    const before = await estateWrites(t, estate);
    for (const location of [{ householdId: estate.gid.household(1) }, { householdId: undefined, buildingId: estate.gid.building(1) }]) {
      const res = await gql(t.url, contract('SubmitTicket'), { input: { ...input, ...location } }, steward);
      expectFailure(res, 'BAD_USER_INPUT', 'idempotencyKey');
    }
    expect(await estateWrites(t, estate)).toEqual(before);
  });

  it('racing submissions of one key with two titles: one ticket, its twins replay it, the others are refused', async () => {
    const base = ticketInput({ buildingId: estate.gid.building(1) });
    const before = await estateWrites(t, estate);
    const responses = await concurrently(10, (s, i) =>
      gql(s.url, contract('SubmitTicket'), { input: { ...base, title: i % 2 ? 'Title B' : 'Title A' } }, steward));
    const ok = responses.filter((r) => !r.errors);
    const refused = responses.filter((r) => r.errors);
    expect(ok).toHaveLength(5);
    for (const res of refused) expectFailure(res, 'BAD_USER_INPUT', 'idempotencyKey');
    expect(new Set(ok.map((r) => r.data.submitTicket.ticket.id)).size).toBe(1);
    expect(await rowsForKey(base.idempotencyKey as string)).toHaveLength(1);
    expect(await estateWrites(t, estate)).toEqual({ tickets: before.tickets + 1, events: before.events + 1, counter: before.counter + 1 });
  });
});

describe('versioned moves under concurrency', () => {
  async function acknowledgedEvents(id: string) {
    const [row] = await sql(t, `select k.version, k.status, (select count(*) from ticket_event e where e.ticket_id = k.id and e.type = 'ACKNOWLEDGED')::int as acks
      from ticket k where k.id = ?`, [rowId(id)]);
    return row;
  }

  it('ten acknowledgements with the same expectedVersion: one wins, nine VERSION_CONFLICT', async () => {
    const ticket = await submitOk(t, resident, { householdId: estate.gid.household(0) });
    const responses = await concurrently(10, (s) => act(s, 'AcknowledgeTicket', { ticketId: ticket.id, expectedVersion: 1 }, steward));
    const ok = responses.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(ok[0].data.acknowledgeTicket.ticket).toMatchObject({ status: 'ACKNOWLEDGED', version: 2 });
    const conflicts = responses.filter((r) => r.errors);
    expect(conflicts.map(codes)).toEqual(Array(9).fill(['VERSION_CONFLICT']));
    for (const res of conflicts) expect(res.errors![0].extensions?.currentVersion).toBe(2);
    expect(await acknowledgedEvents(ticket.id)).toEqual({ version: 2, status: 'ACKNOWLEDGED', acks: 1 });
  });

  it('ten acknowledgements without expectedVersion: one wins, nine INVALID_TRANSITION', async () => {
    const ticket = await submitOk(t, resident, { householdId: estate.gid.household(0) });
    const responses = await concurrently(10, (s) => act(s, 'AcknowledgeTicket', { ticketId: ticket.id }, steward));
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(responses.filter((r) => r.errors).map(codes)).toEqual(Array(9).fill(['INVALID_TRANSITION']));
    expect(await acknowledgedEvents(ticket.id)).toEqual({ version: 2, status: 'ACKNOWLEDGED', acks: 1 });
  });
});

describe('bursts that queue behind a lock held elsewhere are all answered', () => {
  it('ten acknowledgements queued behind a locked ticket: one wins, nine VERSION_CONFLICT', async () => {
    const ticket = await submitOk(t, resident, { householdId: estate.gid.household(0) });
    const responses = await behindLock('select 1 from ticket where id = $1 for update', [rowId(ticket.id)], 10,
      (s) => act(s, 'AcknowledgeTicket', { ticketId: ticket.id, expectedVersion: 1 }, steward));
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(responses.filter((r) => r.errors).map(codes)).toEqual(Array(9).fill(['VERSION_CONFLICT']));
  });

  it('ten submissions queued behind a locked ticket counter get ten consecutive numbers', async () => {
    await submitOk(t, steward, { buildingId: estate.gid.building(0) }); // the counter row exists from here on
    const { counter } = await estateWrites(t, estate);
    const responses = await behindLock('select 1 from ticket_counter where community_id = $1 for update', [estate.community.id], 10,
      (s) => submit(s, steward, { buildingId: estate.gid.building(0) }));
    for (const res of responses) expect(res.errors).toBeUndefined();
    const seqs = responses.map((r) => Number(r.data.submitTicket.ticket.number.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => counter + 1 + i));
  });
});

describe('numbering', () => {
  it('20 concurrent submissions in one estate get 20 consecutive numbers', async () => {
    const { counter } = await estateWrites(t, estate);
    const tokens = [resident, housemate, steward, manager];
    const responses = await concurrently(20, (s, i) =>
      submit(s, tokens[i % 4], i % 2 ? { householdId: estate.gid.household(0) } : { buildingId: estate.gid.building(i % 4 === 0 ? 0 : 1) }));
    for (const res of responses) expect(res.errors).toBeUndefined();
    const year = new Date().getUTCFullYear();
    const numbers = responses.map((r) => r.data.submitTicket.ticket.number as string);
    for (const n of numbers) expect(n.startsWith(`${estate.code}-${year}-`)).toBe(true);
    const seqs = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => counter + 1 + i));
    expect((await estateWrites(t, estate)).counter).toBe(counter + 20);
  });
});

describe('a failed move writes nothing', () => {
  it.each([
    ['an illegal move (INVALID_TRANSITION)', 'ResolveTicket', {}, 'steward', 'INVALID_TRANSITION'],
    ['a stale version (VERSION_CONFLICT)', 'AcknowledgeTicket', { expectedVersion: 7 }, 'steward', 'VERSION_CONFLICT'],
    ['a role that may not act (FORBIDDEN)', 'AcknowledgeTicket', {}, 'resident', 'FORBIDDEN'],
    ['a rating before resolution', 'RateTicket', { score: 5 }, 'resident', 'INVALID_TRANSITION'],
    ['an assignee of another estate (NOT_FOUND, as for one that does not exist)', 'AssignTicket', { assigneeId: 'OTHER_STAFF' }, 'manager', 'NOT_FOUND'],
  ])('%s', async (_, op, extra, who, code) => {
    const ticket = await submitOk(t, resident, { householdId: estate.gid.household(0) });
    const tokens: Record<string, string> = { steward, resident, manager };
    const text = op === 'RateTicket' ? { comment: 'should not be recorded' } : { note: 'should not be recorded' };
    const input = { ticketId: ticket.id, ...text, ...extra } as Record<string, unknown>;
    if (input.assigneeId === 'OTHER_STAFF') input.assigneeId = other.gid.staff('maintenance');
    const before = await ticketState(t, ticket.id);
    const writes = await estateWrites(t, estate);
    expectFailure(await act(t, op, input, tokens[who]), code);
    expect(await ticketState(t, ticket.id)).toEqual(before);
    expect(before.row).toMatchObject({ version: 1, status: 'SUBMITTED', assignee_id: null });
    expect(await estateWrites(t, estate)).toEqual(writes);
  });
});

describe('ticket_event is append-only in the database', () => {
  // Run inside a transaction that is always rolled back, so a missing trigger cannot damage other tests' history.
  async function attempt(statement: string, ticketRowId: number): Promise<unknown> {
    const sentinel = new Error('statement succeeded');
    try {
      await t.orm.em.fork().transactional(async (em) => {
        await em.execute(statement, [ticketRowId]);
        throw sentinel;
      });
    } catch (error) {
      return error;
    }
    return null;
  }

  it.each([
    ['UPDATE', `update ticket_event set note = 'rewritten' where ticket_id = ?`],
    ['DELETE', 'delete from ticket_event where ticket_id = ?'],
  ])('%s raises an error', async (_, statement) => {
    const ticket = await submitOk(t, resident, { householdId: estate.gid.household(0) });
    const before = await ticketState(t, ticket.id);
    const error = await attempt(statement, rowId(ticket.id));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/append-only/);
    expect(await ticketState(t, ticket.id)).toEqual(before);
    const [{ note }] = await sql(t, 'select note from ticket_event where ticket_id = ?', [rowId(ticket.id)]);
    expect(note).toBeNull();
  });
});

describe('SQL statements per list request do not grow with the page size', () => {
  let big: Estate;
  let bigManager: string;

  beforeAll(async () => {
    // 120 households in one building, so 100 tickets reference 100 different households, reporters and 6 assignees.
    big = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 120, residentsPerHousehold: 1 });
    await seedTickets(t, big, 110);
    bigManager = await t.token({ sub: big.gid.staff('manager'), role: 'MANAGER', communities: [big.code] });
  });

  async function measure(op: string, variables: Record<string, unknown>) {
    const { result, statements } = await countStatements(t, () => gql(t.url, contract(op), variables, bigManager));
    expect(result.errors).toBeUndefined();
    expect(statements).toBeGreaterThan(0);
    return { data: result.data, statements };
  }

  it('BuildingTickets: first 10 and first 100 cost the same number of statements', async () => {
    const small = await measure('BuildingTickets', { buildingId: big.gid.building(0), first: 10 });
    const large = await measure('BuildingTickets', { buildingId: big.gid.building(0), first: 100 });
    expect(small.data.node.tickets.edges).toHaveLength(10);
    expect(large.data.node.tickets.edges).toHaveLength(100);
    expect(large.data.node.tickets.totalCount).toBe(110);
    // The page really touches 100 households, reporters, assignees and timelines.
    const nodes = large.data.node.tickets.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.household.unit)).size).toBe(100);
    expect(nodes.every((n: any) => n.reporter?.name && n.assignee?.name && n.timeline.edges.length === 1)).toBe(true);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
    // The building, its page of tickets with their relations and last events, and the count: one statement.
    expect(small.statements).toBe(1);
  });

  it('Tickets: first 10 and first 100 cost the same number of statements', async () => {
    const small = await measure('Tickets', { filter: { communityCodes: [big.code] }, first: 10 });
    const large = await measure('Tickets', { filter: { communityCodes: [big.code] }, first: 100 });
    expect(small.data.tickets.edges).toHaveLength(10);
    expect(large.data.tickets.edges).toHaveLength(100);
    expect(large.data.tickets.edges.every((e: any) => e.node.grid?.code === 'G01')).toBe(true);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
  });
});
