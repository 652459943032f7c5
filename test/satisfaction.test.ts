import { codes, contract, countStatements, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { satisfactionFixture, type Fixture } from './helpers/satisfaction';
import { startTestServer, type TestServer } from './helpers/server';
import { actOk, expectFailure, sql, submitOk } from './helpers/tickets';

/**
 * Satisfaction figures against values worked out by hand from the fixture in
 * helpers/satisfaction.ts (its comments list what each ticket contributes),
 * the access rules, and recording surveys.
 */

let t: TestServer;
let fx: Fixture;
let other: Estate;
const tokens: Record<string, string> = {};

const FIGURES = `query($filter: SatisfactionFilter!) { satisfaction(filter: $filter) {
  period periodStart periodEnd community { code } grid { code } households ticketsRaised ratingCount averageRating
  surveyScore complaintCount complaintsPer1000Households ticketsResolved responseSeconds { count p50 p90 }
  emergencyCount emergencyOnSceneWithinTarget emergencyResponseSeconds { count p50 p90 } } }`;

beforeAll(async () => {
  t = await startTestServer();
  fx = await satisfactionFixture(t);
  other = await createEstate(t.orm);
  const e = fx.estate;
  const sign = (sub: string, role: string, communities = [e.code]) => t.token({ sub, role: role as never, communities });
  tokens.manager = await sign(e.gid.staff('manager'), 'MANAGER');
  tokens.steward = await sign(e.gid.staff('steward'), 'STAFF');
  tokens.dispatcher = await sign(e.gid.staff('dispatcher'), 'DISPATCHER');
  tokens.district = await sign('district-sat', 'DISTRICT');
  tokens.integrator = await sign('integrator-sat', 'INTEGRATOR');
  tokens.integratorBoth = await sign('integrator-both', 'INTEGRATOR', [e.code, other.code]);
  tokens.resident = await sign(e.gid.resident(0), 'RESIDENT');
  tokens.admin = await sign('admin-sat', 'ADMIN');
  tokens.adminAll = await t.token({ sub: 'admin-all', role: 'ADMIN' });
  tokens.otherManager = await t.token({ sub: other.gid.staff('manager'), role: 'MANAGER', communities: [other.code] });
});
afterAll(() => t.close());

const figures = (filter: Record<string, unknown>, token = tokens.integrator) => gql(t.url, FIGURES, { filter }, token);
const zeros = { ticketsRaised: 0, ratingCount: 0, averageRating: null, complaintCount: 0, complaintsPer1000Households: 0, ticketsResolved: 0,
  responseSeconds: { count: 0, p50: null, p90: null }, emergencyCount: 0, emergencyOnSceneWithinTarget: null,
  emergencyResponseSeconds: { count: 0, p50: null, p90: null } };

describe('figures of the fixture, by hand', () => {
  it('by month: ratings, complaints, per-1,000 rates, percentiles, emergencies, and empty months present', async () => {
    const res = await figures({ communityCodes: [fx.estate.code], from: '2024-01-01', to: '2024-05-31', groupBy: 'MONTH' });
    expect(res.errors).toBeUndefined();
    const common = { community: { code: fx.estate.code }, grid: null, households: 8, surveyScore: null };
    expect(res.data.satisfaction).toEqual([
      { ...common, period: '2024-01', periodStart: '2024-01-01', periodEnd: '2024-01-31', ticketsRaised: 4, ratingCount: 1, averageRating: 5,
        complaintCount: 2, complaintsPer1000Households: 250, ticketsResolved: 3,
        // 300, 600, 1200, 3000 s: the median between 600 and 1200; p90 at 2.7 of 3 steps, 1200 + 0.7 × 1800.
        responseSeconds: { count: 4, p50: 900, p90: 2460 }, emergencyCount: 1, emergencyOnSceneWithinTarget: 1,
        emergencyResponseSeconds: { count: 1, p50: 600, p90: 600 } },
      { ...common, period: '2024-02', periodStart: '2024-02-01', periodEnd: '2024-02-29', ticketsRaised: 4, ratingCount: 2, averageRating: 2.5,
        complaintCount: 2, complaintsPer1000Households: 250, ticketsResolved: 1,
        // 60 and 1500 s (T5 counts in February: raised at 07:00 local on the 1st).
        responseSeconds: { count: 2, p50: 780, p90: 1356 }, emergencyCount: 1, emergencyOnSceneWithinTarget: 0,
        emergencyResponseSeconds: { count: 1, p50: 1500, p90: 1500 } },
      { ...common, period: '2024-03', periodStart: '2024-03-01', periodEnd: '2024-03-31', ticketsRaised: 2, ratingCount: 0, averageRating: null,
        complaintCount: 0, complaintsPer1000Households: 0, ticketsResolved: 1,
        responseSeconds: { count: 1, p50: 100, p90: 100 }, emergencyCount: 1, emergencyOnSceneWithinTarget: 0,
        emergencyResponseSeconds: { count: 0, p50: null, p90: null } },
      { ...common, ...zeros, period: '2024-04', periodStart: '2024-04-01', periodEnd: '2024-04-30', ratingCount: 1, averageRating: 4 },
      { ...common, ...zeros, period: '2024-05', periodStart: '2024-05-01', periodEnd: '2024-05-31' },
    ]);
  });

  it('per grid: grids in code order within each period; public-space tickets only in the estate bucket', async () => {
    const res = await figures({ communityCodes: [fx.estate.code], from: '2024-01-01', to: '2024-06-30', groupBy: 'QUARTER', perGrid: true });
    expect(res.errors).toBeUndefined();
    const common = { community: { code: fx.estate.code }, surveyScore: null, periodStart: expect.any(String), periodEnd: expect.any(String) };
    expect(res.data.satisfaction).toEqual([
      { ...common, period: '2024-Q1', grid: { code: 'G01' }, households: 6, ticketsRaised: 6, ratingCount: 2, averageRating: 3.5,
        complaintCount: 1, complaintsPer1000Households: 166.67, ticketsResolved: 4,
        responseSeconds: { count: 4, p50: 450, p90: 1020 }, emergencyCount: 2, emergencyOnSceneWithinTarget: 0.5,
        emergencyResponseSeconds: { count: 1, p50: 600, p90: 600 } },
      { ...common, period: '2024-Q1', grid: { code: 'G02' }, households: 2, ticketsRaised: 3, ratingCount: 1, averageRating: 3,
        complaintCount: 2, complaintsPer1000Households: 1000, ticketsResolved: 1,
        responseSeconds: { count: 3, p50: 1500, p90: 2700 }, emergencyCount: 1, emergencyOnSceneWithinTarget: 0,
        emergencyResponseSeconds: { count: 1, p50: 1500, p90: 1500 } },
      { ...common, ...zeros, period: '2024-Q2', grid: { code: 'G01' }, households: 6, ratingCount: 1, averageRating: 4 },
      { ...common, ...zeros, period: '2024-Q2', grid: { code: 'G02' }, households: 2 },
    ]);
    const estate = await figures({ communityCodes: [fx.estate.code], from: '2024-01-01', to: '2024-03-31', groupBy: 'QUARTER' });
    expect(estate.data.satisfaction[0]).toMatchObject({ complaintCount: 4, ticketsRaised: 10 });
  });

  it('counts only the days from..to: the first and last bucket cover part of their period', async () => {
    const res = await figures({ communityCodes: [fx.estate.code], from: '2024-01-15', to: '2024-02-10', groupBy: 'MONTH' });
    expect(res.data.satisfaction.map((b: any) => [b.period, b.periodStart, b.periodEnd, b.ticketsRaised])).toEqual([
      ['2024-01', '2024-01-15', '2024-01-31', 2], ['2024-02', '2024-02-01', '2024-02-10', 2],
    ]);
    const year = await figures({ communityCodes: [fx.estate.code], from: '2023-12-01', to: '2025-01-31', groupBy: 'YEAR' });
    expect(year.data.satisfaction.map((b: any) => [b.period, b.periodStart, b.periodEnd, b.ticketsRaised])).toEqual([
      ['2023', '2023-12-01', '2023-12-31', 0], ['2024', '2024-01-01', '2024-12-31', 10], ['2025', '2025-01-01', '2025-01-31', 0],
    ]);
  });

  it('follows ticket changes at once: a rating through the API shows in the figures', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const filter = { communityCodes: [fx.estate.code], from: today, to: today, groupBy: 'YEAR' };
    const before = (await figures(filter)).data.satisfaction[0];
    const resident = tokens.resident;
    const ticket = await submitOk(t, resident, { householdId: fx.estate.gid.household(0), category: 'COMPLAINT' });
    for (const op of ['AcknowledgeTicket', 'StartTicket', 'ResolveTicket']) await actOk(t, op, { ticketId: ticket.id }, tokens.steward);
    await actOk(t, 'RateTicket', { ticketId: ticket.id, score: 3 }, resident);
    const after = (await figures(filter)).data.satisfaction[0];
    expect(after).toMatchObject({
      ticketsRaised: before.ticketsRaised + 1, complaintCount: before.complaintCount + 1, ticketsResolved: before.ticketsResolved + 1,
      ratingCount: before.ratingCount + 1, responseSeconds: { count: before.responseSeconds.count + 1 },
    });
  });
});

describe('after a burst of concurrent changes through the API', () => {
  /** percentile_cont over sorted values: linear between the two nearest ranks. */
  const percentile = (sorted: number[], p: number) => {
    const at = p * (sorted.length - 1);
    const lo = Math.floor(at);
    return sorted[lo] + (at - lo) * ((sorted[Math.ceil(at)] ?? sorted[lo]) - sorted[lo]);
  };

  it('the figures equal a computation from scratch of the rows the database holds', async () => {
    const e = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 4, residentsPerHousehold: 1 });
    const sign = (sub: string, role: string) => t.token({ sub, role: role as never, communities: [e.code] });
    const residents = await Promise.all(e.residents.map((r, i) => sign(e.gid.resident(i), 'RESIDENT')));
    const steward = await sign(e.gid.staff('steward'), 'STAFF');
    const manager = await sign(e.gid.staff('manager'), 'MANAGER');
    const kinds = [['COMPLAINT', 'NORMAL'], ['PLUMBING', 'EMERGENCY'], ['NOISE', 'LOW'], ['COMPLAINT', 'HIGH']];
    const tickets = await Promise.all(residents.flatMap((token, i) => [0, 1].map((k) => {
      const [category, priority] = kinds[(i + k) % kinds.length];
      return submitOk(t, token, { householdId: e.gid.household(i), category, priority }).then((ticket) => ({ ...ticket, token }));
    })));
    const move = (op: string, list: typeof tickets, token?: string, extra = {}) =>
      Promise.all(list.map((k) => actOk(t, op, { ticketId: k.id, ...extra }, token ?? k.token)));
    await move('CancelTicket', tickets.slice(14));
    await move('AcknowledgeTicket', tickets.slice(0, 12), steward);
    await move('StartTicket', tickets.slice(0, 10), steward);
    await move('ResolveTicket', tickets.slice(0, 10), steward);
    await Promise.all([
      ...tickets.slice(0, 6).map((k, i) => actOk(t, 'RateTicket', { ticketId: k.id, score: (i % 5) + 1 }, k.token)),
      move('ReopenTicket', tickets.slice(6, 8), manager),
    ]);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const from = `${today.slice(0, 8)}01`;
    const start = Date.parse(`${from}T00:00:00+08:00`) / 1000;
    const end = Date.parse(`${today}T00:00:00+08:00`) / 1000 + 86400;
    const rows = await sql(t, `select grid_id, category, priority, extract(epoch from created_at)::float8 as created,
        extract(epoch from acknowledged_at)::float8 as ack, extract(epoch from resolved_at)::float8 as resolved,
        extract(epoch from rated_at)::float8 as rated, rating_score, extract(epoch from response_due_at)::float8 as due,
        extract(epoch from cancelled_at)::float8 as cancelled
      from ticket where community_id = ?`, [e.community.id]);
    const within = (at: number | null) => at !== null && at >= start && at < end;
    const raised = rows.filter((r) => within(r.created));
    const rated = rows.filter((r) => within(r.rated));
    const waits = raised.filter((r) => r.ack !== null).map((r) => r.ack - r.created).sort((a, b) => a - b);
    const now = Date.now() / 1000;
    const dispatches = await sql(t, `select extract(epoch from dispatched_at)::float8 as dispatched, extract(epoch from on_scene_at)::float8 as on_scene,
        extract(epoch from target_on_scene_at)::float8 as target from dispatch where community_id = ?`, [e.community.id]);
    const emergencies = dispatches.filter((d) => within(d.dispatched))
      .map((d) => (d.on_scene !== null ? d.on_scene <= d.target : now > d.target ? false : null)).filter((met) => met !== null);
    const complaints = raised.filter((r) => r.category === 'COMPLAINT').length;
    expect(raised.length).toBe(16);

    for (const perGrid of [false, true]) {
      const res = await figures({ communityCodes: [e.code], from, to: today, groupBy: 'MONTH', perGrid }, manager);
      expect(res.errors).toBeUndefined();
      const [bucket] = res.data.satisfaction;
      expect(bucket).toMatchObject({
        ticketsRaised: raised.length, complaintCount: complaints, households: 8,
        ticketsResolved: rows.filter((r) => within(r.resolved)).length, ratingCount: rated.length,
        responseSeconds: { count: waits.length }, emergencyCount: emergencies.length,
      });
      expect(bucket.averageRating).toBeCloseTo(rated.reduce((n, r) => n + r.rating_score, 0) / rated.length, 3);
      expect(bucket.complaintsPer1000Households).toBeCloseTo((complaints * 1000) / 8, 1);
      expect(bucket.responseSeconds.p50).toBeCloseTo(percentile(waits, 0.5), 0);
      expect(bucket.responseSeconds.p90).toBeCloseTo(percentile(waits, 0.9), 0);
      if (emergencies.length === 0) expect(bucket.emergencyOnSceneWithinTarget).toBeNull();
      else expect(bucket.emergencyOnSceneWithinTarget).toBeCloseTo(emergencies.filter(Boolean).length / emergencies.length, 3);
    }
  });
});

describe('one statement per request', () => {
  it.each([
    ['the contract operation', () => ({ communityCodes: [fx.estate.code], from: '2024-01-01', to: '2025-12-31', groupBy: 'QUARTER' })],
    ['per grid, by month', () => ({ communityCodes: [fx.estate.code], from: '2024-01-01', to: '2025-12-31', groupBy: 'MONTH', perGrid: true })],
    ['every estate of the token', () => ({ from: '2020-01-01', to: '2025-12-31', groupBy: 'YEAR' })],
  ])('%s', async (_, filter) => {
    const { result, statements } = await countStatements(t, () => gql(t.url, contract('Satisfaction'), { filter: filter() }, tokens.integratorBoth));
    expect(result.errors).toBeUndefined();
    expect(result.data.satisfaction.length).toBeGreaterThan(1);
    expect(statements).toBe(1);
  });
});

describe('who may read figures', () => {
  const filter = () => ({ communityCodes: [fx.estate.code], from: '2024-01-01', to: '2024-12-31', groupBy: 'YEAR' });

  it.each(['manager', 'steward', 'dispatcher', 'district', 'integrator', 'admin'])('%s reads its estate', async (who) => {
    const res = await figures(filter(), tokens[who]);
    expect(res.errors).toBeUndefined();
    expect(res.data.satisfaction).toHaveLength(1);
  });

  it('no token: UNAUTHENTICATED; a RESIDENT: FORBIDDEN', async () => {
    expectFailure(await figures(filter(), ''), 'UNAUTHENTICATED');
    expectFailure(await figures(filter(), tokens.resident), 'FORBIDDEN');
  });

  it('an estate the token does not cover (or that does not exist) is FORBIDDEN, before any bad value', async () => {
    expectFailure(await figures({ ...filter(), communityCodes: [other.code] }), 'FORBIDDEN');
    expectFailure(await figures({ ...filter(), communityCodes: [fx.estate.code, 'NOPE'] }), 'FORBIDDEN');
    expectFailure(await figures({ ...filter(), communityCodes: ['not a code!'] }), 'FORBIDDEN');
    expectFailure(await figures({ ...filter(), communityCodes: [other.code], to: '2023-01-01' }), 'FORBIDDEN');
    // A token for every estate: a code that names none is a mistake in the value.
    expectFailure(await figures({ ...filter(), communityCodes: ['NOPE'] }, tokens.adminAll), 'BAD_USER_INPUT', 'filter.communityCodes');
  });

  it('without communityCodes: every estate of the token, ordered by code', async () => {
    const res = await figures({ from: '2024-01-01', to: '2024-12-31', groupBy: 'YEAR' }, tokens.integratorBoth);
    expect(res.data.satisfaction.map((b: any) => b.community.code)).toEqual([fx.estate.code, other.code].sort());
  });
});

describe('bad filters: BAD_USER_INPUT naming the field', () => {
  const base = () => ({ communityCodes: [fx.estate.code], from: '2024-01-01', to: '2024-12-31', groupBy: 'MONTH' });
  it.each([
    ['to before from', { to: '2023-12-31' }, 'filter.to'],
    ['more than 120 periods', { from: '2010-01-01', to: '2020-12-31' }, 'filter.to'],
    ['more than 100 estate codes', { communityCodes: Array.from({ length: 101 }, (_, i) => `E${i}`) }, 'filter.communityCodes'],
  ])('%s', async (_, change, field) => {
    expectFailure(await figures({ ...base(), ...change }, tokens.admin), 'BAD_USER_INPUT', field);
  });

  it('a date that is not a calendar date is refused before anything runs', async () => {
    const res = await figures({ ...base(), from: '2024-02-30' });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('surveys', () => {
  const RECORD = `mutation($input: RecordSurveyInput!) { recordSurvey(input: $input) {
    replaced survey { period unit periodStart periodEnd score respondents note community { code } } } }`;
  const record = (input: Record<string, unknown>, token = tokens.manager) => gql(t.url, RECORD, { input: { communityCode: fx.estate.code, ...input } }, token);

  it('a manager records one; recording the same period again replaces it', async () => {
    const first = await record({ period: '2024', score: 79.955, respondents: 120, note: 'first count' });
    expect(first.errors).toBeUndefined();
    expect(first.data.recordSurvey).toEqual({ replaced: false, survey: {
      period: '2024', unit: 'YEAR', periodStart: '2024-01-01', periodEnd: '2024-12-31', score: 79.96, respondents: 120, note: 'first count', community: { code: fx.estate.code },
    } });
    const second = await record({ period: '2024', score: 80, note: 'Third-party survey, 130 households' }, tokens.admin);
    expect(second.data.recordSurvey).toMatchObject({ replaced: true, survey: { score: 80, respondents: null } });
    await record({ period: '2024-Q1', score: 81.5 });
  });

  it('shows on buckets of exactly its period and unit, never on grid buckets', async () => {
    const year = await figures({ communityCodes: [fx.estate.code], from: '2023-01-01', to: '2024-12-31', groupBy: 'YEAR' });
    expect(year.data.satisfaction.map((b: any) => [b.period, b.surveyScore])).toEqual([['2023', null], ['2024', 80]]);
    const quarters = await figures({ communityCodes: [fx.estate.code], from: '2024-01-01', to: '2024-06-30', groupBy: 'QUARTER' });
    expect(quarters.data.satisfaction.map((b: any) => [b.period, b.surveyScore])).toEqual([['2024-Q1', 81.5], ['2024-Q2', null]]);
    const months = await figures({ communityCodes: [fx.estate.code], from: '2024-01-01', to: '2024-03-31', groupBy: 'MONTH' });
    expect(months.data.satisfaction.map((b: any) => b.surveyScore)).toEqual([null, null, null]);
    const grids = await figures({ communityCodes: [fx.estate.code], from: '2024-01-01', to: '2024-03-31', groupBy: 'QUARTER', perGrid: true });
    expect(grids.data.satisfaction.map((b: any) => b.surveyScore)).toEqual([null, null]);
  });

  it('its note is free text: staff read it, DISTRICT and INTEGRATOR get null with FORBIDDEN and the score', async () => {
    const query = `query($filter: SatisfactionFilter!) { satisfaction(filter: $filter) { period surveyScore survey { score note } } }`;
    const filter = { communityCodes: [fx.estate.code], from: '2024-01-01', to: '2024-12-31', groupBy: 'YEAR' };
    const staff = await gql(t.url, query, { filter }, tokens.steward);
    expect(staff.data.satisfaction[0].survey).toEqual({ score: 80, note: 'Third-party survey, 130 households' });
    for (const who of ['district', 'integrator']) {
      const res = await gql(t.url, query, { filter }, tokens[who]);
      expect(res.data.satisfaction[0]).toEqual({ period: '2024', surveyScore: 80, survey: { score: 80, note: null } });
      expect(codes(res)).toEqual(['FORBIDDEN']);
    }
  });

  it('MANAGER of the estate or ADMIN only', async () => {
    const input = { period: '2023', score: 70 };
    expectFailure(await record(input, ''), 'UNAUTHENTICATED');
    for (const who of ['steward', 'dispatcher', 'district', 'integrator', 'resident', 'otherManager']) expectFailure(await record(input, tokens[who]), 'FORBIDDEN');
    expectFailure(await record({ ...input, communityCode: 'NOPE' }), 'NOT_FOUND');
  });

  it.each([
    ['a score above 100', { score: 100.5 }, 'score'],
    ['a negative score', { score: -1 }, 'score'],
    ['a quarter that does not exist', { period: '2024-Q5' }, 'period'],
    ['a month written without its zero', { period: '2024-3' }, 'period'],
    ['a period before 2000', { period: '1999' }, 'period'],
    ['a period that has not started', { period: `${new Date().getUTCFullYear() + 1}` }, 'period'],
    ['no respondents', { respondents: 0 }, 'respondents'],
    ['a note over 1,000 characters', { note: 'x'.repeat(1001) }, 'note'],
  ])('%s', async (_, change, field) => {
    expectFailure(await record({ period: '2023', score: 70, ...change }), 'BAD_USER_INPUT', field);
  });
});
