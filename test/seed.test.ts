import { openOrm } from '../src/db/orm';
import { seedDemo, type SeedSummary } from '../src/seed/demo';
import { contract, gql } from './helpers/client';
import { createDatabase, dataTables, dropDatabases, killAll, migrateWithCli, rowCounts, runCli, sql } from './helpers/process';
import { startTestServer } from './helpers/server';

afterAll(async () => {
  await killAll();
  await dropDatabases();
});

/** md5 of every table dumped in id order: equal digests mean equal rows, ids included. */
async function tableDigests(url: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  const withId = new Set((await sql(url, `select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'id'`)).map((r) => r.table_name as string));
  for (const table of await dataTables(url)) {
    // Reference tables keyed otherwise (e.g. by priority) are ordered by their whole row.
    const order = withId.has(table) ? 't.id' : 't::text';
    const [row] = await sql(url, `select md5(coalesce(string_agg(t::text, '|' order by ${order}), '')) as digest from "${table}" t`);
    digests[table] = row!.digest;
  }
  return digests;
}

/** Runs seedDemo in this process on the database at `url`. */
async function seedInProcess(url: string, scale: number): Promise<SeedSummary> {
  const orm = await openOrm(url, { poolMax: 2 });
  try {
    return await seedDemo(orm.em.fork(), { scale });
  } finally {
    await orm.close();
  }
}

const without = ({ ms: _ms, ...rest }: SeedSummary) => rest;

describe('seedDemo at a small scale', () => {
  it('writes identical rows into two fresh databases', async () => {
    const [a, b] = await Promise.all([createDatabase('seed_a'), createDatabase('seed_b')]);
    await Promise.all([migrateWithCli(a), migrateWithCli(b)]);
    const first = await seedInProcess(a, 0.05);
    const second = await seedInProcess(b, 0.05);
    expect(without(second)).toEqual(without(first));

    const counts = await rowCounts(a);
    expect(counts).toMatchObject({
      community: first.communities, grid: first.grids, staff: first.staff, building: first.buildings,
      household: first.households, resident: first.residents, public_space: first.publicSpaces,
      satisfaction_survey: first.surveys,
      care_plan: first.carePlans, care_visit: first.careVisits, care_event: first.careEvents, patrol_route: first.patrolRoutes,
      patrol_run: first.patrolRuns, drill: first.drills, resident_organisation: first.organisations, liaison_meeting: first.liaisonMeetings,
    });
    expect(first.surveys).toBe(first.communities * 6);
    expect(first.households).toBeGreaterThan(0);

    const [digestsA, digestsB] = await Promise.all([tableDigests(a), tableDigests(b)]);
    expect(Object.keys(digestsA)).toEqual(expect.arrayContaining(['community', 'grid', 'staff', 'building', 'household', 'resident', 'public_space',
      'care_plan', 'care_visit', 'care_event', 'patrol_route', 'patrol_checkpoint', 'patrol_run', 'patrol_pass', 'drill',
      'resident_organisation', 'organisation_contact', 'reception_member', 'liaison_meeting', 'liaison_meeting_ticket']));
    expect(digestsB).toEqual(digestsA);
  }, 120_000);

  it('leaves the database empty when a write fails part-way', async () => {
    const url = await createDatabase('seed_fail');
    await migrateWithCli(url);
    // A deferred constraint trigger fails at COMMIT, after every insert whatever their order,
    // so all of them must be rolled back together.
    await sql(url, `create function gk_refuse() returns trigger language plpgsql as $$
      begin raise exception 'injected failure'; end $$`);
    await sql(url, `create constraint trigger gk_refuse after insert on community
      deferrable initially deferred for each row execute function gk_refuse()`);

    // Migrations may load reference data of their own: compare with the migrated state, not with zero.
    const before = await rowCounts(url);
    expect(before).toMatchObject({ community: 0, grid: 0, staff: 0, building: 0, household: 0, resident: 0, public_space: 0 });
    await expect(seedInProcess(url, 0.05)).rejects.toThrow(/injected failure/);
    expect(await rowCounts(url)).toEqual(before);
  }, 60_000);
});

describe('`seed` with the real demo data', () => {
  let url: string;

  beforeAll(async () => {
    url = await createDatabase('seed_full');
    await migrateWithCli(url);
    const result = await runCli(['seed'], { DATABASE_URL: url }, 180_000);
    if (result.code !== 0) throw new Error(`seed exited with ${result.code}\n${result.stderr}`);
  }, 200_000);

  const lh = (text: string) => sql(url, text.replace(/:lh/g, `(select id from community where code = 'LH')`));

  it('loads the reference estate LH exactly as promised', async () => {
    const [row] = await lh(`select
      (select count(*) from household where community_id = :lh)::int as households,
      (select count(*) from resident where community_id = :lh)::int as residents,
      (select count(*) from household where community_id = :lh and cardinality(care_needs) > 0)::int as special,
      (select count(*) from grid where community_id = :lh)::int as grids,
      (select count(*) from public_space where community_id = :lh)::int as spaces`);
    expect(row).toEqual({ households: 12_000, residents: 36_000, special: 212, grids: 14, spaces: 16 });
  });

  it('gives every grid of every estate a steward of that grid and a 1+3 squad', async () => {
    const grids = await sql(url, `select c.code as estate, g.code, g.steward_id, s.grid_id = g.id as steward_in_grid, s.role as steward_role,
        (select array_agg(q.role::text order by q.role) from staff q where q.grid_id = g.id) as squad
      from grid g join community c on c.id = g.community_id left join staff s on s.id = g.steward_id order by c.code, g.code`);
    expect(grids.filter((g) => g.estate === 'LH').map((g) => g.code)).toEqual(Array.from({ length: 14 }, (_, i) => `G${String(i + 1).padStart(2, '0')}`));
    for (const grid of grids) {
      expect({ ...grid, steward_id: grid.steward_id !== null }).toEqual({
        estate: grid.estate, code: grid.code, steward_id: true, steward_in_grid: true, steward_role: 'STEWARD',
        squad: ['CLEANING', 'MAINTENANCE', 'SECURITY', 'STEWARD'],
      });
    }
  });

  it('adds 11 more estates with distinct codes, each row in the estate of its parent', async () => {
    const codes = (await sql(url, 'select code from community order by code')).map((r) => r.code as string);
    expect(codes).toHaveLength(12);
    expect(new Set(codes).size).toBe(12);
    expect(codes).toContain('LH');
    // Denormalised community_id columns must agree with the parent row's.
    const [mismatch] = await sql(url, `select
      (select count(*) from resident r join household h on h.id = r.household_id where r.community_id <> h.community_id)::int as residents,
      (select count(*) from household h join building b on b.id = h.building_id where h.community_id <> b.community_id)::int as households,
      (select count(*) from building b join grid g on g.id = b.grid_id where b.community_id <> g.community_id)::int as buildings,
      (select count(*) from staff s join grid g on g.id = s.grid_id where s.community_id <> g.community_id)::int as staff`);
    expect(mismatch).toEqual({ residents: 0, households: 0, buildings: 0, staff: 0 });
  });

  it('dispatched every emergency of the history, on scene within 15 minutes throughout 2025 at LH', async () => {
    const [coverage] = await sql(url, `select
      (select count(*) from ticket k where k.priority = 'EMERGENCY' and k.status <> 'CANCELLED'
         and not exists (select 1 from dispatch d where d.ticket_id = k.id))::int as undispatched,
      (select count(*) from dispatch d join ticket k on k.id = d.ticket_id
         where d.acknowledged_at is distinct from k.acknowledged_at or d.dispatched_at <> k.created_at
            or d.community_id <> k.community_id or d.response_seconds <> extract(epoch from d.on_scene_at - d.dispatched_at))::int as inconsistent,
      (select count(*) from dispatch d where not exists (select 1 from dispatch_unit u where u.dispatch_id = d.id))::int as without_units,
      (select count(*) from ticket_event e join ticket k on k.id = e.ticket_id where e.community_id <> k.community_id)::int as events_elsewhere`);
    expect(coverage).toEqual({ undispatched: 0, inconsistent: 0, without_units: 0, events_elsewhere: 0 });
    const quarters = await lh(`select to_char(d.dispatched_at, 'YYYY-"Q"Q') as quarter, count(*)::int as dispatches,
        count(*) filter (where d.on_scene_at > d.target_on_scene_at)::int as late,
        (select count(*) from dispatch_event e where e.type = 'TARGET_MISSED' and e.dispatch_id = any(array_agg(d.id)))::int as missed_events
      from dispatch d where d.community_id = :lh and d.on_scene_at is not null group by 1 order by 1`);
    expect(quarters.map((q) => q.quarter)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    for (const q of quarters) expect(q.dispatches).toBeGreaterThan(10);
    for (const q of quarters.filter((q) => q.quarter.startsWith('2025'))) expect([q.quarter, q.late]).toEqual([q.quarter, 0]);
    expect(quarters.filter((q) => q.quarter.startsWith('2024')).reduce((n, q) => n + q.late, 0)).toBeGreaterThan(0);
    for (const q of quarters) expect(q.missed_events).toBe(q.late);
  });

  it("publishes the reference estate's figures through the API, as its record has them", async () => {
    const server = await startTestServer({ databaseUrl: url });
    try {
      const token = await server.token({ sub: 'integrator-seed', role: 'INTEGRATOR', communities: ['LH'] });
      const figures = async (from: string, to: string, groupBy: string) => {
        // The contract's selection, and the counts behind the shares.
        const query = contract('Satisfaction').replace('emergencyOnSceneWithinTarget', 'emergencyOnSceneWithinTarget emergencyCount ticketsRaised');
        const res = await gql(server.url, query, { filter: { communityCodes: ['LH'], from, to, groupBy } }, token);
        expect(res.errors).toBeUndefined();
        return new Map<string, any>(res.data.satisfaction.map((b: any) => [b.period, b]));
      };
      const years = await figures('2020-01-01', '2025-12-31', 'YEAR');
      expect([...years.keys()]).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
      // The survey: 84.37 in 2024, 5.57 points above 2023 and about 10 above 2020.
      expect(years.get('2024').surveyScore).toBe(84.37);
      expect(years.get('2024').surveyScore - years.get('2023').surveyScore).toBeCloseTo(5.57, 2);
      expect(years.get('2024').surveyScore - years.get('2020').surveyScore).toBeCloseTo(10, 0);
      // Residents' own ratings came up to the same level a year later: 4.22 of 5 (84.37%) in 2025.
      expect(years.get('2025').averageRating * 20).toBeCloseTo(84.37, 2);
      // Before the ticket history starts, the years are there with nothing in them.
      expect(years.get('2020')).toMatchObject({ ticketsRaised: 0, ratingCount: 0, averageRating: null, complaintCount: 0 });
      expect(years.get('2024').emergencyCount + years.get('2025').emergencyCount).toBeGreaterThan(300);

      const quarters = await figures('2024-01-01', '2025-12-31', 'QUARTER');
      const q4 = quarters.get('2024-Q4');
      const q1 = quarters.get('2025-Q1');
      expect(q1.complaintCount).toBeLessThan(q4.complaintCount);
      expect(q1.complaintCount / q4.complaintCount).toBeCloseTo(0.6, 1);
      expect(q1.complaintsPer1000Households).toBeLessThan(q4.complaintsPer1000Households);
      // Every emergency answered within its 15 minutes from Q1 2025 on.
      for (const q of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']) expect(quarters.get(q).emergencyOnSceneWithinTarget).toBe(1);
      expect(q4.emergencyOnSceneWithinTarget).toBeLessThan(1);
    } finally {
      await server.close();
    }
  });

  it("gives LH's sixteen spaces their hours, a year of bookings that never clash, six groups, the Spring Festival and monthly service days", async () => {
    const [row] = await lh(`select
      (select count(distinct h.public_space_id) from opening_hours h where h.community_id = :lh)::int as spaces_with_hours,
      (select count(*) from booking b where b.community_id = :lh and b.status = 'CONFIRMED')::int as bookings,
      (select count(distinct to_char(b.starts_at at time zone interval '+08:00', 'YYYY-MM')) from booking b where b.community_id = :lh)::int as months,
      (select count(*) from booking b where b.community_id = :lh and not exists (select 1 from opening_hours h
         where h.public_space_id = b.public_space_id and h.weekday = extract(isodow from b.starts_at at time zone interval '+08:00')
           and (b.starts_at at time zone interval '+08:00')::time >= h.opens_at
           and (b.starts_at at time zone interval '+08:00')::time::interval + (b.ends_at - b.starts_at) <= h.closes_at::interval))::int as outside_hours,
      (select count(*) from booking a join booking b on a.public_space_id = b.public_space_id and a.id < b.id
         and a.status = 'CONFIRMED' and b.status = 'CONFIRMED' and a.starts_at < b.ends_at and b.starts_at < a.ends_at)::int as clashes,
      (select count(*) from booking b join booking_change c on c.booking_id = b.id and c.type = 'BOOKED' where b.community_id = :lh)::int as booked_changes,
      (select count(*) from booking b where b.community_id = :lh)::int as all_bookings,
      (select count(*) from resident_group g where g.community_id = :lh)::int as groups,
      (select count(distinct g.theme) from resident_group g where g.community_id = :lh)::int as themes,
      (select count(*) from group_member m where m.community_id = :lh)::int as members,
      (select count(*) from event_registration r join community_event e on e.id = r.event_id
         where e.community_id = :lh and e.programme = '2025 Spring Festival' and r.status <> 'CANCELLED')::int as festival_registrations,
      (select count(distinct (e.kind, to_char(e.starts_at at time zone interval '+08:00', 'YYYY-MM'))) from community_event e
         where e.community_id = :lh and e.kind in ('FREE_CLINIC', 'HAIRCUT', 'RECEPTION_DAY'))::int as service_days,
      (select count(*) from community_event e left join booking b on b.id = e.booking_id where b.id is null or b.public_space_id <> e.public_space_id
         or b.starts_at <> e.starts_at or b.ends_at <> e.ends_at or b.status <> 'CONFIRMED')::int as events_without_their_booking,
      (select count(*) from (select 1 from community_event e join event_registration r on r.event_id = e.id and r.status = 'CONFIRMED'
         group by e.id, e.capacity having count(*) > e.capacity) x)::int as over_capacity,
      (select count(*) from event_registration r join community_event e on e.id = r.event_id
         where r.attended_at is not null and (r.status <> 'CONFIRMED' or r.attended_at < e.starts_at or r.attended_at >= e.ends_at))::int as odd_attendance`);
    expect(row).toMatchObject({
      spaces_with_hours: 16, months: 12, outside_hours: 0, clashes: 0, booked_changes: row.all_bookings, groups: 6, themes: 6,
      service_days: 36, events_without_their_booking: 0, over_capacity: 0, odd_attendance: 0,
    });
    expect(row.bookings).toBeGreaterThan(5000);
    expect(row.members).toBeGreaterThan(3000);
    expect(row.festival_registrations).toBeGreaterThan(3000);
  });

  it("gives LH's 212 special-care households a year of care visits, made on time almost always", async () => {
    const [plans] = await lh(`select count(distinct p.household_id)::int as households,
        count(*) filter (where p.kind = 'CALL')::int as calls,
        count(*) filter (where not p.active or p.next_due_at < '2026-01-01' or p.next_due_at >= '2026-03-01')::int as off_schedule,
        count(*) filter (where cardinality(h.care_needs) = 0 or h.community_id <> p.community_id)::int as mismatched
      from care_plan p join household h on h.id = p.household_id where p.community_id = :lh`);
    expect(plans).toEqual({ households: 212, calls: 212, off_schedule: 0, mismatched: 0 });
    const [visits] = await lh(`select count(*)::int as visits,
        count(*) filter (where v.outcome = 'DONE' and v.recorded_at <= v.deadline_at)::float / count(*) as on_time,
        count(*) filter (where v.ticket_id is not null or v.household_id <> p.household_id or v.kind <> p.kind)::int as mismatched,
        count(*) filter (where (v.overdue_at is not null) <> (v.recorded_at > v.deadline_at))::int as overdue_wrong,
        count(*) filter (where (select array_agg(e.type::text order by e.id) from care_event e where e.visit_id = v.id)
          <> case when v.overdue_at is null then array['DUE', v.outcome::text] else array['DUE', 'OVERDUE', v.outcome::text] end)::int as timeline_wrong
      from care_visit v join care_plan p on p.id = v.plan_id where v.community_id = :lh and v.due_at >= '2025-01-01' and v.due_at < '2026-01-01'`);
    expect(visits.visits).toBeGreaterThan(15_000);
    expect(visits.on_time).toBeGreaterThan(0.9);
    expect(visits).toMatchObject({ mismatched: 0, overdue_wrong: 0, timeline_wrong: 0 });
  });

  it('walks two patrol routes around the clock at LH, checkpoints in order, few missed', async () => {
    const routes = await lh(`select r.code, r.every_minutes, (select array_agg(c.position order by c.position) from patrol_checkpoint c where c.route_id = r.id) as positions,
        (select count(*) from patrol_run x where x.route_id = r.id)::int as runs
      from patrol_route r where r.community_id = :lh order by r.code`);
    expect(routes.map((r) => [r.code, r.every_minutes])).toEqual([['R1', 120], ['R2', 120]]);
    for (const r of routes) {
      expect(r.positions).toEqual(Array.from({ length: r.positions.length }, (_, i) => i + 1));
      expect(r.runs).toBeGreaterThan(300);
    }
    const [passes] = await sql(url, `select
        count(*) filter (where x.status = 'MISSED')::float / count(*) as missed,
        (select count(*) from patrol_run r where (select count(*) from patrol_pass p where p.run_id = r.id)
          <> (select count(*) from patrol_checkpoint c where c.route_id = r.route_id))::int as incomplete,
        (select count(*) from patrol_pass a join patrol_pass b on b.run_id = a.run_id and b.position > a.position
          where a.passed_at >= b.passed_at)::int as out_of_order,
        (select count(*) from patrol_run r join staff s on s.id = r.staff_id where s.role <> 'SECURITY' or s.community_id <> r.community_id)::int as not_security
      from patrol_pass x`);
    expect(passes.missed).toBeGreaterThan(0);
    expect(passes.missed).toBeLessThan(0.05);
    expect(passes).toMatchObject({ incomplete: 0, out_of_order: 0, not_security: 0 });
  });

  it('holds fire and anti-terror drills every year at every estate, LH quarterly and twice', async () => {
    const years = await lh(`select extract(year from held_at)::int as year, count(*) filter (where kind = 'FIRE')::int as fire,
        count(*) filter (where kind = 'ANTI_TERROR')::int as anti_terror from drill where community_id = :lh group by 1 order by 1`);
    expect(years).toEqual([{ year: 2024, fire: 4, anti_terror: 2 }, { year: 2025, fire: 4, anti_terror: 2 }]);
    const [gaps] = await sql(url, `select count(*)::int as n from community c cross join (values (2024), (2025)) y(year)
      where not exists (select 1 from drill d where d.community_id = c.id and d.kind = 'FIRE' and extract(year from d.held_at) = y.year)`);
    expect(gaps.n).toBe(0);
  });

  it("pairs LH's 3 party branches, 5 committees and 6 groups with its staff, with a reception team and a year of meetings", async () => {
    const organisations = await lh(`select o.kind, count(*)::int as n,
        count(*) filter (where s.community_id = o.community_id)::int as paired,
        count(*) filter (where exists (select 1 from organisation_contact c where c.organisation_id = o.id))::int as with_contacts,
        min((select count(*) from liaison_meeting m where m.organisation_id = o.id and m.held_at >= '2025-01-01' and m.held_at < '2026-01-01'))::int as fewest_meetings
      from resident_organisation o left join staff s on s.id = o.liaison_id where o.community_id = :lh group by 1 order by 1`);
    expect(organisations).toEqual([
      { kind: 'COMMITTEE', n: 5, paired: 5, with_contacts: 5, fewest_meetings: 6 },
      { kind: 'PARTY_BRANCH', n: 3, paired: 3, with_contacts: 3, fewest_meetings: 12 },
      { kind: 'RESIDENT_GROUP', n: 6, paired: 6, with_contacts: 6, fewest_meetings: 4 },
    ]);
    const team = await lh(`select m.role, s.role as staff_role from reception_member m left join staff s on s.id = m.staff_id
      where m.community_id = :lh order by m.role, m.id`);
    expect(team).toEqual([
      { role: 'COMMUNITY_OFFICIAL', staff_role: null }, { role: 'COMMUNITY_OFFICIAL', staff_role: null },
      { role: 'OWNERS_COMMITTEE_CHAIR', staff_role: null }, { role: 'PROJECT_MANAGER', staff_role: 'MANAGER' },
    ]);
    // Reception days are community events: LH's monthly one, with some walk-in tickets of the day and the three days after as its issues.
    const [days] = await lh(`select count(*)::int as n, count(distinct to_char(starts_at at time zone interval '+08:00', 'YYYY-MM'))::int as months,
        (select count(*) from event_issue i join community_event e on e.id = i.event_id where e.community_id = :lh)::int as issues,
        (select count(*) from event_issue i join community_event e on e.id = i.event_id join ticket k on k.id = i.ticket_id
          where e.kind <> 'RECEPTION_DAY' or k.channel <> 'WALK_IN' or k.community_id <> e.community_id or i.community_id <> e.community_id
            or k.created_at < e.starts_at or k.created_at >= e.starts_at + interval '3 days'
            or not exists (select 1 from community_event_change c where c.event_id = e.id and c.ticket_id = k.id and c.type = 'ISSUE_RAISED'))::int as wrong
      from community_event where community_id = :lh and kind = 'RECEPTION_DAY'`);
    expect(days).toMatchObject({ n: 12, months: 12, wrong: 0 });
    expect(days.issues).toBeGreaterThan(5);
    const [links] = await sql(url, `select count(*)::int as n, count(*) filter (where k.community_id <> m.community_id or l.community_id <> m.community_id
        or k.created_at < m.held_at or k.created_at >= m.held_at + interval '3 days')::int as wrong
      from liaison_meeting_ticket l join liaison_meeting m on m.id = l.meeting_id join ticket k on k.id = l.ticket_id`);
    expect(links.n).toBeGreaterThan(100);
    expect(links.wrong).toBe(0);
  });

  it('refuses to seed again and writes nothing', async () => {
    const before = await rowCounts(url);
    const result = await runCli(['seed'], { DATABASE_URL: url });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refusing to seed: the database already holds 12 estate\(s\)/);
    expect(await rowCounts(url)).toEqual(before);
  }, 60_000);
});
