import { codes, contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { managerToken, startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let estate: Estate;
let resident: string;
let steward: string;
let manager: string;

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm);
  resident = await t.token({ sub: estate.gid.resident(0), role: 'RESIDENT', communities: [estate.code] });
  steward = await t.token({ sub: estate.gid.staff('steward'), role: 'STAFF', communities: [estate.code] });
  manager = await managerToken(t, estate);
});
afterAll(() => t.close());

async function submit(token: string, input: Record<string, unknown>) {
  const res = await gql(t.url, contract('SubmitTicket'), {
    input: { category: 'PLUMBING', priority: 'HIGH', channel: 'APP', title: 'Leak under sink', idempotencyKey: `k-${Math.random()}`, ...input },
  }, token);
  expect(res.errors).toBeUndefined();
  return res.data.submitTicket.ticket;
}

describe('the ticket lifecycle through the contract operations', () => {
  it('goes from submission to a rating, with a timeline of every step', async () => {
    const year = new Date().getUTCFullYear();
    const submitted = await submit(resident, { householdId: estate.gid.household(0), description: 'Water everywhere' });
    expect(submitted).toMatchObject({ status: 'SUBMITTED', priority: 'HIGH', version: 1 });
    expect(submitted.number).toMatch(new RegExp(`^${estate.code}-${year}-\\d{6}$`));
    const due = new Date(submitted.responseDueAt).getTime() - Date.now();
    expect(due).toBeGreaterThan(55 * 60_000); // HIGH: respond within 60 minutes (sla_policy)
    expect(due).toBeLessThanOrEqual(60 * 60_000);

    const step = async (op: string, input: Record<string, unknown>, token: string) => {
      const res = await gql(t.url, contract(op), { input: { ticketId: submitted.id, ...input } }, token);
      expect(res.errors).toBeUndefined();
      return Object.values(res.data)[0] as { ticket: any };
    };
    expect((await step('AcknowledgeTicket', { expectedVersion: 1 }, steward)).ticket).toMatchObject({ status: 'ACKNOWLEDGED', version: 2 });
    expect((await step('AssignTicket', { assigneeId: estate.gid.staff('maintenance'), expectedVersion: 2 }, manager)).ticket)
      .toMatchObject({ version: 3, assignee: { id: estate.gid.staff('maintenance'), name: 'MAINTENANCE 4' } });
    expect((await step('StartTicket', { expectedVersion: 3 }, steward)).ticket).toMatchObject({ status: 'IN_PROGRESS', version: 4 });
    expect((await step('ResolveTicket', { note: 'Replaced the trap' }, steward)).ticket).toMatchObject({ status: 'RESOLVED', version: 5 });
    expect((await step('ReopenTicket', { note: 'Still dripping' }, resident)).ticket).toMatchObject({ status: 'REOPENED', version: 6 });
    expect((await step('StartTicket', {}, steward)).ticket).toMatchObject({ status: 'IN_PROGRESS', version: 7 });
    expect((await step('ResolveTicket', {}, steward)).ticket).toMatchObject({ status: 'RESOLVED', version: 8 });
    expect((await step('RateTicket', { score: 5, comment: 'fast' }, resident)).ticket)
      .toMatchObject({ status: 'CLOSED', rating: { score: 5, comment: 'fast' } });

    const read = await gql(t.url, contract('Ticket'), { id: submitted.id }, manager);
    expect(read.errors).toBeUndefined();
    expect(read.data.node).toMatchObject({ status: 'CLOSED', version: 9, channel: 'APP', dispatch: null, rating: { score: 5 } });
    expect(read.data.node.timeline.edges.map((e: any) => [e.node.type, e.node.fromStatus, e.node.toStatus])).toEqual([
      ['SUBMITTED', null, 'SUBMITTED'],
      ['ACKNOWLEDGED', 'SUBMITTED', 'ACKNOWLEDGED'],
      ['ASSIGNED', null, null],
      ['STARTED', 'ACKNOWLEDGED', 'IN_PROGRESS'],
      ['RESOLVED', 'IN_PROGRESS', 'RESOLVED'],
      ['REOPENED', 'RESOLVED', 'REOPENED'],
      ['STARTED', 'REOPENED', 'IN_PROGRESS'],
      ['RESOLVED', 'IN_PROGRESS', 'RESOLVED'],
      ['RATED', null, null],
      ['CLOSED', 'RESOLVED', 'CLOSED'],
    ]);
    expect(read.data.node.timeline.edges[4].node.note).toBe('Replaced the trap');

    const again = await gql(t.url, contract('RateTicket'), { input: { ticketId: submitted.id, score: 4 } }, resident);
    expect(codes(again)).toEqual(['INVALID_TRANSITION']);
  });

  it('numbers tickets per estate and year without gaps', async () => {
    const first = await submit(steward, { buildingId: estate.gid.building(0), channel: 'PATROL' });
    const second = await submit(steward, { buildingId: estate.gid.building(1), channel: 'PATROL' });
    const seq = (n: string) => Number(n.split('-')[2]);
    expect(seq(second.number)).toBe(seq(first.number) + 1);
  });

  it('lists the building tickets (contract BuildingTickets) and the filtered root list (contract Tickets)', async () => {
    await submit(resident, { householdId: estate.gid.household(0), priority: 'EMERGENCY', title: 'Burst pipe' });
    const building = await gql(t.url, contract('BuildingTickets'), { buildingId: estate.gid.building(0), first: 20 }, manager);
    expect(building.errors).toBeUndefined();
    const nodes = building.data.node.tickets.edges.map((e: any) => e.node);
    expect(nodes[0]).toMatchObject({ title: 'Burst pipe', priority: 'EMERGENCY', household: { careNeeds: ['ELDERLY_LIVING_ALONE'] }, reporter: { name: 'Resident 1-1' } });
    expect(nodes[0].timeline.edges.map((e: any) => e.node.type)).toEqual(['SUBMITTED']);
    const created = nodes.map((n: any) => n.createdAt);
    expect(created).toEqual([...created].sort().reverse());

    const list = await gql(t.url, contract('Tickets'), { filter: { communityCodes: [estate.code], priorities: ['EMERGENCY'], statuses: ['SUBMITTED'] }, first: 50 }, manager);
    expect(list.errors).toBeUndefined();
    expect(list.data.tickets.totalCount).toBe(1);
    expect(list.data.tickets.edges[0].node).toMatchObject({ priority: 'EMERGENCY', status: 'SUBMITTED', slaBreached: false, grid: { code: 'G01' } });
  });
});
