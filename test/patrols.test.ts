import { codes, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { expectFailure, rowId, sql } from './helpers/tickets';
import { toGlobalId } from '../src/ids';

/**
 * Patrols through a real server: routes with ordered checkpoints, runs by
 * security with passed and missed checkpoints, an anomaly that becomes a
 * PATROL ticket in the same transaction (or neither), and routes that are
 * overdue to start.
 */

let t: TestServer;
let estate: Estate;
let other: Estate;
const tokens: Record<string, string> = {};
let keys = 0;

const ROUTE = `mutation($i: CreatePatrolRouteInput!) { createPatrolRoute(input: $i) { route { id code everyMinutes overdue
  checkpoints { id position name building { id } publicSpace { id } } } } }`;
const RUN = 'run { id status startedAt finishedAt passedCount missedCount passes { status passedAt checkpoint { position } } }';
const START = `mutation($i: StartPatrolInput!) { startPatrol(input: $i) { ${RUN} } }`;
const PASS = `mutation($i: PassCheckpointInput!) { passCheckpoint(input: $i) { ${RUN} } }`;
const FINISH = `mutation($i: FinishPatrolInput!) { finishPatrol(input: $i) { ${RUN} } }`;
const REPORT = `mutation($i: ReportAnomalyInput!) { reportAnomaly(input: $i) { cursor anomaly { id kind note checkpoint { position } staff { id }
  ticket { id number channel category priority status title description building { id } publicSpace { id } reporterStaff { id } } } } }`;

beforeAll(async () => {
  t = await startTestServer({ dispatch: { ackTimeoutSeconds: 3600, timerPollMs: 3_600_000 } });
  estate = await createEstate(t.orm, { buildings: 3, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  const token = (sub: string, role: string, e = estate) => t.token({ sub, role: role as never, communities: [e.code] });
  tokens.security = await token(estate.gid.staff('security'), 'STAFF');
  tokens.steward = await token(estate.gid.staff('steward'), 'STAFF');
  tokens.desk = await token(estate.gid.staff('dispatcher'), 'DISPATCHER');
  tokens.manager = await token(estate.gid.staff('manager'), 'MANAGER');
  tokens.district = await token('district-patrol', 'DISTRICT');
  tokens.resident = await token(estate.gid.resident(0), 'RESIDENT');
  tokens.foreignSecurity = await token(other.gid.staff('security'), 'STAFF', other);
});
afterAll(() => t.close());

async function route(code: string, everyMinutes = 120) {
  const res = await gql(t.url, ROUTE, { i: {
    communityCode: estate.code, code, name: `Route ${code}`, everyMinutes,
    checkpoints: [
      { name: 'B01 fire lane', buildingId: estate.gid.building(0) }, { name: 'B02 bike shed', buildingId: estate.gid.building(1) },
      { name: 'Garden gate', spaceId: toGlobalId('PublicSpace', estate.spaces[1].id) }, { name: 'B03 lobby', buildingId: estate.gid.building(2) },
    ],
  } }, tokens.manager);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createPatrolRoute.route as { id: string; checkpoints: { id: string; position: number }[] };
}

const act = (doc: string, input: Record<string, unknown>, token: string) => gql(t.url, doc, { i: input }, token);

describe('a patrol run', () => {
  it('passes checkpoints in order, flags the one skipped, and finishes with the rest missed', async () => {
    const r = await route('R1');
    expect(r.checkpoints.map((c) => c.position)).toEqual([1, 2, 3, 4]);
    const started = await act(START, { routeId: r.id }, tokens.security);
    expect(started.errors).toBeUndefined();
    const run = started.data.startPatrol.run;
    expect(run).toMatchObject({ status: 'IN_PROGRESS', passedCount: 0, missedCount: 0, finishedAt: null });
    expect(run.passes.map((p: any) => p.status)).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);

    await act(PASS, { runId: run.id, checkpointId: r.checkpoints[0].id }, tokens.security);
    // Checkpoint 2 is skipped: passing 3 flags it missed.
    const skipped = await act(PASS, { runId: run.id, checkpointId: r.checkpoints[2].id }, tokens.security);
    expect(skipped.data.passCheckpoint.run.passes.map((p: any) => p.status)).toEqual(['PASSED', 'MISSED', 'PASSED', 'PENDING']);
    // Going back is not walking in order.
    expectFailure(await act(PASS, { runId: run.id, checkpointId: r.checkpoints[1].id }, tokens.security), 'INVALID_TRANSITION');
    expectFailure(await act(PASS, { runId: run.id, checkpointId: r.checkpoints[0].id }, tokens.security), 'INVALID_TRANSITION');

    const finished = await act(FINISH, { runId: run.id }, tokens.security);
    expect(finished.data.finishPatrol.run).toMatchObject({ status: 'FINISHED', finishedAt: expect.any(String), passedCount: 2, missedCount: 2 });
    expect(finished.data.finishPatrol.run.passes.map((p: any) => p.status)).toEqual(['PASSED', 'MISSED', 'PASSED', 'MISSED']);
    expect(finished.data.finishPatrol.run.passes[0].passedAt).toEqual(expect.any(String));
    expectFailure(await act(PASS, { runId: run.id, checkpointId: r.checkpoints[3].id }, tokens.security), 'INVALID_TRANSITION');
  });

  it('walks a route once at a time, and a guard one route at a time', async () => {
    const r = await route('R2');
    const run = (await act(START, { routeId: r.id }, tokens.security)).data.startPatrol.run;
    expectFailure(await act(START, { routeId: r.id }, tokens.security), 'INVALID_TRANSITION');
    const r3 = await route('R3');
    expectFailure(await act(START, { routeId: r3.id }, tokens.security), 'INVALID_TRANSITION');
    // The desk finishes a run its guard left open.
    expect((await act(FINISH, { runId: run.id }, tokens.desk)).errors).toBeUndefined();
  });

  it.each([
    ['the steward (not security)', 'FORBIDDEN', 'steward'],
    ['a manager (who does not walk)', 'FORBIDDEN', 'manager'],
    ['a district dashboard', 'FORBIDDEN', 'district'],
    ['a resident, who is not told how security walks', 'NOT_FOUND', 'resident'],
    ["another estate's guard", 'NOT_FOUND', 'foreignSecurity'],
  ])('starting: %s → %s', async (_, code, who) => {
    const r = await route(`S${++keys}`);
    expectFailure(await act(START, { routeId: r.id }, tokens[who]), code);
    const [row] = await sql(t, 'select count(*)::int as n from patrol_run where route_id = ?', [rowId(r.id)]);
    expect(row.n).toBe(0);
  });
});

describe('an anomaly found on a patrol', () => {
  let r: Awaited<ReturnType<typeof route>>;
  let runId: string;
  beforeAll(async () => {
    r = await route('A1');
    runId = (await act(START, { routeId: r.id }, tokens.security)).data.startPatrol.run.id;
  });
  afterAll(async () => {
    await act(FINISH, { runId }, tokens.security);
  });

  it('becomes a PATROL ticket about the checkpoint\'s place, raised by the guard', async () => {
    const key = `anomaly-${++keys}`;
    const res = await act(REPORT, { idempotencyKey: key, runId, checkpointId: r.checkpoints[1].id, kind: 'EBIKE_IN_CORRIDOR', note: 'Charging on 3F landing' }, tokens.security);
    expect(res.errors).toBeUndefined();
    const { anomaly, cursor } = res.data.reportAnomaly;
    expect(cursor).toEqual(expect.any(String));
    expect(anomaly).toMatchObject({
      kind: 'EBIKE_IN_CORRIDOR', note: 'Charging on 3F landing', checkpoint: { position: 2 }, staff: { id: estate.gid.staff('security') },
      ticket: {
        channel: 'PATROL', category: 'FIRE_SAFETY', priority: 'HIGH', status: 'SUBMITTED', description: 'Charging on 3F landing',
        building: { id: estate.gid.building(1) }, publicSpace: null, reporterStaff: { id: estate.gid.staff('security') },
      },
    });
    expect(anomaly.ticket.title).toMatch(/e-bike/);
    // A public space checkpoint raises a ticket about the space.
    const space = await act(REPORT, { idempotencyKey: `anomaly-${++keys}`, runId, checkpointId: r.checkpoints[2].id, kind: 'BROKEN_LIGHT' }, tokens.security);
    expect(space.data.reportAnomaly.anomaly.ticket).toMatchObject({ category: 'ELECTRICAL', priority: 'NORMAL', building: null, publicSpace: { id: toGlobalId('PublicSpace', estate.spaces[1].id) } });
    // The same key again: the same anomaly and ticket, nothing written.
    const again = await act(REPORT, { idempotencyKey: key, runId, checkpointId: r.checkpoints[1].id, kind: 'EBIKE_IN_CORRIDOR', note: 'Charging on 3F landing' }, tokens.security);
    expect(again.data.reportAnomaly.anomaly.id).toBe(anomaly.id);
    expect(again.data.reportAnomaly.cursor).toBe(cursor);
    const [count] = await sql(t, 'select count(*)::int as n from patrol_anomaly where run_id = ?', [rowId(runId)]);
    expect(count.n).toBe(2);
    const read = await gql(t.url, 'query($id: ID!) { node(id: $id) { ... on PatrolRun { anomalies { kind ticket { id } } } } }', { id: runId }, tokens.manager);
    expect(read.data.node.anomalies.map((a: any) => a.kind)).toEqual(['EBIKE_IN_CORRIDOR', 'BROKEN_LIGHT']);
  });

  it('writes neither the anomaly nor the ticket when any part fails, and leaves no gap in the numbering', async () => {
    const counts = () => sql(t, `select (select count(*)::int from ticket where community_id = ?) as tickets,
        (select count(*)::int from patrol_anomaly where community_id = ?) as anomalies,
        (select count(*)::int from event_log where community_id = ?) as log,
        (select last_number from ticket_counter where community_id = ? and year = ?) as counter`,
    [estate.community.id, estate.community.id, estate.community.id, estate.community.id, new Date().getUTCFullYear()]);
    const before = (await counts())[0];
    // The anomaly's own row fails after the ticket was inserted in the same transaction.
    await sql(t, `create or replace function gk_refuse_anomaly() returns trigger language plpgsql as $$
      begin if new.note = 'refuse me' then raise exception 'injected failure'; end if; return new; end $$`);
    await sql(t, 'create trigger gk_refuse_anomaly before insert on patrol_anomaly for each row execute function gk_refuse_anomaly()');
    try {
      const res = await act(REPORT, { idempotencyKey: `anomaly-${++keys}`, runId, checkpointId: r.checkpoints[0].id, kind: 'BLOCKED_FIRE_LANE', note: 'refuse me' }, tokens.security);
      expect(codes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await sql(t, 'drop trigger gk_refuse_anomaly on patrol_anomaly');
      await sql(t, 'drop function gk_refuse_anomaly()');
    }
    expect((await counts())[0]).toEqual(before);
    const ok = await act(REPORT, { idempotencyKey: `anomaly-${++keys}`, runId, checkpointId: r.checkpoints[0].id, kind: 'BLOCKED_FIRE_LANE' }, tokens.security);
    const number = ok.data.reportAnomaly.anomaly.ticket.number as string;
    expect(Number(number.split('-')[2])).toBe(before.counter + 1);
  });

  it.each([
    ['the steward, who is not walking it', 'FORBIDDEN', 'steward', {}],
    ['a checkpoint of another route', 'BAD_USER_INPUT', 'security', { checkpoint: 'OTHER_ROUTE' }],
    ['an empty key', 'BAD_USER_INPUT', 'security', { idempotencyKey: ' ' }],
  ])('reporting: %s → %s, and nothing is written', async (_, code, who, extra: Record<string, unknown>) => {
    const otherRoute = extra.checkpoint ? await route(`O${++keys}`) : null;
    const input = { idempotencyKey: `anomaly-${++keys}`, runId, checkpointId: otherRoute?.checkpoints[0].id ?? r.checkpoints[0].id, kind: 'OTHER', ...extra };
    delete (input as Record<string, unknown>).checkpoint;
    const [before] = await sql(t, 'select count(*)::int as n from ticket where community_id = ?', [estate.community.id]);
    expectFailure(await act(REPORT, input, tokens[who]), code);
    const [after] = await sql(t, 'select count(*)::int as n from ticket where community_id = ?', [estate.community.id]);
    expect(after.n).toBe(before.n);
  });
});

describe('overdue to start', () => {
  const READ = `query($code: String!) { community(code: $code) { patrolRoutes { code overdue nextStartDueAt currentRun { id } runs(first: 1) { totalCount } } } }`;
  const routeOf = async (code: string, token = tokens.manager) => (await gql(t.url, READ, { code: estate.code }, token)).data.community.patrolRoutes.find((x: any) => x.code === code);

  it('shows a route whose next run is late, until one starts', async () => {
    const r = await route('L1', 30);
    expect(await routeOf('L1')).toMatchObject({ overdue: false, currentRun: null, runs: { totalCount: 0 } });
    await sql(t, `update patrol_route set created_at = now() - interval '31 minutes' where id = ?`, [rowId(r.id)]);
    expect((await routeOf('L1')).overdue).toBe(true);
    const run = (await act(START, { routeId: r.id }, tokens.security)).data.startPatrol.run;
    expect(await routeOf('L1')).toMatchObject({ overdue: false, currentRun: { id: run.id } });
    await act(FINISH, { runId: run.id }, tokens.security);
    const due = await routeOf('L1');
    expect(Date.parse(due.nextStartDueAt) - Date.parse(run.startedAt)).toBe(30 * 60_000);
    expect(due.overdue).toBe(false);
    await sql(t, `update patrol_run set started_at = started_at - interval '31 minutes', finished_at = finished_at - interval '1 minute' where id = ?`, [rowId(run.id)]);
    // A dashboard sees it too; a resident is not told how security walks.
    expect((await routeOf('L1', tokens.district)).overdue).toBe(true);
    const resident = await gql(t.url, READ, { code: estate.code }, tokens.resident);
    expect(resident.data.community.patrolRoutes).toBeNull();
    expect(codes(resident)).toEqual(['FORBIDDEN']);
  });
});
