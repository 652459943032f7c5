import { codes, contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { expectFailure, roleTokens, submitOk, type Role } from './helpers/tickets';

/** Who reads which tickets: residents their household's and their own, the district everything but personal data. */

let t: TestServer;
let own: Estate;
let other: Estate;
let tokens: Record<Role, string>;
let housemate: string;
let neighbour: string;
/** Ticket ids by letter; see beforeAll for who raised each and where. */
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  // One building, two households of two residents: residents 0 and 1 share household 0, resident 2 lives in household 1.
  const shape = { buildings: 1, householdsPerBuilding: 2, residentsPerHousehold: 2 };
  own = await createEstate(t.orm, shape);
  other = await createEstate(t.orm, shape);
  tokens = await roleTokens(t, own); // RESIDENT is resident 0
  housemate = await t.token({ sub: own.gid.resident(1), role: 'RESIDENT', communities: [own.code] });
  neighbour = await t.token({ sub: own.gid.resident(2), role: 'RESIDENT', communities: [own.code] });
  const raise = async (letter: string, token: string, location: Record<string, unknown>) => {
    const ticket = await submitOk(t, token, { ...location, title: `Ticket ${letter}` });
    ids[letter] = ticket.id;
    numbers[letter] = ticket.number;
  };
  const household = (i: number) => ({ householdId: own.gid.household(i) });
  await raise('A', tokens.RESIDENT, household(0)); // by resident 0, for their household
  await raise('B', housemate, household(0)); // by the housemate, for the same household
  await raise('C', tokens.RESIDENT, { buildingId: own.gid.building(0) }); // by resident 0, no household
  await raise('D', neighbour, household(1)); // by the neighbour, for their household
  await raise('E', tokens.STAFF, household(1)); // by staff, for the neighbour's household
  await raise('F', tokens.STAFF, { buildingId: own.gid.building(0) }); // by staff, no household
  await raise('G', tokens.STAFF, household(0)); // by staff, for resident 0's household
});
afterAll(() => t.close());

const listed = async (token: string, filter: Record<string, unknown> = {}) => {
  const res = await gql(t.url, contract('Tickets'), { filter, first: 50 }, token);
  expect(res.errors).toBeUndefined();
  expect(res.data.tickets.totalCount).toBe(res.data.tickets.edges.length);
  return res.data.tickets.edges.map((e: any) => e.node.id).sort();
};
const letters = (...l: string[]) => l.map((x) => ids[x]).sort();

describe('a RESIDENT', () => {
  it.each([
    ['resident 0', () => tokens.RESIDENT, ['A', 'B', 'C', 'G'], ['D', 'E', 'F']],
    ['the housemate', () => housemate, ['A', 'B', 'G'], ['C', 'D', 'E', 'F']],
    ['the neighbour', () => neighbour, ['D', 'E'], ['A', 'B', 'C', 'F', 'G']],
  ])('%s fetches their household\'s tickets and the ones they raised, and no other', async (_, token, visible, hidden) => {
    for (const letter of visible) {
      const res = await gql(t.url, contract('Ticket'), { id: ids[letter] }, token());
      expect(res.errors).toBeUndefined();
      expect(res.data.node).toMatchObject({ id: ids[letter], number: numbers[letter] });
    }
    for (const letter of hidden) {
      const res = await gql(t.url, contract('Ticket'), { id: ids[letter] }, token());
      expect(codes(res)).toEqual(['NOT_FOUND']);
      expect(res.data?.node ?? null).toBeNull();
      expect(JSON.stringify(res)).not.toContain(numbers[letter]);
    }
    expect(await listed(token())).toEqual(letters(...visible));
    const building = await gql(t.url, contract('BuildingTickets'), { buildingId: own.gid.building(0), first: 50 }, token());
    expect(building.errors).toBeUndefined();
    expect(building.data.node.tickets.edges.map((e: any) => e.node.id).sort()).toEqual(letters(...visible));
    expect(building.data.node.tickets.totalCount).toBe(visible.length);
  });

  it('sees the personal data of their own household on those tickets', async () => {
    const res = await gql(t.url, contract('BuildingTickets'), { buildingId: own.gid.building(0), first: 50 }, tokens.RESIDENT);
    expect(res.errors).toBeUndefined();
    const byId = new Map(res.data.node.tickets.edges.map((e: any) => [e.node.id, e.node]));
    expect(byId.get(ids.A)).toMatchObject({ household: { unit: own.households[0].unit, careNeeds: ['ELDERLY_LIVING_ALONE'] }, reporter: { name: 'Resident 1-1' } });
    expect(byId.get(ids.B)).toMatchObject({ reporter: { name: 'Resident 1-2' } });
  });

  it('filtering on another household finds nothing rather than that household\'s tickets', async () => {
    expect(await listed(tokens.RESIDENT, { householdId: own.gid.household(1) })).toEqual([]);
    expect(await listed(tokens.RESIDENT, { householdId: own.gid.household(0) })).toEqual(letters('A', 'B', 'G'));
  });
});

describe('DISTRICT', () => {
  it('lists every ticket of the estate', async () => {
    expect(await listed(tokens.DISTRICT)).toEqual(letters('A', 'B', 'C', 'D', 'E', 'F', 'G'));
  });

  it('gets BuildingTickets with household { unit careNeeds } and reporter { name } FORBIDDEN and null', async () => {
    const variables = { buildingId: own.gid.building(0), first: 50 };
    const managerView = await gql(t.url, contract('BuildingTickets'), variables, tokens.MANAGER);
    expect(managerView.errors).toBeUndefined();
    const res = await gql(t.url, contract('BuildingTickets'), variables, tokens.DISTRICT);
    const nodes = res.data.node.tickets.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id)).toEqual(managerView.data.node.tickets.edges.map((e: any) => e.node.id));
    expect(nodes).toHaveLength(7);
    // Each personal field is null on its own; the household and reporter are there (or null when the ticket has none).
    for (const node of nodes) {
      if (node.household !== null) expect(node.household).toEqual({ unit: null, careNeeds: null });
      if (node.reporter !== null) expect(node.reporter).toEqual({ name: null });
      expect(node.number).toMatch(new RegExp(`^${own.code}-`));
    }
    expect(nodes.filter((n: any) => n.household !== null)).toHaveLength(5);
    expect(nodes.filter((n: any) => n.reporter !== null)).toHaveLength(4);
    expect(new Set(codes(res))).toEqual(new Set(['FORBIDDEN']));
    const paths = res.errors!.map((e) => `${e.path!.at(-2)}.${e.path!.at(-1)}`);
    // Five tickets concern a household (A, B, D, E, G) and four were raised by a resident (A, B, C, D).
    expect(paths.filter((p) => p.startsWith('household.')).length).toBeGreaterThanOrEqual(5);
    expect(paths.filter((p) => p === 'reporter.name')).toHaveLength(4);
    // Titles are free text people type: null for DISTRICT too.
    expect(paths.filter((p) => p === 'node.title')).toHaveLength(7);
    expect(paths.every((p) => ['household.unit', 'household.careNeeds', 'reporter.name', 'node.title'].includes(p))).toBe(true);
    const body = JSON.stringify(res);
    for (const resident of own.residents) expect(body).not.toContain(resident.name);
    for (const h of own.households) expect(body).not.toContain(`"${h.unit}"`);
  });
});

describe('a Tickets filter on an estate the token does not cover', () => {
  it.each([
    ['MANAGER', () => tokens.MANAGER, () => [other.code]],
    ['DISTRICT, mixed with its own estate', () => tokens.DISTRICT, () => [own.code, other.code]],
    ['RESIDENT', () => tokens.RESIDENT, () => [other.code]],
  ])('%s → FORBIDDEN, no data', async (_, token, communityCodes) => {
    await submitOk(t, await t.token({ sub: other.gid.staff('steward'), role: 'STAFF', communities: [other.code] }), { householdId: other.gid.household(0) });
    const res = await gql(t.url, contract('Tickets'), { filter: { communityCodes: communityCodes() }, first: 50 }, token());
    expectFailure(res, 'FORBIDDEN');
    expect(JSON.stringify(res)).not.toContain(`${other.code}-`);
  });
});
