import { codes, contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { expectFailure, rowId, sql } from './helpers/tickets';

/** Emergency dispatch through a real server: raise, who goes, who acts, the ticket alongside. */

let t: TestServer;
let estate: Estate;
let other: Estate;
const tokens: Record<string, string> = {};
let keys = 0;

beforeAll(async () => {
  // Timers far away: escalation has its own tests (dispatch-timers.test.ts).
  t = await startTestServer({ dispatch: { ackTimeoutSeconds: 3600, timerPollMs: 60_000 } });
  estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 2, residentsPerHousehold: 1 });
  other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  const token = (sub: string, role: string, e = estate) => t.token({ sub, role: role as never, communities: [e.code] });
  tokens.desk = await token(estate.gid.staff('dispatcher'), 'DISPATCHER');
  tokens.manager = await token(estate.gid.staff('manager'), 'MANAGER');
  tokens.maintenance = await token(estate.gid.staff('maintenance'), 'STAFF');
  tokens.cleaning = await token(estate.gid.staff('cleaning'), 'STAFF');
  tokens.district = await token('district-1', 'DISTRICT');
  tokens.resident = await token(estate.gid.resident(0), 'RESIDENT');
  tokens.foreignManager = await token(other.gid.staff('manager'), 'MANAGER', other);
});
afterAll(() => t.close());

const raise = (token: string, input: Record<string, unknown>) =>
  gql(t.url, contract('RaiseEmergency'), { input: { idempotencyKey: `desk-${++keys}`, incidentType: 'WATER_LEAK', buildingId: estate.gid.building(0), ...input } }, token);
const move = (op: string, input: Record<string, unknown>, token: string) => gql(t.url, contract(op), { input }, token);
const dispatchState = async (id: string) => (await sql(t, `select to_jsonb(d) as row, (select count(*) from dispatch_event e where e.dispatch_id = d.id)::int as events
  from dispatch d where d.id = ?`, [rowId(id)]))[0];

describe('a full dispatch', () => {
  it('raises an EMERGENCY ticket with its dispatch, and walks it to CLEARED with the ticket alongside', async () => {
    const raised = await raise(tokens.desk, { householdId: estate.gid.household(0), description: 'burst pipe, 12th floor' });
    expect(raised.errors).toBeUndefined();
    const dispatch = raised.data.raiseEmergency.dispatch;
    expect(dispatch).toMatchObject({ status: 'DISPATCHED', incidentType: 'WATER_LEAK', ticket: { priority: 'EMERGENCY' } });
    expect(dispatch.units.map((u: any) => [u.staff.id, u.staff.role])).toEqual([
      [estate.gid.staff('maintenance'), 'MAINTENANCE'], [estate.gid.staff('steward'), 'STEWARD'],
    ]);
    const [row] = await sql(t, 'select extract(epoch from target_on_scene_at - dispatched_at)::int as target from dispatch where id = ?', [rowId(dispatch.id)]);
    expect(row.target).toBe(15 * 60);

    const ack = await move('AcknowledgeDispatch', { dispatchId: dispatch.id, note: 'on my way' }, tokens.maintenance);
    expect(ack.data.acknowledgeDispatch.dispatch).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedAt: expect.any(String) });
    const arrived = await move('ArriveOnScene', { dispatchId: dispatch.id }, tokens.maintenance);
    expect(arrived.data.arriveOnScene.dispatch).toMatchObject({ status: 'ON_SCENE', onSceneAt: expect.any(String), responseSeconds: expect.any(Number) });
    expect(arrived.data.arriveOnScene.dispatch.responseSeconds).toBeLessThan(60);
    const cleared = await move('ClearDispatch', { dispatchId: dispatch.id }, tokens.desk);
    expect(cleared.data.clearDispatch.dispatch).toMatchObject({ status: 'CLEARED', clearedAt: expect.any(String) });

    const ticket = await gql(t.url, contract('Ticket'), { id: dispatch.ticket.id }, tokens.manager);
    expect(ticket.data.node).toMatchObject({ status: 'RESOLVED', priority: 'EMERGENCY', channel: 'HOTLINE', dispatch: { id: dispatch.id, status: 'CLEARED' } });
    expect(ticket.data.node.timeline.edges.map((e: any) => e.node.toStatus)).toEqual(['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED']);
    const timeline = await gql(t.url, `query($id: ID!) { node(id: $id) { ... on Dispatch { withinTarget units { staff { id } acknowledgedAt }
      timeline(first: 10) { edges { node { type fromStatus toStatus note unit { id } } } } } } }`, { id: dispatch.id }, tokens.manager);
    expect(timeline.data.node.withinTarget).toBe(true);
    expect(timeline.data.node.units[0].acknowledgedAt).toEqual(expect.any(String));
    expect(timeline.data.node.timeline.edges.map((e: any) => [e.node.type, e.node.toStatus])).toEqual([
      ['DISPATCHED', 'DISPATCHED'], ['ACKNOWLEDGED', 'ACKNOWLEDGED'], ['ON_SCENE', 'ON_SCENE'], ['CLEARED', 'CLEARED'],
    ]);
    expect(timeline.data.node.timeline.edges[1].node).toMatchObject({ note: 'on my way', unit: { id: estate.gid.staff('maintenance') } });
  });

  it('makes one ticket and one dispatch of ten identical requests at once', async () => {
    const input = { idempotencyKey: 'double-click', incidentType: 'FIRE', buildingId: estate.gid.building(1) };
    const answers = await Promise.all(Array.from({ length: 10 }, () => gql(t.url, contract('RaiseEmergency'), { input }, tokens.desk)));
    for (const a of answers) expect(a.errors).toBeUndefined();
    expect(new Set(answers.map((a) => a.data.raiseEmergency.dispatch.id)).size).toBe(1);
    const [count] = await sql(t, `select count(*)::int as n from ticket where idempotency_key = 'double-click' and community_id = ?`, [estate.community.id]);
    expect(count.n).toBe(1);
  });
});

describe('who goes', () => {
  // Written out here, not read from the incident_response table, so that a change there fails this test.
  const JOBS: [string, string[]][] = [
    ['WATER_LEAK', ['MAINTENANCE', 'STEWARD']], ['FIRE', ['SECURITY', 'MANAGER']], ['ELEVATOR_ENTRAPMENT', ['MAINTENANCE', 'SECURITY']],
    ['POWER_OUTAGE', ['MAINTENANCE', 'STEWARD']], ['GAS_LEAK', ['SECURITY', 'MAINTENANCE']], ['SECURITY', ['SECURITY', 'STEWARD']],
    ['MEDICAL', ['STEWARD', 'SECURITY']],
  ];

  it.each(JOBS)('%s sends %j', async (incidentType, roles) => {
    const res = await raise(tokens.desk, { incidentType });
    expect(res.data.raiseEmergency.dispatch.units.map((u: any) => u.staff.role)).toEqual(roles);
  });

  it("sends the grid's squad first, then on-duty staff of the rest of the estate", async () => {
    const [spare] = await sql(t, `insert into staff (community_id, grid_id, code, name, phone, role, on_duty)
      values (?, null, ?, 'Estate plumber', '13911112222', 'MAINTENANCE', true) returning id`, [estate.community.id, `${estate.code}-SX`]);
    const reasons = async () => (await gql(t.url, `query($id: ID!) { node(id: $id) { ... on Dispatch { units { staff { id } reason } } } }`,
      { id: (await raise(tokens.desk, {})).data.raiseEmergency.dispatch.id }, tokens.manager)).data.node.units;
    expect((await reasons())[0]).toEqual({ staff: { id: estate.gid.staff('maintenance') }, reason: 'SQUAD' });
    await gql(t.url, 'mutation($i: SetDutyInput!) { setDuty(input: $i) { staff { onDuty } } }', { i: { staffId: estate.gid.staff('maintenance'), onDuty: false } }, tokens.manager);
    expect((await reasons())[0]).toEqual({ staff: { id: Buffer.from(`Staff:${spare.id}`).toString('base64url') }, reason: 'ESTATE' });
    await gql(t.url, 'mutation($i: SetDutyInput!) { setDuty(input: $i) { staff { onDuty } } }', { i: { onDuty: true } }, tokens.maintenance);
    await sql(t, 'update staff set on_duty = false where id = ?', [spare.id]);
  });

  it("sends the estate's own crew first to a public space, which belongs to no grid", async () => {
    const res = await gql(t.url, `mutation($i: RaiseEmergencyInput!) { raiseEmergency(input: $i) { dispatch {
      building { id } publicSpace { id } grid { id } units { staff { role } reason } ticket { id } } } }`,
    { i: { idempotencyKey: 'garden-fire', incidentType: 'FIRE', spaceId: Buffer.from(`PublicSpace:${estate.spaces[1].id}`).toString('base64url') } }, tokens.desk);
    expect(res.errors).toBeUndefined();
    const d = res.data.raiseEmergency.dispatch;
    expect(d).toMatchObject({ building: null, publicSpace: { id: expect.any(String) }, grid: null });
    // FIRE: security (only a grid's squad has one), then the manager (the estate's own); nobody is anyone's squad here.
    expect(d.units).toEqual([{ staff: { role: 'SECURITY' }, reason: 'ESTATE' }, { staff: { role: 'MANAGER' }, reason: 'ESTATE' }]);
    const both = await raise(tokens.desk, { spaceId: Buffer.from(`PublicSpace:${estate.spaces[1].id}`).toString('base64url') });
    expectFailure(both, 'BAD_USER_INPUT', 'buildingId');
  });

  it("goes to the estate's manager, and says so, when nobody suitable is on duty", async () => {
    const quiet = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1 });
    await sql(t, 'update staff set on_duty = false where community_id = ?', [quiet.community.id]);
    const desk = await t.token({ sub: quiet.gid.staff('dispatcher'), role: 'DISPATCHER', communities: [quiet.code] });
    const res = await gql(t.url, `mutation($i: RaiseEmergencyInput!) { raiseEmergency(input: $i) { dispatch { managerFallback units { staff { id } reason }
      timeline(first: 1) { edges { node { type note } } } } } }`, { i: { idempotencyKey: 'quiet', incidentType: 'WATER_LEAK', buildingId: quiet.gid.building(0) } }, desk);
    expect(res.data.raiseEmergency.dispatch).toEqual({
      managerFallback: true, units: [{ staff: { id: quiet.gid.staff('manager') }, reason: 'MANAGER' }],
      timeline: { edges: [{ node: { type: 'DISPATCHED', note: expect.stringMatching(/manager/) } }] },
    });
  });
});

describe('on and off duty', () => {
  const SET = 'mutation($i: SetDutyInput!) { setDuty(input: $i) { staff { id onDuty } } }';
  it('staff change their own duty; the desk and managers anyone of their estate; nobody else', async () => {
    expect((await gql(t.url, SET, { i: { onDuty: false } }, tokens.cleaning)).data.setDuty.staff).toEqual({ id: estate.gid.staff('cleaning'), onDuty: false });
    expect((await gql(t.url, SET, { i: { staffId: estate.gid.staff('cleaning'), onDuty: true } }, tokens.desk)).data.setDuty.staff.onDuty).toBe(true);
    expectFailure(await gql(t.url, SET, { i: { staffId: estate.gid.staff('security'), onDuty: false } }, tokens.cleaning), 'FORBIDDEN');
    expectFailure(await gql(t.url, SET, { i: { staffId: estate.gid.staff('security'), onDuty: false } }, tokens.district), 'FORBIDDEN');
    expectFailure(await gql(t.url, SET, { i: { onDuty: false } }, tokens.district), 'BAD_USER_INPUT', 'staffId');
    expectFailure(await gql(t.url, SET, { i: { staffId: estate.gid.staff('security'), onDuty: false } }, tokens.foreignManager), 'NOT_FOUND');
    const [row] = await sql(t, 'select on_duty from staff where id = ?', [estate.staff.security.id]);
    expect(row.on_duty).toBe(true);
  });
});

describe('who acts, and in which order refusals come', () => {
  let dispatchId: string;
  beforeAll(async () => {
    dispatchId = (await raise(tokens.desk, {})).data.raiseEmergency.dispatch.id;
  });

  it.each([
    ['a member of staff who was not sent', 'FORBIDDEN', 'cleaning'],
    ['a district dashboard', 'FORBIDDEN', 'district'],
    ['a resident', 'NOT_FOUND', 'resident'],
    ["another estate's manager", 'NOT_FOUND', 'foreignManager'],
  ])('%s → %s, and nothing changes', async (_, code, who) => {
    const before = await dispatchState(dispatchId);
    expectFailure(await move('AcknowledgeDispatch', { dispatchId }, tokens[who]), code);
    expect(await dispatchState(dispatchId)).toEqual(before);
  });

  it('answers a dispatch of another estate exactly like one that does not exist', async () => {
    const hidden = await move('AcknowledgeDispatch', { dispatchId }, tokens.foreignManager);
    const missing = await move('AcknowledgeDispatch', { dispatchId: Buffer.from('Dispatch:2000000000').toString('base64url') }, tokens.foreignManager);
    expect(hidden.errors![0].message).toBe(missing.errors![0].message);
  });

  it('refuses a stale version, then an illegal move, then a bad note, writing nothing', async () => {
    const before = await dispatchState(dispatchId);
    expectFailure(await move('ArriveOnScene', { dispatchId, expectedVersion: 7, note: 'n'.repeat(2000) }, tokens.desk), 'VERSION_CONFLICT');
    expectFailure(await move('ArriveOnScene', { dispatchId, note: 'n'.repeat(2000) }, tokens.desk), 'INVALID_TRANSITION');
    expectFailure(await move('ClearDispatch', { dispatchId }, tokens.desk), 'INVALID_TRANSITION');
    expectFailure(await move('AcknowledgeDispatch', { dispatchId, note: 'n'.repeat(2000) }, tokens.desk), 'BAD_USER_INPUT', 'note');
    expect(await dispatchState(dispatchId)).toEqual(before);
  });

  it.each([
    ['a RESIDENT', 'FORBIDDEN', 'resident', {}],
    ['a DISTRICT dashboard', 'FORBIDDEN', 'district', {}],
    ["another estate's building", 'NOT_FOUND', 'desk', { buildingId: 'OTHER' }],
    ['a household of another building', 'BAD_USER_INPUT', 'desk', { householdId: 'ELSEWHERE' }],
    ['an empty idempotencyKey', 'BAD_USER_INPUT', 'desk', { idempotencyKey: ' ' }],
  ])('raising: %s → %s, and nothing is written', async (_, code, who, extra) => {
    const input: Record<string, unknown> = { ...extra };
    if (input.buildingId === 'OTHER') input.buildingId = other.gid.building(0);
    if (input.householdId === 'ELSEWHERE') input.householdId = estate.gid.household(2);
    // Only these two estates: other test files write to the shared database meanwhile.
    const counts = () => sql(t, `select (select count(*) from dispatch where community_id in (?, ?))::int as d,
      (select count(*) from ticket where community_id in (?, ?))::int as k`, [estate.community.id, other.community.id, estate.community.id, other.community.id]);
    const [before] = await counts();
    const res = await raise(tokens[who], input);
    expect(codes(res)).toEqual([code]);
    const [after] = await counts();
    expect(after).toEqual(before);
  });
});

describe('reading dispatches', () => {
  it('pages an estate’s dispatches newest first, and keeps them from other estates', async () => {
    const query = `query($code: String!) { community(code: $code) { emergencyTargetMinutes dispatches(first: 3) { totalCount edges { node { id dispatchedAt } } } } }`;
    const res = await gql(t.url, query, { code: estate.code }, tokens.district);
    expect(res.errors).toBeUndefined();
    const { dispatches, emergencyTargetMinutes } = res.data.community;
    expect(emergencyTargetMinutes).toBe(15);
    expect(dispatches.totalCount).toBeGreaterThan(5);
    const times = dispatches.edges.map((e: any) => e.node.dispatchedAt);
    expect(times).toEqual([...times].sort().reverse());
    const foreign = await gql(t.url, query, { code: estate.code }, tokens.foreignManager);
    expect(foreign.data.community.dispatches).toBeNull();
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
  });
});
