import { SignJWT, type JWTPayload } from 'jose';
import { codes, gql, type GraphQLResponse } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, TEST_SECRET, type TestServer } from './helpers/server';

type Role = 'RESIDENT' | 'STAFF' | 'DISPATCHER' | 'MANAGER' | 'DISTRICT' | 'INTEGRATOR' | 'ADMIN';
const ROLES: Role[] = ['RESIDENT', 'STAFF', 'DISPATCHER', 'MANAGER', 'DISTRICT', 'INTEGRATOR', 'ADMIN'];
// The rules are written out here rather than imported from src/, so that widening them there fails these tests.
const SEES_PERSONAL: Role[] = ['STAFF', 'DISPATCHER', 'MANAGER', 'ADMIN'];
const SEES_STAFF_CONTACT: Role[] = ['STAFF', 'DISPATCHER', 'MANAGER', 'ADMIN'];

let t: TestServer;
let own: Estate;
let other: Estate;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  t = await startTestServer();
  // One building, two households with one resident each: household 0 (special care) is the RESIDENT token's own.
  const shape = { buildings: 1, householdsPerBuilding: 2, residentsPerHousehold: 1 };
  own = await createEstate(t.orm, shape);
  other = await createEstate(t.orm, shape);
  for (const role of ROLES) tokens[role] = await t.token({ sub: subjectFor(role, own), role, communities: [own.code] });
});
afterAll(() => t.close());

function subjectFor(role: Role, estate: Estate): string {
  if (role === 'RESIDENT') return estate.gid.resident(0);
  if (role === 'STAFF') return estate.gid.staff('steward');
  if (role === 'DISPATCHER') return estate.gid.staff('dispatcher');
  if (role === 'MANAGER') return estate.gid.staff('manager');
  return `${role.toLowerCase()}-user-1`;
}

/**
 * A field error: exactly one error with this code at this path, the field null
 * and the object around it intact (a denial stays local), and no trace of the
 * hidden values.
 */
function expectDenied(res: GraphQLResponse, code: string, path: (string | number)[], ...hidden: string[]): void {
  expect(codes(res)).toEqual([code]);
  expect(res.errors![0].path).toEqual(path);
  const parent = path.slice(0, -1).reduce((node: any, key) => node?.[key], res.data);
  if (path.length > 1) expect(parent).toEqual(expect.any(Object));
  expect(parent?.[path[path.length - 1]] ?? null).toBeNull();
  for (const value of hidden) expect(JSON.stringify(res)).not.toContain(value);
}

const sign = (payload: JWTPayload, { secret = TEST_SECRET, alg = 'HS256', exp = '1h' as string | number } = {}) =>
  new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).setIssuedAt().setExpirationTime(exp).sign(secret);
const unsigned = (payload: JWTPayload) =>
  [{ alg: 'none', typ: 'JWT' }, { ...payload, exp: Math.floor(Date.now() / 1000) + 3600 }]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.';

describe('a token that is there but not valid is HTTP 401 UNAUTHENTICATED, never anonymous', () => {
  const manager = () => ({ sub: own.gid.staff('manager'), role: 'MANAGER', communities: [own.code] });
  const cases: [string, () => Promise<string>][] = [
    ['a wrong signature', async () => `Bearer ${await sign(manager(), { secret: new TextEncoder().encode('another-secret-another-secret-00') })}`],
    ['an expired token', async () => `Bearer ${await sign(manager(), { exp: Math.floor(Date.now() / 1000) - 60 })}`],
    ['HS512 with the right secret', async () => `Bearer ${await sign(manager(), { alg: 'HS512' })}`],
    ['an unsigned token (alg none)', async () => `Bearer ${unsigned(manager())}`],
    ['an unknown role', async () => `Bearer ${await sign({ ...manager(), role: 'ROOT' })}`],
    ['a lower-case role', async () => `Bearer ${await sign({ ...manager(), role: 'manager' })}`],
    ['no role', async () => `Bearer ${await sign({ sub: 'x-1', communities: [own.code] })}`],
    ['no communities (MANAGER)', async () => `Bearer ${await sign({ sub: own.gid.staff('manager'), role: 'MANAGER' })}`],
    ['no communities (DISTRICT)', async () => `Bearer ${await sign({ sub: 'district-1', role: 'DISTRICT' })}`],
    ['empty communities', async () => `Bearer ${await sign({ ...manager(), communities: [] })}`],
    ['communities not a list', async () => `Bearer ${await sign({ ...manager(), communities: own.code })}`],
    ['no sub', async () => `Bearer ${await sign({ role: 'DISTRICT', communities: [own.code] })}`],
    ['RESIDENT with a Staff sub', async () => `Bearer ${await sign({ sub: own.gid.staff('steward'), role: 'RESIDENT', communities: [own.code] })}`],
    ['RESIDENT with a free-form sub', async () => `Bearer ${await sign({ sub: 'resident-1', role: 'RESIDENT', communities: [own.code] })}`],
    ['STAFF with a Resident sub', async () => `Bearer ${await sign({ sub: own.gid.resident(0), role: 'STAFF', communities: [own.code] })}`],
    ['DISPATCHER with a Household sub', async () => `Bearer ${await sign({ sub: own.gid.household(0), role: 'DISPATCHER', communities: [own.code] })}`],
    ['MANAGER with a Resident sub', async () => `Bearer ${await sign({ ...manager(), sub: own.gid.resident(0) })}`],
    ['a NUL in communities', async () => `Bearer ${await sign({ ...manager(), communities: [`${own.code}\u0000`] })}`],
    ['a NUL alone in communities (DISTRICT)', async () => `Bearer ${await sign({ sub: 'district-1', role: 'DISTRICT', communities: ['\u0000'] })}`],
    ['an ADMIN sub of 201 characters', async () => `Bearer ${await sign({ sub: 'a'.repeat(201), role: 'ADMIN', communities: [own.code] })}`],
    ['an ADMIN sub of 5,000 characters', async () => `Bearer ${await sign({ sub: 'a'.repeat(5000), role: 'ADMIN' })}`],
    ['a NUL in an ADMIN sub', async () => `Bearer ${await sign({ sub: 'admin\u0000', role: 'ADMIN' })}`],
    ['the Basic scheme', async () => 'Basic dXNlcjpwYXNz'],
    ['Bearer without a token', async () => 'Bearer'],
    ['a token without the Bearer scheme', async () => sign(manager())],
    ['two tokens', async () => `Bearer ${await sign(manager())} ${await sign(manager())}`],
    ['not a JWT', async () => 'Bearer not-a-jwt'],
  ];

  it.each(cases)('%s', async (_, header) => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await header() },
      // A public query: an anonymous fallback would answer it with data.
      body: JSON.stringify({ query: '{ communities(first: 1) { totalCount } }' }),
    });
    expect(res.status).toBe(401);
    const text = await res.text();
    // Whatever the token held, the answer repeats none of it.
    expect(text.length).toBeLessThan(1000);
    const body = JSON.parse(text);
    expect(body.errors.map((e: any) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(body.data ?? null).toBeNull();
  });

  it('accepts every role with a well-formed token, and ADMIN without communities', async () => {
    const admin = await t.token({ sub: 'admin-1', role: 'ADMIN' });
    for (const token of [...ROLES.map((r) => tokens[r]), admin]) {
      const res = await gql(t.url, '{ communities(first: 1) { totalCount } }', {}, token);
      expect([res.status, res.errors]).toEqual([200, undefined]);
    }
  });
});

describe('without a token: public data only', () => {
  it('serves estates, their public fields and public spaces', async () => {
    const res = await gql(t.url, `query($code: String!, $space: ID!) {
      community(code: $code) { id code name district landAreaM2 floorAreaM2 publicSpaces { id code name kind capacity accessible status } }
      communities(first: 100) { totalCount edges { node { code name } } }
      space: node(id: $space) { ... on PublicSpace { code community { code name } } } }`,
    { code: own.code, space: Buffer.from(`PublicSpace:${own.spaces[1].id}`).toString('base64url') });
    expect(res.errors).toBeUndefined();
    expect(res.data.community).toMatchObject({ id: own.gid.community, code: own.code, name: `Estate ${own.code}`, district: 'Test District', landAreaM2: 10000, floorAreaM2: 50000 });
    expect(res.data.community.publicSpaces.map((s: any) => [s.code, s.kind, s.capacity, s.accessible, s.status]))
      .toEqual([['PS01', 'ACTIVITY_ROOM', 40, true, 'OPEN'], ['PS02', 'GARDEN', 100, true, 'OPEN']]);
    expect(res.data.communities.edges.map((e: any) => e.node.code)).toEqual(expect.arrayContaining([own.code, other.code]));
    expect(res.data.space).toEqual({ code: 'PS02', community: { code: own.code, name: `Estate ${own.code}` } });
  });

  it.each(['residentCount', 'householdCount', 'specialCareHouseholdCount', 'grids { id }', 'buildings(first: 5) { totalCount }', 'staff(first: 5) { totalCount }'])(
    'Community.%s is UNAUTHENTICATED with no data', async (field) => {
      const res = await gql(t.url, `query($code: String!) { community(code: $code) { code ${field} } }`, { code: own.code });
      expectDenied(res, 'UNAUTHENTICATED', ['community', field.split(/[ (]/)[0]]);
    });

  it('guards scoped fields reached through a public object too', async () => {
    const res = await gql(t.url, `query($id: ID!) { node(id: $id) { ... on Community { code staff(first: 5) { edges { node { name } } } } } }`, { id: own.gid.community });
    expectDenied(res, 'UNAUTHENTICATED', ['node', 'staff'], 'STEWARD 1');
  });

  it.each(['building', 'household', 'resident', 'grid', 'staff'] as const)('node() of a %s is UNAUTHENTICATED with no data', async (kind) => {
    const res = await gql(t.url, 'query($id: ID!) { node(id: $id) { __typename id } }', { id: gidOf(own, kind) });
    expectDenied(res, 'UNAUTHENTICATED', ['node']);
  });
});

function gidOf(estate: Estate, kind: 'building' | 'household' | 'resident' | 'grid' | 'staff'): string {
  if (kind === 'grid') return Buffer.from(`Grid:${estate.grids[0].id}`).toString('base64url');
  if (kind === 'staff') return estate.gid.staff('steward');
  return estate.gid[kind](0);
}

describe('estate scope (every role, token for its own estate)', () => {
  it.each(ROLES)('%s sees its own estate\'s counts, grids, buildings and staff', async (role) => {
    const res = await gql(t.url, `query($code: String!) { community(code: $code) {
      residentCount householdCount specialCareHouseholdCount grids { code } buildings(first: 5) { totalCount } staff(first: 10) { totalCount } } }`,
    { code: own.code }, tokens[role]);
    expect(res.errors).toBeUndefined();
    expect(res.data.community).toEqual({
      residentCount: 2, householdCount: 2, specialCareHouseholdCount: 1, grids: [{ code: 'G01' }], buildings: { totalCount: 1 }, staff: { totalCount: 6 },
    });
  });

  it.each(ROLES)('%s sees only the public fields of another estate', async (role) => {
    const res = await gql(t.url, 'query($code: String!) { community(code: $code) { code name publicSpaces { code } } }', { code: other.code }, tokens[role]);
    expect(res.errors).toBeUndefined();
    expect(res.data.community).toEqual({ code: other.code, name: `Estate ${other.code}`, publicSpaces: [{ code: 'PS01' }, { code: 'PS02' }] });
  });

  const scopedFields = ['residentCount', 'householdCount', 'specialCareHouseholdCount', 'grids { code }', 'buildings(first: 5) { totalCount }', 'staff(first: 5) { edges { node { name } } }'];
  it.each(ROLES.flatMap((role) => scopedFields.map((field) => [role, field])))('%s: another estate\'s %s is FORBIDDEN with no data', async (role, field) => {
    const res = await gql(t.url, `query($code: String!) { community(code: $code) { code ${field} } }`, { code: other.code }, tokens[role as Role]);
    expectDenied(res, 'FORBIDDEN', ['community', field.split(/[ (]/)[0]], 'STEWARD 1');
  });

  const kinds = ['building', 'household', 'resident', 'grid', 'staff'] as const;
  it.each(ROLES.flatMap((role) => kinds.map((kind) => [role, kind])))('%s: node() of another estate\'s %s is NOT_FOUND with no data', async (role, kind) => {
    const res = await gql(t.url, 'query($id: ID!) { node(id: $id) { __typename id } }', { id: gidOf(other, kind as (typeof kinds)[number]) }, tokens[role as Role]);
    expectDenied(res, 'NOT_FOUND', ['node']);
  });

  it.each(kinds)('another estate\'s %s answers exactly like an ID that does not exist', async (kind) => {
    const real = gidOf(other, kind);
    const missing = Buffer.from(`${Buffer.from(real, 'base64url').toString().split(':')[0]}:2000000000`).toString('base64url');
    const res = await gql(t.url, 'query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }', { a: real, b: missing }, tokens.MANAGER);
    expect(res.data).toEqual({ a: null, b: null });
    // Anything that differs (code, message) tells a token which IDs other estates hold.
    expect(codes(res)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(res.errors![0].message).toBe(res.errors![1].message);
  });

  it('nodes() returns in-scope objects and hides the other estate\'s one', async () => {
    const res = await gql(t.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [own.gid.building(0), other.gid.building(0)] }, tokens.MANAGER);
    expect(res.data.nodes).toEqual([{ id: own.gid.building(0) }, null]);
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.errors![0].path).toEqual(['nodes', 1]);
  });

  it('an ADMIN token without communities sees every estate, personal data included', async () => {
    const admin = await t.token({ sub: 'admin-1', role: 'ADMIN' });
    const res = await gql(t.url, `query($code: String!, $id: ID!) { community(code: $code) { residentCount }
      node(id: $id) { ... on Household { unit residents { name } } } }`, { code: other.code, id: other.gid.household(1) }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ community: { residentCount: 2 }, node: { unit: other.households[1].unit, residents: [{ name: other.residents[1].name }] } });
  });
});

describe('personal data: role × field × own/other household', () => {
  const fields = [
    { type: 'Household', field: 'unit', id: (i: number) => own.gid.household(i), value: (i: number) => own.households[i].unit },
    { type: 'Household', field: 'careNeeds', id: (i: number) => own.gid.household(i), value: (i: number) => own.households[i].careNeeds },
    { type: 'Resident', field: 'name', id: (i: number) => own.gid.resident(i), value: (i: number) => own.residents[i].name },
    { type: 'Resident', field: 'phone', id: (i: number) => own.gid.resident(i), value: (i: number) => own.residents[i].phone },
  ];
  const cases = ROLES.flatMap((role) => fields.flatMap((f) => (['own', 'other'] as const).map((which) => {
    const allowed = SEES_PERSONAL.includes(role) || (role === 'RESIDENT' && which === 'own');
    return { role, which, ...f, allowed };
  })));

  it.each(cases)('$role: $type.$field of the $which household → allowed: $allowed', async ({ role, which, type, field, id, value, allowed }) => {
    const i = which === 'own' ? 0 : 1;
    const res = await gql(t.url, `query($id: ID!) { node(id: $id) { ... on ${type} { id ${field} } } }`, { id: id(i) }, tokens[role]);
    if (allowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data.node).toEqual({ id: id(i), [field]: value(i) });
    } else {
      const secret = value(i);
      expectDenied(res, 'FORBIDDEN', ['node', field], ...(typeof secret === 'string' ? [secret] : []));
    }
  });

  it.each(ROLES.flatMap((role) => (['own', 'other'] as const).map((which) => [role, which])))('%s still sees the non-personal fields of the %s household', async (role, which) => {
    const i = which === 'own' ? 0 : 1;
    const res = await gql(t.url, `query($id: ID!) { node(id: $id) { ... on Household {
      id floor residents { id household { id } } building { code householdCount } community { residentCount } } } }`, { id: own.gid.household(i) }, tokens[role as Role]);
    expect(res.errors).toBeUndefined();
    expect(res.data.node).toEqual({
      id: own.gid.household(i), floor: 1, residents: [{ id: own.gid.resident(i), household: { id: own.gid.household(i) } }],
      building: { code: 'B01', householdCount: 2 }, community: { residentCount: 2 },
    });
  });

  // The same fields reached through lists rather than node(): each path must be guarded, not just the entry point.
  it.each([
    ['DISTRICT', 'units through the estate\'s buildings', 'query($code: String!) { community(code: $code) { buildings(first: 5) { edges { node { households(first: 5) { edges { node { unit } } } } } } } }', 'community'],
    ['INTEGRATOR', 'phones through a building\'s households', 'query($id: ID!) { node(id: $id) { ... on Building { households(first: 5) { edges { node { residents { phone } } } } } } }', 'node'],
    ['RESIDENT', 'a neighbour\'s name through their own building', 'query($id: ID!) { node(id: $id) { ... on Resident { household { building { households(first: 5) { edges { node { residents { name } } } } } } } } }', 'node'],
  ] as const)('%s cannot read %s', async (role, _, query, root) => {
    const res = await gql(t.url, query, { code: own.code, id: role === 'RESIDENT' ? own.gid.resident(0) : own.gid.building(0) }, tokens[role]);
    const hidden = role === 'RESIDENT' ? [own.residents[1].name] : [...own.households.map((h) => h.unit), ...own.residents.map((r) => r.phone)];
    expect(new Set(codes(res))).toEqual(new Set(['FORBIDDEN']));
    // Each denied field is null on its own; the lists around it are intact.
    expect(res.data?.[root]).toEqual(expect.any(Object));
    for (const error of res.errors!) expect(error.path![error.path!.length - 1]).toMatch(/^(unit|phone|name)$/);
    for (const value of hidden) expect(JSON.stringify(res)).not.toContain(value);
  });
});

describe('staff contact details: staff roles only', () => {
  const cases = ROLES.flatMap((role) => (['Staff.phone', 'GridWorker.phone'] as const).map((field) => ({ role, field, allowed: SEES_STAFF_CONTACT.includes(role) })));

  it.each(cases)('$role: $field → allowed: $allowed', async ({ role, field, allowed }) => {
    const staffPhone = field === 'Staff.phone';
    const res = staffPhone
      ? await gql(t.url, 'query($id: ID!) { node(id: $id) { ... on Staff { name phone } } }', { id: own.gid.staff('steward') }, tokens[role])
      : await gql(t.url, 'query($code: String!) { community(code: $code) { grids { gridWorker { name phone } } } }', { code: own.code }, tokens[role]);
    const phone = staffPhone ? own.staff.steward.phone : own.grids[0].gridWorkerPhone;
    if (allowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual(staffPhone ? { node: { name: 'STEWARD 1', phone } } : { community: { grids: [{ gridWorker: { name: '周敏', phone } }] } });
    } else {
      expectDenied(res, 'FORBIDDEN', staffPhone ? ['node', 'phone'] : ['community', 'grids', 0, 'gridWorker', 'phone'], phone);
    }
  });

  it.each(ROLES)('%s sees the names and roles of the estate\'s staff', async (role) => {
    const res = await gql(t.url, 'query($code: String!) { community(code: $code) { grids { steward { name role } gridWorker { name } squad { role } } } }', { code: own.code }, tokens[role]);
    expect(res.errors).toBeUndefined();
    expect(res.data.community.grids).toEqual([{
      steward: { name: 'STEWARD 1', role: 'STEWARD' }, gridWorker: { name: '周敏' }, squad: ['STEWARD', 'SECURITY', 'CLEANING', 'MAINTENANCE'].map((r) => ({ role: r })),
    }]);
  });
});
