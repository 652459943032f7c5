import { codes, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { expectFailure, sql } from './helpers/tickets';
import { toGlobalId } from '../src/ids';

/** Fire and anti-terror drills through a real server: recorded, listed, and when the next is due. */

let t: TestServer;
let estate: Estate;
const tokens: Record<string, string> = {};

const RECORD = `mutation($i: RecordDrillInput!) { recordDrill(input: $i) { drill { id kind heldAt place participants findings
  lead { id } building { id } publicSpace { id } community { code } } } }`;
const SCHEDULE = `query($code: String!) { community(code: $code) { drillSchedule { kind everyDays lastHeldAt nextDueAt overdue }
  drills(first: 10) { totalCount edges { node { kind heldAt findings } } } } }`;

beforeAll(async () => {
  t = await startTestServer({ dispatch: { ackTimeoutSeconds: 3600, timerPollMs: 3_600_000 } });
  estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  const token = (sub: string, role: string) => t.token({ sub, role: role as never, communities: [estate.code] });
  tokens.security = await token(estate.gid.staff('security'), 'STAFF');
  tokens.manager = await token(estate.gid.staff('manager'), 'MANAGER');
  tokens.district = await token('district-drills', 'DISTRICT');
  tokens.resident = await token(estate.gid.resident(0), 'RESIDENT');
});
afterAll(() => t.close());

const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600_000).toISOString();
const record = (input: Record<string, unknown>, token = tokens.security) => gql(t.url, RECORD, { i: {
  communityCode: estate.code, kind: 'FIRE', heldAt: daysAgo(10), place: 'B01 stairwell', participants: 85, ...input,
} }, token);

it('is due from the estate\'s onboarding until the first drill is held', async () => {
  const res = await gql(t.url, SCHEDULE, { code: estate.code }, tokens.manager);
  expect(res.data.community.drillSchedule).toEqual([
    { kind: 'FIRE', everyDays: 182, lastHeldAt: null, nextDueAt: expect.any(String), overdue: true },
    { kind: 'ANTI_TERROR', everyDays: 365, lastHeldAt: null, nextDueAt: expect.any(String), overdue: true },
  ]);
});

it('records drills with date, place, participants and findings, and says when the next of each kind is due', async () => {
  const fire = await record({ heldAt: daysAgo(200), findings: 'Fire door on 9F propped open' });
  expect(fire.errors).toBeUndefined();
  expect(fire.data.recordDrill.drill).toMatchObject({
    kind: 'FIRE', place: 'B01 stairwell', participants: 85, findings: 'Fire door on 9F propped open', lead: { id: estate.gid.staff('security') }, community: { code: estate.code },
  });
  const second = await record({ heldAt: daysAgo(10), buildingId: estate.gid.building(0), leadId: estate.gid.staff('manager') });
  expect(second.data.recordDrill.drill).toMatchObject({ building: { id: estate.gid.building(0) }, lead: { id: estate.gid.staff('manager') } });
  const terror = await record({ kind: 'ANTI_TERROR', heldAt: daysAgo(400), place: 'Garden', spaceId: toGlobalId('PublicSpace', estate.spaces[1].id), participants: 40 }, tokens.manager);
  expect(terror.data.recordDrill.drill.publicSpace).toEqual({ id: toGlobalId('PublicSpace', estate.spaces[1].id) });

  const res = await gql(t.url, SCHEDULE, { code: estate.code }, tokens.manager);
  const [fireDue, terrorDue] = res.data.community.drillSchedule;
  expect(fireDue).toMatchObject({ kind: 'FIRE', overdue: false, lastHeldAt: second.data.recordDrill.drill.heldAt });
  expect(Date.parse(fireDue.nextDueAt) - Date.parse(fireDue.lastHeldAt)).toBe(182 * 24 * 3600_000);
  expect(terrorDue).toMatchObject({ kind: 'ANTI_TERROR', overdue: true });
  expect(res.data.community.drills.totalCount).toBe(3);
  expect(res.data.community.drills.edges.map((e: any) => e.node.kind)).toEqual(['FIRE', 'FIRE', 'ANTI_TERROR']);
});

it('shows drills to dashboards and residents; the findings to residents, never to dashboards', async () => {
  const district = await gql(t.url, SCHEDULE, { code: estate.code }, tokens.district);
  expect(district.data.community.drills.totalCount).toBe(3);
  expect(district.data.community.drills.edges.every((e: any) => e.node.findings === null)).toBe(true);
  expect(new Set(codes(district))).toEqual(new Set(['FORBIDDEN']));
  const resident = await gql(t.url, SCHEDULE, { code: estate.code }, tokens.resident);
  expect(resident.errors).toBeUndefined();
  expect(resident.data.community.drills.edges.map((e: any) => e.node.findings)).toContain('Fire door on 9F propped open');
});

it.each([
  ['a resident', 'FORBIDDEN', 'resident', {}],
  ['a district dashboard', 'FORBIDDEN', 'district', {}],
  ['a drill in the future', 'BAD_USER_INPUT', 'security', { heldAt: new Date(Date.now() + 86400_000).toISOString() }],
  ['a building and a space at once', 'BAD_USER_INPUT', 'security', { buildingId: 'B', spaceId: 'S' }],
  ['negative participants', 'BAD_USER_INPUT', 'security', { participants: -1 }],
  ['an empty place', 'BAD_USER_INPUT', 'security', { place: '  ' }],
])('recording: %s → %s, and nothing is written', async (_, code, who, extra: Record<string, unknown>) => {
  if (extra.buildingId) Object.assign(extra, { buildingId: estate.gid.building(0), spaceId: toGlobalId('PublicSpace', estate.spaces[0].id) });
  const [before] = await sql(t, 'select count(*)::int as n from drill where community_id = ?', [estate.community.id]);
  expectFailure(await record(extra, tokens[who]), code);
  const [after] = await sql(t, 'select count(*)::int as n from drill where community_id = ?', [estate.community.id]);
  expect(after.n).toBe(before.n);
});
