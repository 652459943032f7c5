import { toGlobalId } from '../src/ids';
import { contract, countStatements, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { managerToken, startTestServer, type TestServer } from './helpers/server';
import { actOk, rowId, sql, submitOk } from './helpers/tickets';

/** The root Tickets list: each filter narrows it to exactly the right tickets, newest first, and keyset paging covers all. */

let t: TestServer;
let estate: Estate;
let steward: string;
let manager: string;

/** What the test knows about each ticket, to compute every expected list independently of the server. */
interface Known {
  id: string;
  status: string;
  priority: string;
  category: string;
  building: number | null;
  household: number | null;
  assignee: 'maintenance' | 'cleaning' | null;
  created: number;
}
const known: Known[] = [];
const HOUR = 3_600_000;
const base = Math.floor(Date.now() / HOUR) * HOUR - 48 * HOUR;

// [location, category, priority]: households 0–1 are in building 0, households 2–3 in building 1.
const SPECS: [string, number, string, string][] = [
  ['household', 0, 'PLUMBING', 'HIGH'], ['household', 1, 'ELECTRICAL', 'NORMAL'], ['household', 2, 'NOISE', 'LOW'],
  ['household', 3, 'PLUMBING', 'EMERGENCY'], ['building', 0, 'CLEANING', 'NORMAL'], ['building', 1, 'ELEVATOR', 'HIGH'],
  ['space', 0, 'CLEANING', 'LOW'], ['household', 0, 'NOISE', 'NORMAL'], ['household', 2, 'SECURITY', 'HIGH'],
  ['building', 1, 'PLUMBING', 'NORMAL'], ['space', 1, 'OTHER', 'NORMAL'], ['household', 1, 'CARE', 'EMERGENCY'],
];

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 2, residentsPerHousehold: 1 });
  steward = await t.token({ sub: estate.gid.staff('steward'), role: 'STAFF', communities: [estate.code] });
  manager = await managerToken(t, estate);
  for (const [i, [where, n, category, priority]] of SPECS.entries()) {
    const location = where === 'household' ? { householdId: estate.gid.household(n) }
      : where === 'building' ? { buildingId: estate.gid.building(n) } : { spaceId: toGlobalId('PublicSpace', estate.spaces[n].id) };
    const { id } = await submitOk(t, steward, { ...location, category, priority });
    // Creation times shuffled against id order, with the last two tied, so order and paging must use (created_at, id).
    const created = base + ((i === 11 ? 10 : i) * 5 % 12) * HOUR;
    await sql(t, 'update ticket set created_at = ? where id = ?', [new Date(created).toISOString(), rowId(id)]);
    known.push({
      id, status: 'SUBMITTED', priority, category, assignee: null, created,
      building: where === 'household' ? Math.floor(n / 2) : where === 'building' ? n : null,
      household: where === 'household' ? n : null,
    });
  }
  const move = async (i: number, op: string, status: string | null, extra: Record<string, unknown> = {}) => {
    await actOk(t, op, { ticketId: known[i].id, ...extra }, op === 'CancelTicket' ? steward : manager);
    if (status) known[i].status = status;
  };
  await move(1, 'AcknowledgeTicket', 'ACKNOWLEDGED');
  await move(4, 'AcknowledgeTicket', 'ACKNOWLEDGED');
  await move(4, 'StartTicket', 'IN_PROGRESS');
  await move(8, 'AcknowledgeTicket', 'ACKNOWLEDGED');
  await move(2, 'CancelTicket', 'CANCELLED'); // the steward raised it, so the steward is its reporter
  for (const [i, who] of [[0, 'maintenance'], [5, 'maintenance'], [9, 'cleaning']] as const) {
    await move(i, 'AssignTicket', null, { assigneeId: estate.gid.staff(who) });
    known[i].assignee = who;
  }
});
afterAll(() => t.close());

/** Newest first; ties on creation time go to the higher id, as the keyset orders them. */
function newestFirst(tickets: Known[]): string[] {
  return [...tickets].sort((a, b) => b.created - a.created || rowId(b.id) - rowId(a.id)).map((k) => k.id);
}

const iso = (hours: number) => new Date(base + hours * HOUR).toISOString();

describe('Tickets filters (contract Tickets)', () => {
  const cases: [string, () => Record<string, unknown>, (k: Known) => boolean][] = [
    ['statuses', () => ({ statuses: ['ACKNOWLEDGED', 'CANCELLED'] }), (k) => ['ACKNOWLEDGED', 'CANCELLED'].includes(k.status)],
    ['priorities', () => ({ priorities: ['HIGH', 'EMERGENCY'] }), (k) => ['HIGH', 'EMERGENCY'].includes(k.priority)],
    ['categories', () => ({ categories: ['NOISE', 'CLEANING'] }), (k) => ['NOISE', 'CLEANING'].includes(k.category)],
    ['gridId', () => ({ gridId: toGlobalId('Grid', estate.grids[0].id) }), (k) => k.building !== null],
    ['buildingId (its households included)', () => ({ buildingId: estate.gid.building(1) }), (k) => k.building === 1],
    ['householdId', () => ({ householdId: estate.gid.household(0) }), (k) => k.household === 0],
    ['assigneeId', () => ({ assigneeId: estate.gid.staff('maintenance') }), (k) => k.assignee === 'maintenance'],
    ['createdAfter (inclusive)', () => ({ createdAfter: iso(6) }), (k) => k.created >= base + 6 * HOUR],
    ['createdBefore (exclusive)', () => ({ createdBefore: iso(6) }), (k) => k.created < base + 6 * HOUR],
    ['createdAfter and createdBefore', () => ({ createdAfter: iso(3), createdBefore: iso(8) }),
      (k) => k.created >= base + 3 * HOUR && k.created < base + 8 * HOUR],
    ['several filters at once (AND)', () => ({ priorities: ['NORMAL'], buildingId: estate.gid.building(1), statuses: ['SUBMITTED'] }),
      (k) => k.priority === 'NORMAL' && k.building === 1 && k.status === 'SUBMITTED'],
  ];

  it.each(cases)('%s narrows the list to exactly the matching tickets, newest first', async (_, filter, matches) => {
    const expected = newestFirst(known.filter(matches));
    // A filter that keeps everything or nothing would prove nothing.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(known.length);
    const res = await gql(t.url, contract('Tickets'), { filter: { communityCodes: [estate.code], ...filter() }, first: 50 }, manager);
    expect(res.errors).toBeUndefined();
    expect(res.data.tickets.edges.map((e: any) => e.node.id)).toEqual(expected);
    expect(res.data.tickets.totalCount).toBe(expected.length);
    expect(res.data.tickets.pageInfo.hasNextPage).toBe(false);
  });

  it('without a filter lists every ticket of the token\'s estates, newest first', async () => {
    const res = await gql(t.url, contract('Tickets'), { first: 50 }, manager);
    expect(res.errors).toBeUndefined();
    expect(res.data.tickets.edges.map((e: any) => e.node.id)).toEqual(newestFirst(known));
    expect(res.data.tickets.totalCount).toBe(known.length);
  });
});

describe('estate codes in the filter', () => {
  it('are resolved from the token, without a statement: the page (with its count) is the only one; codes it does not cover are FORBIDDEN', async () => {
    const other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1 });
    const { result, statements } = await countStatements(t, () => gql(t.url, contract('Tickets'), { filter: { communityCodes: [estate.code] }, first: 50 }, manager));
    expect(result.errors).toBeUndefined();
    expect(result.data.tickets.totalCount).toBe(known.length);
    expect(statements).toBe(1);

    for (const code of [other.code, 'ZZ', 'not a code']) {
      const refused = await countStatements(t, () => gql(t.url, contract('Tickets'), { filter: { communityCodes: [estate.code, code] }, first: 5 }, manager));
      expect(refused.result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.result.errors?.[0].message).toContain(code);
      expect(refused.statements).toBe(0);
    }
  });
});

describe('keyset paging of Tickets', () => {
  const BACKWARD = `query($filter: TicketFilter, $last: Int, $before: String) {
    tickets(filter: $filter, last: $last, before: $before) {
      totalCount pageInfo { hasPreviousPage hasNextPage startCursor } edges { node { id } } } }`;
  const filter = () => ({ communityCodes: [estate.code] });

  it('forward (first/after) returns every ticket once, in order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: any = await gql(t.url, contract('Tickets'), { filter: filter(), first: 5, after }, manager);
      expect(res.errors).toBeUndefined();
      const { edges, pageInfo, totalCount } = res.data.tickets;
      expect(totalCount).toBe(known.length);
      seen.push(...edges.map((e: any) => e.node.id));
      if (!pageInfo.hasNextPage) break;
      expect(edges).toHaveLength(5);
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(newestFirst(known));
  });

  it('backward (last/before) returns every ticket once, in order', async () => {
    const pages: string[][] = [];
    let before: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: any = await gql(t.url, BACKWARD, { filter: filter(), last: 5, before }, manager);
      expect(res.errors).toBeUndefined();
      const { edges, pageInfo } = res.data.tickets;
      expect(pageInfo.hasNextPage).toBe(before !== null);
      pages.unshift(edges.map((e: any) => e.node.id));
      if (!pageInfo.hasPreviousPage) break;
      before = pageInfo.startCursor;
    }
    expect(pages.flat()).toEqual(newestFirst(known));
    expect(pages[0].length).toBe(known.length % 5 || 5);
  });
});
