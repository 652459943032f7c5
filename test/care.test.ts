import { codes, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { sleep, waitUntil, watch } from './helpers/instances';
import { startTestServer, type TestServer } from './helpers/server';
import { dropDatabases, ownDatabase } from './helpers/process';
import { expectFailure, rowId, sql } from './helpers/tickets';
import { bearer, connect, type WsConnection } from './helpers/ws';
import { careTimers } from '../src/services/care-timers';
import { TimerWorker } from '../src/events/timers';
import { createLogger } from '../src/logger';
import { loadConfig } from '../src/config';

/**
 * The special-care channel through a real server: plans drive visits that
 * fall due as CARE tickets for the steward, go overdue once, stream, and move
 * on when staff record the outcome; only staff of the estate (and the
 * household itself) see who needs care. Any server instance on the test
 * database may claim due work, so tests wait for what happens, not for who.
 */

let t: TestServer;
let estate: Estate;
let other: Estate;
const tokens: Record<string, string> = {};
const open: WsConnection[] = [];

beforeAll(async () => {
  // A database of its own: this server fires due work, which must be no other test file's.
  t = await startTestServer({ databaseUrl: await ownDatabase('care'), dispatch: { ackTimeoutSeconds: 3600, timerPollMs: 150 } });
  estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 3, residentsPerHousehold: 1 });
  other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  // Households 0 and 1 need care; 2 does not.
  await sql(t, `update household set care_needs = '{DISABILITY}' where id = ?`, [estate.households[1].id]);
  const token = (sub: string, role: string, e = estate) => t.token({ sub, role: role as never, communities: [e.code] });
  tokens.steward = await token(estate.gid.staff('steward'), 'STAFF');
  tokens.manager = await token(estate.gid.staff('manager'), 'MANAGER');
  tokens.district = await token('district-care', 'DISTRICT');
  tokens.integrator = await token('integrator-care', 'INTEGRATOR');
  tokens.resident0 = await token(estate.gid.resident(0), 'RESIDENT');
  tokens.resident2 = await token(estate.gid.resident(2), 'RESIDENT');
  tokens.foreign = await token(other.gid.staff('manager'), 'MANAGER', other);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.dispose()));
});
afterAll(async () => {
  await t.close();
  await dropDatabases();
});

const SET = `mutation($i: SetCarePlanInput!) { setCarePlan(input: $i) { plan { id kind everyDays active nextDueAt note } } }`;
const RECORD = `mutation($i: RecordCareVisitInput!) { recordCareVisit(input: $i) { cursor visit { id outcome outcomeNote recordedAt doneOnTime overdue
  recordedBy { id } ticket { status version timeline(first: 20) { edges { node { type toStatus } } } } plan { nextDueAt } } } }`;
const VISITS = `query($id: ID!) { node(id: $id) { ... on CarePlan { nextDueAt visits(first: 10) { totalCount edges { node {
  id kind dueAt deadlineAt overdue outcome steward { id } household { id }
  ticket { channel category priority status household { id } assignee { id } reporter { id } timeline(first: 5) { edges { node { type actor { role } } } } }
  events { type staff { id } } } } } } } }`;

async function setPlan(household: number, input: Record<string, unknown> = {}, token = tokens.steward) {
  const res = await gql(t.url, SET, { i: { householdId: estate.gid.household(household), kind: 'CALL', everyDays: 7, ...input } }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.setCarePlan.plan as { id: string; nextDueAt: string | null };
}

/** The plan's open visit, once the schedule has raised it (whichever instance claimed it). */
async function dueVisit(planId: string) {
  return waitUntil('the visit to fall due', async () => {
    const res = await gql(t.url, VISITS, { id: planId }, tokens.manager);
    return res.data.node.visits.edges.find((e: any) => e.node.outcome === null)?.node;
  });
}

function subscribe(token: string, variables: Record<string, unknown> = {}) {
  const conn = connect(t.wsUrl, bearer(token));
  open.push(conn);
  return watch(conn, `subscription($after: String, $codes: [String!]) { careEvents(communityCodes: $codes, after: $after) {
    cursor type visit { id kind household { id } } } }`, variables);
}

describe('the care schedule', () => {
  it('raises a CARE ticket for the grid steward when a visit falls due, and streams it', async () => {
    const live = subscribe(tokens.steward);
    await sleep(300);
    const plan = await setPlan(0, { kind: 'WATER_POWER_CHECK', everyDays: 30, note: 'Lives alone; hard of hearing' });
    const visit = await dueVisit(plan.id);
    expect(visit).toMatchObject({
      kind: 'WATER_POWER_CHECK', overdue: false, steward: { id: estate.gid.staff('steward') }, household: { id: estate.gid.household(0) },
      ticket: {
        channel: 'CARE_SCHEDULE', category: 'CARE', priority: 'NORMAL', status: 'SUBMITTED', household: { id: estate.gid.household(0) },
        assignee: { id: estate.gid.staff('steward') }, reporter: null,
      },
      events: [{ type: 'DUE', staff: null }],
    });
    expect(visit.ticket.timeline.edges.map((e: any) => [e.node.type, e.node.actor.role])).toEqual([['SUBMITTED', 'SYSTEM'], ['ASSIGNED', 'SYSTEM']]);
    // The deadline is the window (24 h by default) after it was raised.
    expect(Date.parse(visit.deadlineAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const waiting = await gql(t.url, VISITS, { id: plan.id }, tokens.manager);
    expect(waiting.data.node.nextDueAt).toBeNull();
    await live.waitFor(1);
    expect(live.data[0].careEvents).toMatchObject({ type: 'DUE', cursor: expect.any(String), visit: { id: visit.id, kind: 'WATER_POWER_CHECK' } });
  });

  it('moves on when staff record the outcome: the ticket is closed, the next visit falls due a period after this one', async () => {
    const plan = await setPlan(0, { kind: 'SHOPPING', everyDays: 7 });
    const visit = await dueVisit(plan.id);
    const res = await gql(t.url, RECORD, { i: { visitId: visit.id, outcome: 'DONE', note: 'Bought rice and medicine' } }, tokens.steward);
    expect(res.errors).toBeUndefined();
    const recorded = res.data.recordCareVisit;
    expect(recorded.cursor).toEqual(expect.any(String));
    expect(recorded.visit).toMatchObject({ outcome: 'DONE', outcomeNote: 'Bought rice and medicine', doneOnTime: true, overdue: false, recordedBy: { id: estate.gid.staff('steward') } });
    expect(recorded.visit.ticket.status).toBe('CLOSED');
    expect(recorded.visit.ticket.timeline.edges.map((e: any) => e.node.type)).toEqual(['SUBMITTED', 'ASSIGNED', 'ACKNOWLEDGED', 'STARTED', 'RESOLVED', 'CLOSED']);
    expect(Date.parse(recorded.visit.plan.nextDueAt) - Date.parse(visit.dueAt)).toBe(7 * 24 * 3600_000);
    // Once only.
    expectFailure(await gql(t.url, RECORD, { i: { visitId: visit.id, outcome: 'REFUSED' } }, tokens.manager), 'INVALID_TRANSITION');
    const [events] = await sql(t, `select array_agg(type order by id) as types from care_event where visit_id = ?`, [rowId(visit.id)]);
    expect(events.types).toEqual(['DUE', 'DONE']);
  });

  it('tries again the next day when nobody was home', async () => {
    const plan = await setPlan(1, { kind: 'CLEANING', everyDays: 14 });
    const visit = await dueVisit(plan.id);
    const res = await gql(t.url, RECORD, { i: { visitId: visit.id, outcome: 'NOBODY_HOME' } }, tokens.manager);
    const next = Date.parse(res.data.recordCareVisit.visit.plan.nextDueAt);
    expect(next - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(next - Date.now()).toBeLessThan(24.1 * 3600_000);
  });

  it('marks a visit not done by its deadline overdue, once, and streams it', async () => {
    const plan = await setPlan(1, { kind: 'CALL', everyDays: 7 });
    const visit = await dueVisit(plan.id);
    const live = subscribe(tokens.manager, { codes: [estate.code] });
    await sleep(300);
    // A short clock: the deadline passes now rather than in a day.
    await sql(t, 'update care_visit set deadline_at = now() where id = ?', [rowId(visit.id)]);
    await live.waitFor(1);
    expect(live.data[0].careEvents).toMatchObject({ type: 'OVERDUE', visit: { id: visit.id } });
    await sleep(800);
    const [row] = await sql(t, `select overdue_at is not null as marked, (select count(*)::int from care_event e where e.visit_id = v.id and e.type = 'OVERDUE') as events
      from care_visit v where v.id = ?`, [rowId(visit.id)]);
    expect(row).toEqual({ marked: true, events: 1 });
    const late = await gql(t.url, RECORD, { i: { visitId: visit.id, outcome: 'DONE' } }, tokens.steward);
    expect(late.data.recordCareVisit.visit).toMatchObject({ overdue: true, doneOnTime: false });
  });

  it('falls due exactly once however many claimers tick at once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const kinds = ['CALL', 'SHOPPING', 'CLEANING', 'WATER_POWER_CHECK'];
      const e = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
      const manager = await t.token({ sub: e.gid.staff('manager'), role: 'MANAGER', communities: [e.code] });
      for (const kind of kinds.slice(0, 2)) {
        const res = await gql(t.url, SET, { i: { householdId: e.gid.household(0), kind, everyDays: 7, startsAt: new Date(Date.now() + 3600_000).toISOString() } }, manager);
        ids.push(rowId(res.data.setCarePlan.plan.id));
      }
    }
    await sql(t, 'update care_plan set next_due_at = now() where id = any(?::int[])', [`{${ids.join(',')}}`]);
    const logger = createLogger('silent');
    const claimers = [0, 1, 2].map(() => new TimerWorker(t.orm, logger, 3_600_000, [careTimers({ visitWindowSeconds: 3600 }, logger)]));
    for (let round = 0; round < 5; round++) await Promise.all(claimers.map((c) => c.tick()));
    const counts = () => sql(t, `select p.id, (select count(*)::int from care_visit v where v.plan_id = p.id) as visits,
        (select count(*)::int from care_event e join care_visit v on v.id = e.visit_id where v.plan_id = p.id and e.type = 'DUE') as due,
        (select count(*)::int from ticket k join care_visit v on v.ticket_id = k.id where v.plan_id = p.id) as tickets
      from care_plan p where p.id = any(?::int[])`, [`{${ids.join(',')}}`]);
    // The server's own worker ticks too: a plan it holds is skipped by the claimers here and falls due when its
    // transaction commits. Wait for every plan, then a few more ticks, and count.
    await waitUntil('every plan to fall due', async () => (await counts()).every((r) => r.visits > 0));
    for (let round = 0; round < 3; round++) await Promise.all(claimers.map((c) => c.tick()));
    await sleep(500);
    const rows = await counts();
    expect(rows).toHaveLength(12);
    for (const r of rows) expect(r).toEqual({ id: r.id, visits: 1, due: 1, tickets: 1 });
  });

  it('stops when a plan is ended', async () => {
    const plan = await setPlan(1, { kind: 'SHOPPING', everyDays: 3, startsAt: new Date(Date.now() + 3600_000).toISOString() });
    const ended = await gql(t.url, 'mutation($i: EndCarePlanInput!) { endCarePlan(input: $i) { plan { active nextDueAt } } }', { i: { planId: plan.id } }, tokens.steward);
    expect(ended.data.endCarePlan.plan).toEqual({ active: false, nextDueAt: null });
    await sql(t, 'update care_plan set next_due_at = now() - interval \'1 minute\' where id = ?', [rowId(plan.id)]);
    await sleep(600);
    const [row] = await sql(t, 'select count(*)::int as n from care_visit where plan_id = ?', [rowId(plan.id)]);
    expect(row.n).toBe(0);
  });
});

describe('who may see care needs and change plans', () => {
  const HOUSEHOLD = `query($id: ID!) { node(id: $id) { ... on Household { careNeeds specialCare carePlans { kind note everyDays } } } }`;

  it('staff of the estate see every household\'s needs and plans; a resident only their own household\'s', async () => {
    await setPlan(0, { kind: 'CALL', everyDays: 7, note: 'Daughter abroad', startsAt: new Date(Date.now() + 3600_000).toISOString() });
    const staff = await gql(t.url, HOUSEHOLD, { id: estate.gid.household(0) }, tokens.steward);
    expect(staff.errors).toBeUndefined();
    expect(staff.data.node.careNeeds).toEqual(['ELDERLY_LIVING_ALONE']);
    expect(staff.data.node.carePlans).toEqual(expect.arrayContaining([{ kind: 'CALL', note: 'Daughter abroad', everyDays: 7 }]));
    const own = await gql(t.url, HOUSEHOLD, { id: estate.gid.household(0) }, tokens.resident0);
    expect(own.data.node.carePlans).toEqual(staff.data.node.carePlans);
    const neighbour = await gql(t.url, HOUSEHOLD, { id: estate.gid.household(0) }, tokens.resident2);
    expect(neighbour.data.node).toMatchObject({ careNeeds: null, carePlans: null, specialCare: null });
    expect(new Set(codes(neighbour))).toEqual(new Set(['FORBIDDEN']));
    const [{ id: planId }] = await sql(t, 'select id from care_plan where household_id = ? and kind = ?', [estate.households[0].id, 'CALL']);
    const probe = await gql(t.url, 'query($id: ID!) { node(id: $id) { id } }', { id: Buffer.from(`CarePlan:${planId}`).toString('base64url') }, tokens.resident2);
    expect(codes(probe)).toEqual(['NOT_FOUND']);
  });

  it.each(['district', 'integrator'])('the %s token never sees a household in care, only counts', async (who) => {
    const res = await gql(t.url, `query($code: String!, $h: ID!) { community(code: $code) { specialCareHouseholdCount
      careVisits(first: 5) { totalCount } figures { care { due done } } }
      node(id: $h) { ... on Household { careNeeds carePlans { kind } } } }`, { code: estate.code, h: estate.gid.household(0) }, tokens[who]);
    expect(res.data.community).toMatchObject({ specialCareHouseholdCount: 2, careVisits: null, figures: { care: { due: expect.any(Number), done: expect.any(Number) } } });
    expect(res.data.community.figures.care.due).toBeGreaterThan(3);
    expect(res.data.node).toEqual({ careNeeds: null, carePlans: null });
    expect(codes(res).every((c) => c === 'FORBIDDEN')).toBe(true);
    const visit = (await sql(t, 'select id from care_visit where community_id = ? limit 1', [estate.community.id]))[0];
    const probe = await gql(t.url, 'query($id: ID!) { node(id: $id) { id } }', { id: Buffer.from(`CareVisit:${visit.id}`).toString('base64url') }, tokens[who]);
    expect(codes(probe)).toEqual(['NOT_FOUND']);
    const live = subscribe(tokens[who]);
    await live.ended;
    expect(live.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it.each(['district', 'integrator'])('the %s token reads no care visit\'s ticket, by list, by id or live', async (who) => {
    const feed = connect(t.wsUrl, bearer(tokens[who]));
    open.push(feed);
    const live = watch(feed, `subscription { ticketEvents(filter: { communityCodes: ["${estate.code}"] }) { type ticket { id channel } } }`);
    await sleep(300);
    const plan = await setPlan(1, { kind: 'SHOPPING', everyDays: 21 });
    const visit = await dueVisit(plan.id);
    const [{ ticket_id: ticketId }] = await sql(t, 'select ticket_id from care_visit where id = ?', [rowId(visit.id)]);
    const ticket = Buffer.from(`Ticket:${ticketId}`).toString('base64url');
    // A ticket that is no care visit, raised after it: the stream is live, and it must arrive while the care one did not.
    const other = await gql(t.url, `mutation($i: SubmitTicketInput!) { submitTicket(input: $i) { ticket { id } } }`, { i: {
      idempotencyKey: `care-dash-${who}`, category: 'CLEANING', priority: 'NORMAL', channel: 'HOTLINE', title: 'Stairwell', buildingId: estate.gid.building(0),
    } }, tokens.manager);
    expect(other.errors).toBeUndefined();
    const res = await gql(t.url, `query($code: String!, $t: ID!, $h: ID!) {
      tickets(first: 100, filter: { communityCodes: [$code], categories: [CARE] }) { totalCount edges { node { id } } }
      community(code: $code) { specialCareHouseholdCount }
      ticket: node(id: $t) { id } household: node(id: $h) { ... on Household { id specialCare } } }`,
    { code: estate.code, t: ticket, h: estate.gid.household(1) }, tokens[who]);
    expect(res.data.tickets).toEqual({ totalCount: 0, edges: [] });
    expect(res.data.community.specialCareHouseholdCount).toBe(2);
    expect(res.data.ticket).toBeNull();
    expect(res.data.household).toEqual({ id: estate.gid.household(1), specialCare: null });
    expect(new Set(codes(res))).toEqual(new Set(['NOT_FOUND', 'FORBIDDEN']));
    await waitUntil('the other ticket on the stream', () => live.data.some((d) => d.ticketEvents.ticket.id === other.data.submitTicket.ticket.id));
    expect(live.data.filter((d) => d.ticketEvents.ticket.channel === 'CARE_SCHEDULE')).toEqual([]);
    // Staff of the estate read the same ticket.
    const staff = await gql(t.url, 'query($t: ID!) { node(id: $t) { ... on Ticket { category } } }', { t: ticket }, tokens.manager);
    expect(staff.data.node).toEqual({ category: 'CARE' });
  });

  it('a resident follows only their own household\'s care events', async () => {
    const mine = subscribe(tokens.resident0);
    const theirs = subscribe(tokens.resident2);
    await sleep(300);
    const plan = await setPlan(1, { kind: 'WATER_POWER_CHECK', everyDays: 30 });
    const ownPlan = await setPlan(0, { kind: 'CLEANING', everyDays: 30 });
    await dueVisit(plan.id);
    const own = await dueVisit(ownPlan.id);
    await mine.waitFor(1);
    await sleep(500);
    expect(mine.data.map((d) => d.careEvents.visit.id)).toEqual([own.id]);
    expect(theirs.data).toEqual([]);
  });

  it.each([
    ['a resident', 'FORBIDDEN', 'resident0', 0, {}],
    ['a district dashboard', 'FORBIDDEN', 'district', 0, {}],
    ["another estate's manager", 'NOT_FOUND', 'foreign', 0, {}],
    ['a household with no care needs', 'BAD_USER_INPUT', 'steward', 2, {}],
    ['everyDays 0', 'BAD_USER_INPUT', 'steward', 0, { everyDays: 0 }],
    ['a note over 1,000 characters', 'BAD_USER_INPUT', 'steward', 0, { note: 'x'.repeat(1001) }],
  ])('setting a plan: %s → %s, and nothing is written', async (_, code, who, household, extra) => {
    const before = await sql(t, 'select count(*)::int as n, max(every_days) as d from care_plan where community_id = ?', [estate.community.id]);
    const res = await gql(t.url, SET, { i: { householdId: estate.gid.household(household), kind: 'CALL', everyDays: 5, ...extra } }, tokens[who]);
    expectFailure(res, code);
    expect(await sql(t, 'select count(*)::int as n, max(every_days) as d from care_plan where community_id = ?', [estate.community.id])).toEqual(before);
  });
});

describe('configuration', () => {
  it('reads CARE_VISIT_WINDOW as a duration and refuses a bad one naming it', () => {
    expect(loadConfig({ CARE_VISIT_WINDOW: '90m' }).care).toEqual({ visitWindowSeconds: 5400 });
    expect(loadConfig({}).care).toEqual({ visitWindowSeconds: 86400 });
    expect(() => loadConfig({ CARE_VISIT_WINDOW: 'soon' })).toThrow(/CARE_VISIT_WINDOW/);
  });
});
