import { MAX_SUBJECT_LENGTH, ROLES } from '../src/auth';
import { toGlobalId } from '../src/ids';
import { LIMITS } from '../src/services/ticket-input';
import { SUBMITTER_ROLES } from '../src/services/ticket-lifecycle';
import { codes, contract, gql, type GraphQLResponse } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { act, actOk, estateWrites, expectFailure, sql, submit, submitOk, ticketInput, ticketState } from './helpers/tickets';

/** Every malformed or out-of-range input is refused with the field named, and nothing is written. */

let t: TestServer;
let own: Estate;
let other: Estate;
let reporter: string;
let steward: string;
let manager: string;

beforeAll(async () => {
  t = await startTestServer();
  own = await createEstate(t.orm);
  other = await createEstate(t.orm);
  reporter = await t.token({ sub: own.gid.resident(0), role: 'RESIDENT', communities: [own.code] });
  steward = await t.token({ sub: own.gid.staff('steward'), role: 'STAFF', communities: [own.code] });
  manager = await t.token({ sub: own.gid.staff('manager'), role: 'MANAGER', communities: [own.code] });
});
afterAll(() => t.close());

// Row ids this far up are never reached by a test database, so these ids are well-formed but unknown.
const UNKNOWN = 2_147_480_000;
const at0 = () => ({ householdId: own.gid.household(0) });

/** Runs `request` and insists that neither estate gained a ticket, an event or a number. */
async function writesNothing(request: () => Promise<GraphQLResponse>): Promise<GraphQLResponse> {
  const before = [await estateWrites(t, own), await estateWrites(t, other)];
  const res = await request();
  expect([await estateWrites(t, own), await estateWrites(t, other)]).toEqual(before);
  return res;
}

describe('submitTicket input', () => {
  const cases: [string, string, () => Record<string, unknown>, string | undefined][] = [
    ['a malformed householdId', 'BAD_USER_INPUT', () => ({ householdId: 'not-an-id' }), 'householdId'],
    ['a Building id as householdId', 'BAD_USER_INPUT', () => ({ householdId: own.gid.building(0) }), 'householdId'],
    ['a Household id as buildingId', 'BAD_USER_INPUT', () => ({ buildingId: own.gid.household(0) }), 'buildingId'],
    ['a malformed spaceId', 'BAD_USER_INPUT', () => ({ spaceId: '%%%' }), 'spaceId'],
    ['a Household id as reporterId', 'BAD_USER_INPUT', () => ({ ...at0(), reporterId: own.gid.household(0) }), 'reporterId'],
    ['an unknown householdId', 'NOT_FOUND', () => ({ householdId: toGlobalId('Household', UNKNOWN) }), undefined],
    ['an unknown buildingId', 'NOT_FOUND', () => ({ buildingId: toGlobalId('Building', UNKNOWN) }), undefined],
    ['a household of another estate', 'NOT_FOUND', () => ({ householdId: other.gid.household(0) }), undefined],
    ['a building of another estate', 'NOT_FOUND', () => ({ buildingId: other.gid.building(0) }), undefined],
    ['an empty title', 'BAD_USER_INPUT', () => ({ ...at0(), title: '' }), 'title'],
    ['a whitespace-only title', 'BAD_USER_INPUT', () => ({ ...at0(), title: ' \t\n  ' }), 'title'],
    ['a 201-character title', 'BAD_USER_INPUT', () => ({ ...at0(), title: 'x'.repeat(201) }), 'title'],
    ['a 4,001-character description', 'BAD_USER_INPUT', () => ({ ...at0(), description: 'd'.repeat(4001) }), 'description'],
    ['an empty idempotencyKey', 'BAD_USER_INPUT', () => ({ ...at0(), idempotencyKey: '' }), 'idempotencyKey'],
    ['a 101-character idempotencyKey', 'BAD_USER_INPUT', () => ({ ...at0(), idempotencyKey: 'k'.repeat(101) }), 'idempotencyKey'],
    ['a NUL in the title', 'BAD_USER_INPUT', () => ({ ...at0(), title: 'Leak\u0000under sink' }), 'title'],
    ['a NUL in the description', 'BAD_USER_INPUT', () => ({ ...at0(), description: '\u0000' }), 'description'],
    ['a NUL in the idempotencyKey', 'BAD_USER_INPUT', () => ({ ...at0(), idempotencyKey: 'key\u0000' }), 'idempotencyKey'],
    // Base64 decoding skips what it does not know: a real id with a NUL, a space or padding after it is not that id.
    ['a NUL after a real householdId', 'BAD_USER_INPUT', () => ({ householdId: `${own.gid.household(0)}\u0000` }), 'householdId'],
    ['padding after a real buildingId', 'BAD_USER_INPUT', () => ({ buildingId: `${own.gid.building(0)}==` }), 'buildingId'],
    ['a space inside a real buildingId', 'BAD_USER_INPUT', () => ({ buildingId: `${own.gid.building(0).slice(0, 4)} ${own.gid.building(0).slice(4)}` }), 'buildingId'],
    ['two locations', 'BAD_USER_INPUT', () => ({ ...at0(), buildingId: own.gid.building(0) }), undefined],
    ['three locations', 'BAD_USER_INPUT', () => ({ ...at0(), buildingId: own.gid.building(0), spaceId: toGlobalId('PublicSpace', own.spaces[0].id) }), undefined],
    ['no location', 'BAD_USER_INPUT', () => ({}), undefined],
  ];

  // Every row names its field (or undefined): a row shorter than the callback's parameters would make jest wait for `done`.
  it.each(cases)('%s → %s', async (_, code, overrides, field) => {
    const res = await writesNothing(() => submit(t, steward, overrides()));
    expectFailure(res, code, field);
  });

  it('accepts the limits themselves: a 200-character title and a 4,000-character description', async () => {
    const title = 't'.repeat(200);
    const ticket = await submitOk(t, steward, { ...at0(), title, description: 'd'.repeat(4000) });
    const read = await gql(t.url, 'query($id: ID!) { node(id: $id) { ... on Ticket { title description } } }', { id: ticket.id }, manager);
    expect(read.data.node.title).toBe(title);
    expect(read.data.node.description).toHaveLength(4000);
  });
});

describe('who raised it is kept whole', () => {
  it('an ADMIN whose sub is the longest a token may carry (200 characters) raises a ticket, and its resubmission answers with it', async () => {
    const admin = await t.token({ sub: `admin-${'x'.repeat(194)}`, role: 'ADMIN', communities: [own.code] });
    const input = { ...at0(), idempotencyKey: 'long-sub-1' };
    const before = await estateWrites(t, own);
    const first = await submitOk(t, admin, input);
    const again = await submitOk(t, admin, input);
    expect(again.id).toBe(first.id);
    expect(await estateWrites(t, own)).toEqual({ tickets: before.tickets + 1, events: before.events + 1, counter: before.counter + 1 });
  });

  it('every column holds the longest value the API accepts for it', async () => {
    const widths = new Map((await sql<{ name: string; width: number | null }>(t, `select table_name || '.' || column_name as name, character_maximum_length as width
      from information_schema.columns where table_schema = current_schema() and table_name in ('ticket', 'ticket_event')`)).map((r) => [r.name, r.width]));
    // A null width is an unbounded text column.
    const holds = (column: string, longest: number) => {
      const width = widths.has(column) ? widths.get(column) : 0;
      expect(width === null || width! >= longest ? 'fits' : `${column} holds ${width} characters, needs ${longest}`).toBe('fits');
    };
    holds('ticket.title', LIMITS.title);
    holds('ticket.description', LIMITS.description);
    holds('ticket.rating_comment', LIMITS.comment);
    holds('ticket_event.note', LIMITS.note);
    holds('ticket.idempotency_key', LIMITS.idempotencyKey);
    // `<role>:<sub>` for the longest role that raises tickets.
    holds('ticket.idempotency_caller', Math.max(...SUBMITTER_ROLES.map((r) => r.length)) + 1 + MAX_SUBJECT_LENGTH);
    holds('ticket_event.actor_subject', MAX_SUBJECT_LENGTH);
    holds('ticket_event.actor_role', Math.max(...ROLES.map((r) => r.length)));
  });
});

describe('ticket moves input', () => {
  /** [name, code, operation, input beyond ticketId, status the ticket is in, who acts, field] */
  const cases: [string, string, string, () => Record<string, unknown>, string, 'manager' | 'reporter', string | undefined][] = [
    ['a malformed ticketId', 'BAD_USER_INPUT', 'AcknowledgeTicket', () => ({ ticketId: 'garbage' }), 'SUBMITTED', 'manager', 'ticketId'],
    ['a Household id as ticketId', 'BAD_USER_INPUT', 'AcknowledgeTicket', () => ({ ticketId: own.gid.household(0) }), 'SUBMITTED', 'manager', 'ticketId'],
    ['an unknown ticketId', 'NOT_FOUND', 'AcknowledgeTicket', () => ({ ticketId: toGlobalId('Ticket', UNKNOWN) }), 'SUBMITTED', 'manager', undefined],
    ['a 1,001-character note', 'BAD_USER_INPUT', 'AcknowledgeTicket', () => ({ note: 'n'.repeat(1001) }), 'SUBMITTED', 'manager', 'note'],
    ['expectedVersion 0 (never current: stale)', 'VERSION_CONFLICT', 'AcknowledgeTicket', () => ({ expectedVersion: 0 }), 'SUBMITTED', 'manager', undefined],
    ['expectedVersion -1 (never current: stale)', 'VERSION_CONFLICT', 'StartTicket', () => ({ expectedVersion: -1 }), 'SUBMITTED', 'manager', undefined],
    ['a malformed assigneeId', 'BAD_USER_INPUT', 'AssignTicket', () => ({ assigneeId: 'staff-7' }), 'SUBMITTED', 'manager', 'assigneeId'],
    ['a Resident id as assigneeId', 'BAD_USER_INPUT', 'AssignTicket', () => ({ assigneeId: own.gid.resident(0) }), 'SUBMITTED', 'manager', 'assigneeId'],
    ['an unknown assigneeId', 'NOT_FOUND', 'AssignTicket', () => ({ assigneeId: toGlobalId('Staff', UNKNOWN) }), 'SUBMITTED', 'manager', undefined],
    ['a 1,001-character assignment note', 'BAD_USER_INPUT', 'AssignTicket', () => ({ assigneeId: own.gid.staff('cleaning'), note: 'n'.repeat(1001) }), 'SUBMITTED', 'manager', 'note'],
    ['score 0', 'BAD_USER_INPUT', 'RateTicket', () => ({ score: 0 }), 'RESOLVED', 'reporter', 'score'],
    ['score 6', 'BAD_USER_INPUT', 'RateTicket', () => ({ score: 6 }), 'RESOLVED', 'reporter', 'score'],
    ['a 1,001-character comment', 'BAD_USER_INPUT', 'RateTicket', () => ({ score: 5, comment: 'c'.repeat(1001) }), 'RESOLVED', 'reporter', 'comment'],
    ['rating expectedVersion 0 (never current: stale)', 'VERSION_CONFLICT', 'RateTicket', () => ({ score: 5, expectedVersion: 0 }), 'RESOLVED', 'reporter', undefined],
  ];

  /** A ticket the reporter raised, worked by the steward up to `status`. */
  async function ticketAt(status: string): Promise<string> {
    const { id } = await submitOk(t, reporter, at0());
    if (status === 'RESOLVED') for (const op of ['AcknowledgeTicket', 'StartTicket', 'ResolveTicket']) await actOk(t, op, { ticketId: id }, steward);
    return id;
  }

  it.each(cases)('%s → %s', async (_, code, op, extra, status, who, field) => {
    const ticketId = await ticketAt(status);
    const before = await ticketState(t, ticketId);
    const res = await writesNothing(() => act(t, op, { ticketId, ...extra() }, who === 'manager' ? manager : reporter));
    expectFailure(res, code, field);
    expect(await ticketState(t, ticketId)).toEqual(before);
  });

  it('accepts the limits themselves: a 1,000-character note, scores 1 and 5', async () => {
    const acked = await ticketAt('SUBMITTED');
    await actOk(t, 'AcknowledgeTicket', { ticketId: acked, note: 'n'.repeat(1000) }, manager);
    for (const score of [1, 5]) {
      const ticketId = await ticketAt('RESOLVED');
      const res = await act(t, 'RateTicket', { ticketId, score }, reporter);
      expect(res.errors).toBeUndefined();
      expect(res.data.rateTicket.ticket).toMatchObject({ status: 'CLOSED', rating: { score } });
    }
  });
});

describe('values the schema itself refuses: HTTP 400 before any resolver runs', () => {
  /** A request error: HTTP 400, no data at all, a client-error code and a message naming the culprit. */
  function expectRequestError(res: GraphQLResponse, culprit: string): void {
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(codes(res)).toHaveLength(1);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(codes(res)[0]);
    expect(res.errors![0].message).toContain(culprit);
  }

  it('an unknown priority in SubmitTicket variables', async () => {
    const res = await writesNothing(() => gql(t.url, contract('SubmitTicket'), { input: ticketInput({ ...at0(), priority: 'URGENT' }) }, steward));
    expectRequestError(res, 'URGENT');
  });

  it('an unknown category in SubmitTicket variables', async () => {
    const res = await writesNothing(() => gql(t.url, contract('SubmitTicket'), { input: ticketInput({ ...at0(), category: 'plumbing' }) }, steward));
    expectRequestError(res, 'plumbing');
  });

  it('an unknown enum literal written into the document', async () => {
    const doc = `mutation { submitTicket(input: { idempotencyKey: "lit-1", householdId: "${own.gid.household(0)}",
      category: PLUMBING, priority: URGENT, channel: APP, title: "Leak" }) { ticket { id } } }`;
    expectRequestError(await writesNothing(() => gql(t.url, doc, {}, steward)), 'URGENT');
  });

  it('an input field the schema does not have', async () => {
    const ticketId = (await submitOk(t, reporter, at0())).id;
    const before = await ticketState(t, ticketId);
    const res = await writesNothing(() => act(t, 'AcknowledgeTicket', { ticketId, assignee: 'me' }, manager));
    expectRequestError(res, 'assignee');
    expect(await ticketState(t, ticketId)).toEqual(before);
  });

  it('an unknown status in the Tickets filter', async () => {
    expectRequestError(await gql(t.url, contract('Tickets'), { filter: { statuses: ['OPEN'] }, first: 10 }, manager), 'OPEN');
  });
});

describe('Tickets arguments', () => {
  it.each([
    ['a Building id as filter.householdId', () => ({ filter: { householdId: own.gid.building(0) }, first: 10 }), 'filter.householdId'],
    ['a malformed filter.gridId', () => ({ filter: { gridId: 'grid-1' }, first: 10 }), 'filter.gridId'],
    ['a Household id as filter.assigneeId', () => ({ filter: { assigneeId: own.gid.household(0) }, first: 10 }), 'filter.assigneeId'],
    ['first above 100', () => ({ first: 101 }), 'first'],
    ['first below 0', () => ({ first: -1 }), 'first'],
    ['a cursor from nowhere', () => ({ first: 10, after: 'bm90LWEtY3Vyc29y' }), 'after'],
  ])('%s → BAD_USER_INPUT', async (_, variables, field) => {
    expectFailure(await gql(t.url, contract('Tickets'), variables(), manager), 'BAD_USER_INPUT', field);
  });
});

describe('forged cursors on ticket lists', () => {
  const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
  const forged: [string, unknown[]][] = [
    ['["notadate",1]', ['notadate', 1]], ['[1,1]', [1, 1]], ['year 0000', ['0000-01-01T00:00:00Z', 1]], ['February 30', ['2025-02-30T00:00:00Z', 1]],
    ['hour 24', ['2025-01-01T24:00:00Z', 1]], ['an id beyond int4', ['2025-01-01T00:00:00Z', 2147483648]], ['a NUL', ['2025-01-01T00:00:00Z\u0000', 1]],
    ['a households cursor', ['0101', 1]], ['a timeline cursor', [1]],
  ];
  const lists: [string, () => Record<string, unknown>][] = [
    ['Tickets', () => ({ first: 10 })], ['BuildingTickets', () => ({ buildingId: own.gid.building(0), first: 10 })],
  ];

  it.each(lists.flatMap(([op, base]) => forged.map(([name, values]) => [op, name, base, values] as const)))('%s after %s → BAD_USER_INPUT naming after', async (op, _, base, values) => {
    const res = await gql(t.url, contract(op), { ...base(), after: cursor(values) }, manager);
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe('after');
  });

  it.each(lists)('%s accepts the earliest and latest instants a cursor may hold', async (op, base) => {
    for (const at of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999999Z']) {
      const res = await gql(t.url, contract(op), { ...base(), after: cursor([at, 1]) }, manager);
      expect(res.errors).toBeUndefined();
    }
  });
});

describe('instants the database cannot store', () => {
  it.each([
    ['createdAfter', '0000-01-01T00:00:00Z'], ['createdBefore', '0000-06-01T00:00:00Z'],
    // A time zone can carry an instant out of range too: this is 0000-12-31T23:00:00Z.
    ['createdAfter', '0001-01-01T00:00:00+01:00'],
  ])('filter.%s %s → BAD_USER_INPUT naming it, before anything runs', async (field, value) => {
    const res = await gql(t.url, contract('Tickets'), { filter: { [field]: value }, first: 10 }, manager);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toContain(`at "filter.${field}"`);
    expect(res.errors![0].message).toContain('between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z');
  });

  it('accepts the earliest and the latest instant', async () => {
    const res = await gql(t.url, contract('Tickets'), { filter: { createdAfter: '0001-01-01T00:00:00Z', createdBefore: '9999-12-31T23:59:59.999Z' }, first: 1 }, manager);
    expect(res.errors).toBeUndefined();
    expect(res.data.tickets.totalCount).toBeGreaterThan(0);
  });
});
