import { codes, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { actOk, rowId, sql, submitOk } from './helpers/tickets';
import { toGlobalId } from '../src/ids';

/**
 * An estate's figures through a real server: care visits done on time,
 * patrol checkpoint coverage, drills per year, the share of tickets resolved
 * at building level and the liaison record, counted exactly, for dashboards
 * that may never read a household, and for a period.
 */

let t: TestServer;
let estate: Estate;
const tokens: Record<string, string> = {};
const YEAR = new Date().getUTCFullYear();
const ago = (days: number) => new Date(Date.now() - days * 24 * 3600_000).toISOString();
const day = (iso: string) => iso.slice(0, 10);
/** Everything old happened well over a year ago, everything recent within the last two months: no calendar boundary moves a count. */
const OLD = ago(400);
const RECENT = { from: day(ago(60)), to: day(ago(-1)) };

const FIGURES = `query($code: String!, $from: Date, $to: Date) { community(code: $code) { figures(from: $from, to: $to) { from to
  care { due done doneOnTime nobodyHome refused overdue open onTimeShare }
  patrols { runs finished checkpointsPassed checkpointsMissed coverage anomalies }
  drills { total fire antiTerror byYear { year fire antiTerror } }
  tickets { resolved resolvedAtBuildingLevel escalated buildingLevelShare }
  liaison { meetings receptionDays attendees ticketsRaised } } } }`;

/** Visits written straight into the table, so their dates and outcomes are exactly what the figures must count. */
async function visits(): Promise<void> {
  await sql(t, `update household set care_needs = '{DISABILITY}' where id = ?`, [estate.households[1].id]);
  const rows: [number, string, string, string, string | null, string | null, string | null][] = [
    // household, kind, due, deadline, overdue, outcome, recorded
    [0, 'CALL', ago(3), ago(2), null, 'DONE', ago(2.5)],
    [0, 'SHOPPING', ago(3), ago(2), ago(2), 'DONE', ago(1)],
    [0, 'CLEANING', ago(3), ago(2), null, 'NOBODY_HOME', ago(2.5)],
    [0, 'WATER_POWER_CHECK', ago(3), ago(2), null, 'REFUSED', ago(2.5)],
    [1, 'CALL', ago(0.5), new Date(Date.now() + 3600_000).toISOString(), null, null, null],
    [1, 'SHOPPING', ago(3), ago(2), ago(2), null, null],
    [1, 'CLEANING', OLD, ago(399), null, 'DONE', ago(399.5)],
  ];
  for (const [h, kind, due, deadline, overdue, outcome, recorded] of rows) {
    const household = estate.households[h];
    const [plan] = await sql(t, `insert into care_plan (community_id, household_id, kind, every_days, active, next_due_at, created_at)
      values (?, ?, ?, 7, true, null, now()) returning id`, [estate.community.id, household.id, kind]);
    await sql(t, `insert into care_visit (community_id, plan_id, household_id, grid_id, kind, steward_id, due_at, deadline_at, overdue_at, outcome, recorded_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [estate.community.id, plan.id, household.id, estate.grids[0].id, kind, estate.staff.steward.id, due, deadline, overdue, outcome, recorded]);
  }
}

async function patrols(): Promise<void> {
  const route = await gql(t.url, `mutation($i: CreatePatrolRouteInput!) { createPatrolRoute(input: $i) { route { id checkpoints { id } } } }`, { i: {
    communityCode: estate.code, code: 'R1', name: 'Night round', everyMinutes: 120,
    checkpoints: [0, 1, 0, 1].map((b, i) => ({ name: `Point ${i + 1}`, buildingId: estate.gid.building(b) })),
  } }, tokens.manager);
  const { id: routeId, checkpoints } = route.data.createPatrolRoute.route;
  const walk = async (passed: number[], anomaly = false) => {
    const run = (await gql(t.url, 'mutation($i: StartPatrolInput!) { startPatrol(input: $i) { run { id } } }', { i: { routeId } }, tokens.security)).data.startPatrol.run;
    for (const p of passed) await gql(t.url, 'mutation($i: PassCheckpointInput!) { passCheckpoint(input: $i) { run { id } } }', { i: { runId: run.id, checkpointId: checkpoints[p].id } }, tokens.security);
    if (anomaly) {
      await gql(t.url, 'mutation($i: ReportAnomalyInput!) { reportAnomaly(input: $i) { anomaly { id } } }',
        { i: { idempotencyKey: 'fig-1', runId: run.id, checkpointId: checkpoints[0].id, kind: 'BLOCKED_FIRE_LANE' } }, tokens.security);
    }
    await gql(t.url, 'mutation($i: FinishPatrolInput!) { finishPatrol(input: $i) { run { id } } }', { i: { runId: run.id } }, tokens.security);
  };
  await walk([0, 1, 2, 3], true);
  await walk([0, 2]);
  // A run still being walked counts as started, not in the coverage.
  await gql(t.url, 'mutation($i: StartPatrolInput!) { startPatrol(input: $i) { run { id } } }', { i: { routeId } }, tokens.security);
}

async function drills(): Promise<void> {
  const record = (kind: string, heldAt: string) => gql(t.url, 'mutation($i: RecordDrillInput!) { recordDrill(input: $i) { drill { id } } }',
    { i: { communityCode: estate.code, kind, heldAt, place: 'Garden', spaceId: toGlobalId('PublicSpace', estate.spaces[1].id), participants: 50 } }, tokens.manager);
  await record('FIRE', OLD);
  await record('FIRE', ago(30));
  await record('ANTI_TERROR', ago(20));
  await record('FIRE', ago(10));
}

/** Four tickets: three resolved, one of them after it went to community level; one escalated and still open. */
async function ticketsAndLiaison(): Promise<void> {
  const official = (await gql(t.url, 'mutation($i: AddReceptionMemberInput!) { addReceptionMember(input: $i) { member { id } } }',
    { i: { communityCode: estate.code, name: '陈志强', post: 'COMMUNITY_OFFICIAL', phone: '13800001111' } }, tokens.manager)).data.addReceptionMember.member;
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push((await submitOk(t, tokens.steward, { buildingId: estate.gid.building(0), channel: 'WALK_IN', title: `Ticket ${i}` })).id);
  const escalate = (ticketId: string) => gql(t.url, 'mutation($i: EscalateTicketInput!) { escalateTicket(input: $i) { ticket { level } } }',
    { i: { ticketId, to: 'COMMUNITY', takenOverById: official.id } }, tokens.steward);
  await escalate(ids[2]);
  await escalate(ids[3]);
  for (const id of ids.slice(0, 3)) for (const op of ['AcknowledgeTicket', 'StartTicket', 'ResolveTicket']) await actOk(t, op, { ticketId: id }, tokens.steward);
  const org = (await gql(t.url, 'mutation($i: AddResidentOrganisationInput!) { addResidentOrganisation(input: $i) { organisation { id } } }',
    { i: { communityCode: estate.code, kind: 'RESIDENT_GROUP', name: 'Volunteers', liaisonId: estate.gid.staff('manager'), contacts: [] } }, tokens.manager)).data.addResidentOrganisation.organisation;
  const meeting = (input: Record<string, unknown>) => gql(t.url, 'mutation($i: RecordLiaisonMeetingInput!) { recordLiaisonMeeting(input: $i) { meeting { id } } }',
    { i: { communityCode: estate.code, place: 'Hall', heldAt: ago(5), ...input } }, tokens.steward);
  await meeting({ organisationId: org.id, attendees: 9, ticketIds: ids.slice(0, 2) });
  await receptionDays(ids[3]);
}

/**
 * Reception days are community events, written straight into the tables so
 * that they are in the past: a recent one where 21 of 23 came and one issue
 * was raised, an old one where 5 came; none of the rest counts (called off,
 * another kind, not started yet).
 */
async function receptionDays(issueTicketId: string): Promise<void> {
  const event = async (kind: string, at: string, status = 'SCHEDULED') => {
    const [row] = await sql(t, `insert into community_event (community_id, public_space_id, kind, title, starts_at, ends_at, capacity, status, created_at)
      values (?, ?, ?, 'Reception day', ?::timestamptz, ?::timestamptz + interval '3 hours', 50, ?, ?::timestamptz - interval '14 days') returning id`,
    [estate.community.id, estate.spaces[0].id, kind, at, at, status, at]);
    return row.id as number;
  };
  const came = (eventId: number, attended: number, absent = 0) => sql(t, `insert into event_registration
      (community_id, event_id, status, registered_at, confirmed_at, attended_at)
    select ?, e.id, 'CONFIRMED', e.created_at, e.created_at, case when n <= ? then e.starts_at end from community_event e, generate_series(1, ?) n where e.id = ?`,
  [estate.community.id, attended, attended + absent, eventId]);
  const recent = await event('RECEPTION_DAY', ago(5));
  await came(recent, 21, 2);
  await sql(t, 'insert into event_issue (community_id, event_id, ticket_id) values (?, ?, ?)', [estate.community.id, recent, rowId(issueTicketId)]);
  await came(await event('RECEPTION_DAY', OLD), 5);
  await came(await event('RECEPTION_DAY', ago(4), 'CANCELLED'), 7);
  await came(await event('FREE_CLINIC', ago(4)), 11);
  await came(await event('RECEPTION_DAY', new Date(Date.now() + 3600_000).toISOString()), 0, 3);
}

beforeAll(async () => {
  t = await startTestServer({ dispatch: { ackTimeoutSeconds: 3600, timerPollMs: 3_600_000 } });
  estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  const token = (sub: string, role: string) => t.token({ sub, role: role as never, communities: [estate.code] });
  tokens.security = await token(estate.gid.staff('security'), 'STAFF');
  tokens.steward = await token(estate.gid.staff('steward'), 'STAFF');
  tokens.manager = await token(estate.gid.staff('manager'), 'MANAGER');
  tokens.district = await token('district-figures', 'DISTRICT');
  tokens.integrator = await token('integrator-figures', 'INTEGRATOR');
  tokens.resident = await token(estate.gid.resident(0), 'RESIDENT');
  await visits();
  await patrols();
  await drills();
  await ticketsAndLiaison();
});
afterAll(() => t.close());

it.each(['district', 'integrator', 'manager'])('counts a period exactly, for the %s token', async (who) => {
  const res = await gql(t.url, FIGURES, { code: estate.code, ...RECENT }, tokens[who]);
  expect(res.errors).toBeUndefined();
  const f = res.data.community.figures;
  expect([f.from, f.to]).toEqual([RECENT.from, RECENT.to]);
  expect(f.care).toEqual({ due: 6, done: 2, doneOnTime: 1, nobodyHome: 1, refused: 1, overdue: 2, open: 2, onTimeShare: 0.2 });
  expect(f.patrols).toEqual({ runs: 3, finished: 2, checkpointsPassed: 6, checkpointsMissed: 2, coverage: 0.75, anomalies: 1 });
  expect(f.drills).toMatchObject({ total: 3, fire: 2, antiTerror: 1 });
  expect(f.tickets).toEqual({ resolved: 3, resolvedAtBuildingLevel: 2, escalated: 2, buildingLevelShare: 0.6667 });
  expect(f.liaison).toEqual({ meetings: 1, receptionDays: 1, attendees: 30, ticketsRaised: 3 });
});

it('counts the calendar year so far by default', async () => {
  const res = await gql(t.url, FIGURES, { code: estate.code }, tokens.district);
  expect([res.data.community.figures.from, res.data.community.figures.to]).toEqual([`${YEAR}-01-01`, day(ago(-1))]);
});

it('counts any period asked for, drills per year among them', async () => {
  const res = await gql(t.url, FIGURES, { code: estate.code, from: day(ago(800)), to: RECENT.to }, tokens.district);
  const f = res.data.community.figures;
  const years = new Map<number, { year: number; fire: number; antiTerror: number }>();
  for (const [kind, at] of [['FIRE', OLD], ['FIRE', ago(30)], ['ANTI_TERROR', ago(20)], ['FIRE', ago(10)]]) {
    const year = new Date(at).getUTCFullYear();
    const y = years.get(year) ?? { year, fire: 0, antiTerror: 0 };
    if (kind === 'FIRE') y.fire++;
    else y.antiTerror++;
    years.set(year, y);
  }
  expect(f.drills.byYear).toEqual([...years.values()].sort((a, b) => a.year - b.year));
  expect(f.care).toMatchObject({ due: 7, done: 3, doneOnTime: 2 });
  expect(f.liaison).toMatchObject({ receptionDays: 2, attendees: 35 });
  const old = await gql(t.url, FIGURES, { code: estate.code, from: day(ago(800)), to: day(ago(100)) }, tokens.district);
  expect(old.data.community.figures).toMatchObject({
    care: { due: 1, done: 1, onTimeShare: 1 }, drills: { total: 1 }, tickets: { resolved: 0, buildingLevelShare: null }, patrols: { runs: 0, coverage: null },
  });
});

it('refuses a resident: in a small estate a count points at one neighbour', async () => {
  const res = await gql(t.url, FIGURES, { code: estate.code, ...RECENT }, tokens.resident);
  expect(res.data.community.figures).toBeNull();
  expect(codes(res)).toEqual(['FORBIDDEN']);
  const staff = await gql(t.url, FIGURES, { code: estate.code, ...RECENT }, tokens.steward);
  expect(staff.errors).toBeUndefined();
});

it('refuses a backwards or overlong period, and an estate the token does not cover', async () => {
  const backwards = await gql(t.url, FIGURES, { code: estate.code, from: RECENT.to, to: RECENT.from }, tokens.district);
  expect(codes(backwards)).toEqual(['BAD_USER_INPUT']);
  const long = await gql(t.url, FIGURES, { code: estate.code, from: '2000-01-01', to: RECENT.to }, tokens.district);
  expect(codes(long)).toEqual(['BAD_USER_INPUT']);
  const other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1 });
  const res = await gql(t.url, FIGURES, { code: other.code }, tokens.district);
  expect(res.data.community.figures).toBeNull();
  expect(codes(res)).toEqual(['FORBIDDEN']);
});
