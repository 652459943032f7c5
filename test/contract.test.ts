import fs from 'node:fs';
import path from 'node:path';
import {
  getVariableValues, parse, specifiedRules, validate,
  type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { buildSchema } from '../resolvers';
import { DEFAULT_LIMITS, limitRules, MAX_COST, operationCost, queryLimits } from '../src/limits';
import { contract, contractOperations, gql } from './helpers/client';
import { COVERED, PENDING } from './helpers/coverage';
import { createEstate, type Estate } from './helpers/factories';
import { managerToken, startTestServer, type TestServer } from './helpers/server';
import { setHours, slot, spaceGid } from './helpers/spaces';

/** Clients page at most 100 at a time: limits must admit every operation at that size. */
const LARGEST_PAGE = 100;

const VARIABLES_FILE = path.join(__dirname, '../contract/variables.md');

/**
 * The example variables of variables.md by operation name, read from its table
 * (`| A, B | \`{json}\` … |`) so the test follows the contract as it changes.
 */
function contractVariables(): Map<string, Record<string, unknown>> {
  const variables = new Map<string, Record<string, unknown>>();
  for (const line of fs.readFileSync(VARIABLES_FILE, 'utf8').split('\n')) {
    const row = /^\|\s*([^|]+?)\s*\|\s*`([^`]*)`/.exec(line);
    if (!row || !row[2].trim().startsWith('{')) continue;
    const value = JSON.parse(row[2]) as Record<string, unknown>;
    for (const name of row[1].split(',')) variables.set(name.trim(), value);
  }
  return variables;
}

/** The example variables with every top-level page size at the largest a client may ask for. */
function atLargestPage(variables: Record<string, unknown>): Record<string, unknown> {
  const out = { ...variables };
  for (const key of ['first', 'last']) if (key in out) out[key] = LARGEST_PAGE;
  return out;
}

const operations = contractOperations();
const examples = contractVariables();
let schema: GraphQLSchema;

beforeAll(() => {
  schema = buildSchema();
});

describe('contract bookkeeping', () => {
  it('lists every contract operation as covered or pending, none twice', () => {
    const listed = [...COVERED, ...PENDING];
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...operations.keys()].sort());
  });

  it('has example variables for every covered operation', () => {
    for (const name of COVERED) expect(examples.has(name)).toBe(true);
  });
});

describe.each([...operations.keys()].map((name) => [name]))('%s fits every document limit', (name) => {
  // Pending operations too: their fields may not exist yet, but their size and shape are already promised.
  it(`parses within the token limit (${DEFAULT_LIMITS.tokens})`, () => {
    expect(() => parse(contract(name), queryLimits().parseOptions)).not.toThrow();
  });

  it('passes the depth, alias, directive and selection rules', () => {
    const errors = validate(schema, parse(contract(name)), limitRules);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});

describe.each(COVERED.map((name) => [name]))('%s (static checks)', (name) => {
  const document = () => parse(contract(name));

  it('validates against the executable schema with every limit rule', () => {
    const errors = validate(schema, document(), [...specifiedRules, ...limitRules]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('accepts the example variables of variables.md at the largest page size', () => {
    const op = document().definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    const coerced = getVariableValues(schema, op.variableDefinitions ?? [], atLargestPage(examples.get(name)!));
    expect(coerced.errors?.map((e) => e.message)).toBeUndefined();
  });

  it(`costs at most MAX_COST (${MAX_COST}) at first: ${LARGEST_PAGE}`, () => {
    const cost = operationCost(schema, document(), atLargestPage(examples.get(name)!), name);
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(MAX_COST);
  });
});

describe('covered operations over real data', () => {
  let t: TestServer;
  let estate: Estate;
  let manager: string;

  beforeAll(async () => {
    t = await startTestServer();
    estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 5, residentsPerHousehold: 2 });
    manager = await managerToken(t, estate);
  });
  afterAll(() => t.close());

  /** Each covered query with variables pointing at the seeded estate, at the largest page size. */
  const requests: Record<string, () => Record<string, unknown>> = {
    EstateOverview: () => ({ code: estate.code }),
    BuildingHouseholds: () => atLargestPage({ ...examples.get('BuildingHouseholds'), buildingId: estate.gid.building(0) }),
    BuildingTickets: () => atLargestPage({ ...examples.get('BuildingTickets'), buildingId: estate.gid.building(0) }),
    Tickets: () => atLargestPage({ filter: { ...(examples.get('Tickets')!.filter as object), communityCodes: [estate.code], gridId: null, buildingId: estate.gid.building(0) }, first: 50 }),
    Satisfaction: () => ({ filter: { ...(examples.get('Satisfaction')!.filter as object), communityCodes: [estate.code] } }),
  };

  it.each(Object.keys(requests).map((name) => [name]))('%s returns data and no errors', async (name) => {
    const res = await gql(t.url, contract(name), requests[name](), manager);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data).toBeDefined();
  });

  it('runs every covered ticket mutation and the Ticket query, each with data and no errors', async () => {
    const resident = await t.token({ sub: estate.gid.resident(0), role: 'RESIDENT', communities: [estate.code] });
    const run = async (name: string, variables: Record<string, unknown>, token: string) => {
      const res = await gql(t.url, contract(name), variables, token);
      expect({ name, errors: res.errors }).toEqual({ name, errors: undefined });
      return Object.values(res.data)[0] as { ticket: { id: string; version: number } };
    };
    const submitInput = (key: string) => ({ ...(examples.get('SubmitTicket')!.input as object), idempotencyKey: key, householdId: estate.gid.household(0) });
    const { ticket } = await run('SubmitTicket', { input: submitInput('contract-1') }, resident);
    const act = (name: string, extra: Record<string, unknown> = {}, token = manager) => run(name, { input: { ticketId: ticket.id, ...extra } }, token);
    await act('AcknowledgeTicket', { expectedVersion: 1 });
    await act('AssignTicket', { assigneeId: estate.gid.staff('maintenance'), expectedVersion: 2 });
    await act('StartTicket');
    await act('ResolveTicket');
    await act('ReopenTicket', {}, resident);
    await act('StartTicket');
    await act('ResolveTicket');
    await act('RateTicket', { score: 5, comment: 'fast' }, resident);
    const read = await gql(t.url, contract('Ticket'), { id: ticket.id }, manager);
    expect(read.errors).toBeUndefined();
    expect(read.data.node).toMatchObject({ id: ticket.id, status: 'CLOSED' });
    const other = await run('SubmitTicket', { input: submitInput('contract-2') }, resident);
    await run('CancelTicket', { input: { ticketId: other.ticket.id } }, resident);
  });

  it('runs BookSpace with the example purpose and attendees, with data and no errors', async () => {
    const resident = await t.token({ sub: estate.gid.resident(0), role: 'RESIDENT', communities: [estate.code] });
    await setHours(t, estate.spaces[0].id, [['08:00', '21:00']]);
    const example = examples.get('BookSpace')!.input as Record<string, unknown>;
    const res = await gql(t.url, contract('BookSpace'), { input: { ...example, spaceId: spaceGid(estate), ...slot(2, 10, 2) } }, resident);
    expect(res.errors).toBeUndefined();
    expect(res.data.bookSpace.booking).toMatchObject({ id: expect.any(String), space: { id: spaceGid(estate) } });
  });

  it('EstateOverview answers with the seeded estate', async () => {
    const res = await gql(t.url, contract('EstateOverview'), requests.EstateOverview(), manager);
    const community = res.data.community;
    expect(community).toMatchObject({ id: estate.gid.community, code: estate.code, residentCount: 20, householdCount: 10 });
    expect(community.grids).toHaveLength(1);
    expect(community.buildings.totalCount).toBe(2);
    expect(community.publicSpaces).toHaveLength(2);
  });

  it('BuildingHouseholds answers with the building\'s households and residents', async () => {
    const res = await gql(t.url, contract('BuildingHouseholds'), requests.BuildingHouseholds(), manager);
    const { code, households } = res.data.node;
    expect(code).toBe('B01');
    expect(households.totalCount).toBe(5);
    expect(households.pageInfo.hasNextPage).toBe(false);
    expect(households.edges).toHaveLength(5);
    for (const { node } of households.edges) expect(node.residents).toHaveLength(2);
  });
});
