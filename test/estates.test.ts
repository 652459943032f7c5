import { codes, contract, countStatements, gql, gqlText } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { managerToken, startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let estate: Estate;
let manager: string;

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 3, householdsPerBuilding: 120, residentsPerHousehold: 2 });
  manager = await managerToken(t, estate);
});
afterAll(() => t.close());

describe('EstateOverview (contract)', () => {
  it('returns the estate with its grids, steward, worker, buildings and public spaces', async () => {
    const res = await gql(t.url, contract('EstateOverview'), { code: estate.code }, manager);
    expect(res.errors).toBeUndefined();
    const c = res.data.community;
    expect(c).toMatchObject({ id: estate.gid.community, code: estate.code, name: `Estate ${estate.code}`, residentCount: 720, householdCount: 360 });
    expect(c.grids).toEqual([{
      id: expect.any(String), code: 'G01',
      steward: { id: estate.gid.staff('steward'), name: 'STEWARD 1', role: 'STEWARD' },
      gridWorker: { name: '周敏' },
      buildings: [{ id: estate.gid.building(0), code: 'B01' }, { id: estate.gid.building(1), code: 'B02' }, { id: estate.gid.building(2), code: 'B03' }],
    }]);
    expect(c.buildings.totalCount).toBe(3);
    expect(c.buildings.edges.map((e: any) => e.node)).toEqual([
      { id: estate.gid.building(0), code: 'B01', floors: 30, grid: { code: 'G01' } },
      { id: estate.gid.building(1), code: 'B02', floors: 30, grid: { code: 'G01' } },
      { id: estate.gid.building(2), code: 'B03', floors: 30, grid: { code: 'G01' } },
    ]);
    expect(c.buildings.pageInfo).toEqual({ hasNextPage: false, endCursor: c.buildings.edges[2].cursor });
    expect(c.publicSpaces.map((s: any) => [s.name, s.kind, s.capacity, s.accessible, s.status])).toEqual([
      ['Activity Room', 'ACTIVITY_ROOM', 40, true, 'OPEN'], ['Garden', 'GARDEN', 100, true, 'OPEN'],
    ]);
  });

  it('answers NOT_FOUND for an unknown estate code', async () => {
    const res = await gql(t.url, contract('EstateOverview'), { code: 'NOPE' }, manager);
    expect(res.data.community).toBeNull();
    expect(codes(res)).toEqual(['NOT_FOUND']);
  });
});

describe('estate codes no estate has', () => {
  it.each([
    ['a NUL after a real code', () => `${estate.code}\u0000`], ['a NUL alone', () => '\u0000'], ['control characters', () => '\u0007\u001b[31m'],
    ['nine characters', () => 'ABCDEFGHI'], ['emoji', () => '🏠🔥'], ['10,000 characters', () => 'x'.repeat(10_000)],
  ])('%s: NOT_FOUND, the code shown printable and at most 40 characters of it', async (_, code) => {
    const res = await gql(t.url, contract('EstateOverview'), { code: code() }, manager);
    expect(res.status).toBe(200);
    expect(res.data.community).toBeNull();
    expect(codes(res)).toEqual(['NOT_FOUND']);
    const { message } = res.errors![0];
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message.length).toBeLessThan(100);
  });

  it('a 900 KB code is NOT_FOUND in an answer of a few hundred bytes', async () => {
    const { status, text } = await gqlText(t.url, contract('EstateOverview'), { code: 'L'.repeat(900_000) }, manager);
    expect(status).toBe(200);
    expect(text.length).toBeLessThan(2000);
    expect(JSON.parse(text).errors.map((e: any) => e.extensions.code)).toEqual(['NOT_FOUND']);
  });

  it('a 900 KB string for an Int variable is BAD_USER_INPUT naming the variable, in an answer of a few hundred bytes', async () => {
    const { status, text } = await gqlText(t.url, contract('BuildingHouseholds'), { buildingId: estate.gid.building(0), first: '9'.repeat(900_000) }, manager);
    expect(status).toBe(400);
    expect(text.length).toBeLessThan(2000);
    const [error] = JSON.parse(text).errors;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^Variable "\$first" got invalid value; Int cannot represent non-integer value: "9{40}…"$/);
  });
});

describe('BuildingHouseholds (contract) and keyset paging', () => {
  const page = (variables: Record<string, unknown>) =>
    gql(t.url, contract('BuildingHouseholds'), { buildingId: estate.gid.building(0), ...variables }, manager);

  it('pages forward through every household exactly once, in unit order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res = await page({ first: 50, after });
      expect(res.errors).toBeUndefined();
      const { households } = res.data.node;
      expect(households.totalCount).toBe(120);
      seen.push(...households.edges.map((e: any) => e.node.unit));
      if (!households.pageInfo.hasNextPage) break;
      after = households.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect([...seen]).toEqual([...seen].sort());
  });

  it('pages backward with last/before', async () => {
    const query = `query($id: ID!, $last: Int, $before: String) { node(id: $id) { ... on Building {
      households(last: $last, before: $before) { pageInfo { hasPreviousPage hasNextPage startCursor } edges { node { unit } } } } } }`;
    const forward = await page({ first: 100 });
    const units: string[] = forward.data.node.households.edges.map((e: any) => e.node.unit);
    const last = await gql(t.url, query, { id: estate.gid.building(0), last: 5 }, manager);
    const lastPage = last.data.node.households;
    expect(lastPage.edges.map((e: any) => e.node.unit)).toEqual(allUnits().slice(-5));
    expect(lastPage.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await gql(t.url, query, { id: estate.gid.building(0), last: 5, before: lastPage.pageInfo.startCursor }, manager);
    expect(before.data.node.households.edges.map((e: any) => e.node.unit)).toEqual(allUnits().slice(-10, -5));
    expect(units).toEqual(allUnits().slice(0, 100));
  });

  it('returns residents and care needs with each household', async () => {
    const res = await page({ first: 1 });
    const node = res.data.node.households.edges[0].node;
    expect(node.careNeeds).toEqual(['ELDERLY_LIVING_ALONE']);
    expect(node.residents.map((r: any) => r.name)).toEqual(['Resident 1-1', 'Resident 1-2']);
  });

  it.each([
    [{ first: 101 }, 'first must be between 0 and 100'],
    [{ first: -1 }, 'first must be between 0 and 100'],
    [{ first: 10, after: 'not-a-cursor' }, 'after is not a cursor from this list'],
  ])('rejects %j with BAD_USER_INPUT', async (variables, message) => {
    const res = await page(variables);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toContain(message);
  });

  it('issues the same number of SQL statements for 10 rows as for 100', async () => {
    const ten = await countStatements(t, () => page({ first: 10 }));
    const hundred = await countStatements(t, () => page({ first: 100 }));
    expect(ten.result.data.node.households.edges).toHaveLength(10);
    expect(hundred.result.data.node.households.edges).toHaveLength(100);
    expect(hundred.result.data.node.households.edges.flatMap((e: any) => e.node.residents)).toHaveLength(200);
    expect(ten.statements).toBeGreaterThan(0);
    expect(hundred.statements).toBe(ten.statements);
  });

  it('batches the same nested page across many parents into one statement', async () => {
    const query = `query($code: String!) { community(code: $code) { buildings(first: 10) { edges { node {
      households(first: 5) { totalCount edges { node { unit residents { name } } } } } } } } }`;
    const { result, statements } = await countStatements(t, () => gql(t.url, query, { code: estate.code }, manager));
    expect(result.errors).toBeUndefined();
    const pages = result.data.community.buildings.edges.map((e: any) => e.node.households);
    expect(pages).toHaveLength(3);
    for (const p of pages) {
      expect(p.totalCount).toBe(120);
      expect(p.edges).toHaveLength(5);
    }
    // The estate with its page of buildings, each with its page of households (and their count) and their residents: one statement.
    expect(statements).toBe(1);
  });

  it('reads the estate with its counts, grids, buildings and public spaces in one statement, a narrowed list of spaces apart', async () => {
    const query = `query($code: String!) { community(code: $code) { code residentCount householdCount specialCareHouseholdCount
      grids { code buildings { code } } buildings(first: 10) { totalCount edges { node { code householdCount } } } publicSpaces { code accessible } } }`;
    const { result, statements } = await countStatements(t, () => gql(t.url, query, { code: estate.code }, manager));
    expect(result.errors).toBeUndefined();
    const [counted] = await t.orm.em.fork().execute(`select
        (select count(*)::int from resident r where r.community_id = c.id) as residents,
        (select count(*)::int from household h where h.community_id = c.id) as households,
        (select count(*)::int from household h where h.community_id = c.id and cardinality(h.care_needs) > 0) as special
      from community c where c.code = ?`, [estate.code]);
    const { community } = result.data;
    expect([community.residentCount, community.householdCount, community.specialCareHouseholdCount]).toEqual([counted.residents, counted.households, counted.special]);
    expect(community.buildings.edges.map((e: any) => e.node.householdCount)).toEqual(community.buildings.edges.map(() => 120));
    expect(community.publicSpaces.length).toBeGreaterThan(0);
    expect(statements).toBe(1);

    const narrowed = `query($code: String!) { community(code: $code) { all: publicSpaces { code accessible } barrierFree: publicSpaces(accessible: true) { code } } }`;
    const both = await countStatements(t, () => gql(t.url, narrowed, { code: estate.code }, manager));
    expect(both.result.errors).toBeUndefined();
    const { all, barrierFree } = both.result.data.community;
    expect(barrierFree.map((s: { code: string }) => s.code)).toEqual(all.filter((s: { accessible: boolean }) => s.accessible).map((s: { code: string }) => s.code));
    expect(both.statements).toBe(2);
  });
});

describe("an estate's counts, kept as its rows change", () => {
  // residentCount, householdCount and specialCareHouseholdCount are read from community_tally, which statement
  // triggers keep; after every kind of change the answers must equal the rows counted afresh.
  let e: Estate;
  let token: string;
  const counts = `query($code: String!) { community(code: $code) { residentCount householdCount specialCareHouseholdCount } }`;
  const asNode = `query($id: ID!) { node(id: $id) { ... on Community { residentCount householdCount specialCareHouseholdCount } } }`;
  // Through a building, the estate is a relation: its counts are loaded by their own resolvers' grouped statement.
  const throughBuilding = `query($id: ID!) { node(id: $id) { ... on Building { community { residentCount householdCount specialCareHouseholdCount } } } }`;

  const counted = async () => {
    const [row] = await t.orm.em.fork().execute(`select
        (select count(*)::int from resident r where r.community_id = c.id) as residents,
        (select count(*)::int from household h where h.community_id = c.id) as households,
        (select count(*)::int from household h where h.community_id = c.id and cardinality(h.care_needs) > 0) as special
      from community c where c.code = ?`, [e.code]);
    return [row.residents, row.households, row.special];
  };
  const expectExact = async () => {
    const truth = await counted();
    const read = await gql(t.url, counts, { code: e.code }, token);
    expect(read.errors).toBeUndefined();
    const { residentCount, householdCount, specialCareHouseholdCount } = read.data.community;
    expect([residentCount, householdCount, specialCareHouseholdCount]).toEqual(truth);
    const node = await gql(t.url, asNode, { id: e.gid.community }, token);
    expect(node.errors).toBeUndefined();
    expect([node.data.node.residentCount, node.data.node.householdCount, node.data.node.specialCareHouseholdCount]).toEqual(truth);
    const related = await gql(t.url, throughBuilding, { id: e.gid.building(0) }, token);
    expect(related.errors).toBeUndefined();
    const { community } = related.data.node;
    expect([community.residentCount, community.householdCount, community.specialCareHouseholdCount]).toEqual(truth);
    return truth;
  };
  const run = (text: string, values: unknown[] = []) => t.orm.em.fork().execute(text, values);

  beforeAll(async () => {
    e = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 5, residentsPerHousehold: 2 });
    token = await managerToken(t, e);
  });

  it('counts the estate as created', async () => {
    expect(await expectExact()).toEqual([20, 10, 1]);
  });

  it('follows rows added, moved between households, given and cleared care needs, and removed', async () => {
    await run(`insert into resident (community_id, household_id, name, phone)
      select h.community_id, h.id, 'New ' || h.id, '13900000000' from household h where h.community_id = ? order by h.id limit 3`, [e.community.id]);
    expect(await expectExact()).toEqual([23, 10, 1]);
    await run(`update resident set household_id = ?, name = 'Moved' where id = ?`, [e.households[4].id, e.residents[0].id]);
    await run(`update household set care_needs = '{ELDERLY_LIVING_ALONE}' where id = any(?::int[])`, [`{${e.households[2].id},${e.households[3].id}}`]);
    await run(`update household set care_needs = '{DISABILITY,LOW_INCOME}' where id = ?`, [e.households[2].id]);
    expect(await expectExact()).toEqual([23, 10, 3]);
    await run(`update household set care_needs = '{}' where community_id = ?`, [e.community.id]);
    expect(await expectExact()).toEqual([23, 10, 0]);
    await run(`delete from resident where id = ?`, [e.residents[1].id]);
    // A household's removal takes its residents with it (their key cascades).
    await run(`delete from household where id = ?`, [e.households[9].id]);
    expect(await expectExact()).toEqual([20, 9, 0]);
  });

  it('follows rows loaded with per-row triggers off, as the demo loader loads them', async () => {
    await t.orm.em.fork().transactional(async (em) => {
      await em.execute(`select set_config('session_replication_role', 'replica', true)`);
      await em.execute(`insert into household (community_id, building_id, unit, floor, care_needs)
        select ?, ?, 'R' || n, 1, '{CHRONIC_ILLNESS}' from generate_series(1, 4) n`, [e.community.id, e.buildings[0].id]);
    });
    expect(await expectExact()).toEqual([20, 13, 4]);
  });

  it('follows the estate to a new id and forgets the old one', async () => {
    // Checked on the table: the server resolves a token's estates once, and this estate has moved under it.
    const before = e.community.id;
    const moved = 900_000_000 + Math.floor(Math.random() * 90_000_000);
    await run('update community set id = ? where id = ?', [moved, before]);
    expect(await run('select community_id, residents, households, special_care_households from community_tally where community_id = any(?::int[])', [`{${before},${moved}}`]))
      .toEqual([{ community_id: moved, residents: 20, households: 13, special_care_households: 4 }]);
    expect(await counted()).toEqual([20, 13, 4]);
  });
});

describe('node and nodes', () => {
  it('fetches objects of every type by global ID', async () => {
    const ids = [estate.gid.community, estate.gid.building(1), estate.gid.household(2), estate.gid.resident(3), estate.gid.staff('steward')];
    const res = await gql(t.url, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids }, manager);
    expect(res.errors).toBeUndefined();
    expect(res.data.nodes).toEqual([
      { __typename: 'Community', id: ids[0] }, { __typename: 'Building', id: ids[1] }, { __typename: 'Household', id: ids[2] },
      { __typename: 'Resident', id: ids[3] }, { __typename: 'Staff', id: ids[4] },
    ]);
  });

  it('answers BAD_USER_INPUT for a malformed ID and NOT_FOUND for a missing one', async () => {
    const missing = Buffer.from('Building:999999').toString('base64url');
    const res = await gql(t.url, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ['garbage', missing, estate.gid.building()] }, manager);
    expect(res.data.nodes).toEqual([null, null, { id: estate.gid.building() }]);
    expect(codes(res).sort()).toEqual(['BAD_USER_INPUT', 'NOT_FOUND']);
  });

  it('lists estates as a connection', async () => {
    const res = await gql(t.url, '{ communities(first: 100) { totalCount edges { node { code } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.communities.edges.map((e: any) => e.node.code)).toContain(estate.code);
    expect(res.data.communities.totalCount).toBeGreaterThanOrEqual(1);
  });
});

function allUnits(): string[] {
  return estate.households.filter((h) => h.building.id === estate.buildings[0].id).map((h) => h.unit).sort();
}

/**
 * Statements are kept across requests per token, column plan and argument
 * values (loaders.ts, prefetch.ts): a kept statement must never answer for
 * other arguments, another page of a walk or another viewer.
 */
describe('statements kept across requests', () => {
  const nested = `query($code: String!, $first: Int!, $after: String) { community(code: $code) { buildings(first: 1) { edges { node {
    households(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { unit } } } } } } } }`;
  const units = (res: any): string[] => res.data.community.buildings.edges[0].node.households.edges.map((e: any) => e.node.unit);

  it('answers each request with its own arguments, the same document asked again and again', async () => {
    for (const first of [2, 5, 2, 3, 5]) {
      const { result, statements } = await countStatements(t, () => gql(t.url, nested, { code: estate.code, first }, manager));
      expect(result.errors).toBeUndefined();
      expect(units(result)).toEqual(allUnits().slice(0, first));
      // The nested page was read with the estate, with this request's arguments.
      expect(statements).toBe(1);
    }
  });

  it('walks a nested page by cursor, each page its own', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 4; i++) {
      const { result: res, statements } = await countStatements(t, () => gql(t.url, nested, { code: estate.code, first: 30, after }, manager));
      expect(res.errors).toBeUndefined();
      expect(statements).toBe(1);
      seen.push(...units(res));
      after = res.data.community.buildings.edges[0].node.households.pageInfo.endCursor;
    }
    expect(seen).toEqual(allUnits());
  });

  it('gives each token its own estate with one document', async () => {
    const other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 2, residentsPerHousehold: 1 });
    const otherManager = await managerToken(t, other);
    const query = `query($a: String!, $b: String!) { a: community(code: $a) { code buildings(first: 5) { edges { node { code households(first: 1) { edges { node { unit } } } } } } }
      b: community(code: $b) { code buildings(first: 5) { edges { node { code } } } } }`;
    for (let i = 0; i < 2; i++) {
      const mine = await gql(t.url, query, { a: estate.code, b: other.code }, manager);
      const theirs = await gql(t.url, query, { a: estate.code, b: other.code }, otherManager);
      // Estates are public; their buildings are not.
      expect(mine.data.a.buildings.edges.map((e: any) => e.node.households.edges.length)).toEqual([1, 1, 1]);
      expect(mine.data.b).toEqual({ code: other.code, buildings: null });
      expect(new Set(codes(mine))).toEqual(new Set(['FORBIDDEN']));
      expect(theirs.data.a).toEqual({ code: estate.code, buildings: null });
      expect(theirs.data.b.buildings.edges.map((e: any) => e.node.code)).toEqual(['B01']);
      expect(new Set(codes(theirs))).toEqual(new Set(['FORBIDDEN']));
    }
  });
});
