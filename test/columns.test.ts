import { parse } from 'graphql';
import { buildSchema } from '../resolvers';
import { columnPlan } from '../src/columns';
import { mapRows } from '../src/db/rows';
import { contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { roleTokens, submitOk, type Role } from './helpers/tickets';

/** Queries read only the columns their fields need (src/columns.ts), and a column left out can never pass for null. */

let t: TestServer;
let estate: Estate;
let tokens: Record<Role, string>;
const schema = buildSchema();

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 2, residentsPerHousehold: 1 });
  tokens = await roleTokens(t, estate);
});
afterAll(() => t.close());

const planOf = (source: string, operationName?: string) => columnPlan(schema, parse(source), operationName, t.orm.getMetadata());

describe('the plan of an operation', () => {
  it('reads a ticket page\'s planned columns, every id and foreign key, and nothing else', () => {
    const plan = planOf(contract('BuildingTickets'))!;
    const ticket = plan.get('Ticket')!.columns;
    for (const column of ['id', 'number', 'title', 'status', 'priority', 'category', 'created_at', 'community_id', 'household_id', 'reporter_resident_id', 'assignee_id']) {
      expect(ticket).toContain(column);
    }
    for (const column of ['description', 'rating_comment', 'idempotency_key', 'resolved_at']) expect(ticket).not.toContain(column);
    expect([...plan.get('Household')!.columns]).toEqual(expect.arrayContaining(['id', 'unit', 'care_needs', 'community_id', 'building_id']));
    expect(plan.get('Household')!.columns).not.toContain('floor');
    expect([...plan.get('TicketEvent')!.columns]).toEqual(expect.arrayContaining(['type', 'to_status', 'at', 'ticket_id']));
    expect(plan.get('TicketEvent')!.columns).not.toContain('note');
  });

  it('plans a field with a resolver of its own by what READS says it reads', () => {
    const ticket = planOf('query { tickets(first: 5) { edges { node { slaBreached rating { comment } } } } }')!.get('Ticket')!.columns;
    expect([...ticket]).toEqual(expect.arrayContaining(['status', 'acknowledged_at', 'cancelled_at', 'response_due_at', 'resolved_at', 'closed_at', 'resolve_due_at', 'rating_score', 'rating_comment']));
    expect(ticket).not.toContain('title');
  });

  it.each([
    ['a field whose resolver is not declared', 'query { community(code: "X") { grids { squad { name } } } }'],
    ['a type that is not a row', 'query { viewer { role } }'],
    ['a mutation', 'mutation { acknowledgeTicket(id: "x", version: 1) { ticket { id } } }'],
    ['a subscription', 'subscription { ticketEvents { id } }'],
  ])('reads whole rows for %s', (_name, source) => {
    expect(planOf(source)).toBeNull();
  });
});

describe('a row read with some columns', () => {
  const read = { columns: new Set(['id', 'community_id', 'unit']), key: 'id,community_id,unit' };
  let row: Record<string, unknown>;
  beforeAll(() => {
    [row] = mapRows<Record<string, unknown>>(t.orm.getMetadata(), 'Household', [{ id: 7, community_id: 3, unit: '1-101' }], read);
  });

  it('has them', () => {
    expect(row).toMatchObject({ id: 7, unit: '1-101', community: { id: 3 } });
  });

  it('throws when a column it was not read with is read, instead of answering undefined', () => {
    expect(() => row.careNeeds).toThrow(/Household\.careNeeds .*was not read/);
  });

  it('takes a value set for such a column as its own', () => {
    row.floor = 4;
    expect(row.floor).toBe(4);
  });

  it('maps only the columns it was read with, when the database row carries more (a list\'s order column, for its cursors)', () => {
    const [wider] = mapRows<Record<string, unknown>>(t.orm.getMetadata(), 'Household', [{ id: 8, community_id: 3, unit: '1-102', floor: 1 }], read);
    expect(Object.keys(wider).sort()).toEqual(['community', 'id', 'unit']);
    expect(() => wider.floor).toThrow(/Household\.floor .*was not read/);
  });
});

describe('over HTTP', () => {
  it('answers a row reached twice with different fields with every field of both', async () => {
    const ticket = await submitOk(t, tokens.STAFF, { householdId: estate.gid.household(0), title: 'Leaking tap' });
    // The household is primed by the ticket's statement: it must carry the fields the second path asks for too.
    const query = `query($ticket: ID!, $household: ID!) {
      t: node(id: $ticket) { ... on Ticket { title household { unit } } }
      h: node(id: $household) { ... on Household { floor careNeeds specialCare } }
    }`;
    const res = await gql(t.url, query, { ticket: ticket.id, household: estate.gid.household(0) }, tokens.MANAGER);
    expect(res.errors).toBeUndefined();
    expect(res.data.t).toEqual({ title: 'Leaking tap', household: { unit: expect.any(String) } });
    expect(res.data.h).toEqual({ floor: expect.any(Number), careNeeds: expect.any(Array), specialCare: expect.any(Boolean) });
  });
});
