import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { CARE_NEEDS, Community, type CareNeed, type StaffRole, PUBLIC_SPACE_KINDS, PUBLIC_SPACE_STATUSES } from '../entities';
import { PhoneIssuer, personName, surname } from './names';
import { Rng } from './random';
import { planSurveys } from './surveys';
import { seedTickets, type TicketSeedSummary } from './tickets';
import { seedCommunityLife, type CommunityLifeSeedSummary } from './community-life';
import { seedProactive, type ProactiveSummary } from './proactive';

/** What one demo load wrote, and how long it took. */
export interface SeedSummary {
  communities: number; buildings: number; grids: number; households: number; residents: number;
  staff: number; publicSpaces: number; specialCareHouseholds: number; tickets: number; ticketEvents: number;
  dispatches: number; dispatchEvents: number; surveys: number;
  bookings: number; groupMembers: number; communityEvents: number; registrations: number;
  carePlans: number; careVisits: number; careEvents: number; patrolRoutes: number; patrolRuns: number; drills: number;
  organisations: number; liaisonMeetings: number; ms: number;
}

type SpaceKind = (typeof PUBLIC_SPACE_KINDS)[number];
type SpaceStatus = (typeof PUBLIC_SPACE_STATUSES)[number];
type SpaceRow = readonly [SpaceKind, string, number, boolean, SpaceStatus?];

interface EstateSpec {
  code: string; name: string; district: string; land: number; floorArea: number;
  households: number; perHousehold: number; grids: number;
  floors: readonly [number, number]; unitsPerFloor: readonly [number, number];
  /** Exact special-care households at scale 1; otherwise 1.5% of households. */
  specialCare?: number;
  managers: number; dispatchers: number; extraSecurity: number; extraMaintenance: number;
  spaces?: readonly SpaceRow[];
}

const DEFAULT_SEED = 20250601;
const BATCH = 1000;
/** Fixed so that repeated loads are byte-identical; the column would otherwise hold now(). */
const ONBOARDED_AT = '2024-01-01T00:00:00Z';
/** Some flats are always between tenants; spreading vacancies makes unit numbers look lived-in. */
const OCCUPANCY = 0.97;
const SQUAD: readonly StaffRole[] = ['STEWARD', 'SECURITY', 'CLEANING', 'MAINTENANCE'];
const CN_DIGITS = [...'零一二三四五六七八九'];

const LIANHUA: EstateSpec = {
  code: 'LH', name: '莲花公共住房小区 Lianhua Public Housing Estate', district: '福田区 Futian District',
  land: 134_700, floorArea: 708_900, households: 12_000, perHousehold: 3, grids: 14,
  floors: [18, 33], unitsPerFloor: [8, 12], specialCare: 212,
  managers: 2, dispatchers: 4, extraSecurity: 6, extraMaintenance: 4,
  spaces: [
    ['ACTIVITY_ROOM', "长者活动室 Seniors' Activity Room", 60, true],
    ['ACTIVITY_ROOM', '青少年活动室 Youth Activity Room', 40, true],
    ['ACTIVITY_ROOM', '文体活动中心 Culture and Sports Hall', 150, true],
    ['SERVICE_STATION', '社区服务站 Community Service Station', 30, true],
    ['MEETING_ROOM', "居民议事厅 Residents' Council Room", 50, true],
    ['ELEVATED_FLOOR_LOUNGE', 'A区架空层邻里客厅 Zone A Elevated-Floor Lounge', 80, true],
    ['ELEVATED_FLOOR_LOUNGE', 'C区架空层邻里客厅 Zone C Elevated-Floor Lounge', 80, true, 'UNDER_RENOVATION'],
    ['ELEVATED_FLOOR_LOUNGE', 'G区架空层邻里客厅 Zone G Elevated-Floor Lounge', 100, true],
    ['ELEVATED_FLOOR_LOUNGE', 'K区架空层邻里客厅 Zone K Elevated-Floor Lounge', 60, true],
    ['GARDEN', '莲花园 Lotus Garden', 300, true],
    ['PAVILION', '荷风亭 Lotus Breeze Pavilion', 30, false],
    ['PLAYGROUND', "儿童乐园 Children's Playground", 60, true],
    ['SPORTS_AREA', '篮球场 Basketball Court', 40, true],
    ['SPORTS_AREA', '健身路径 Fitness Trail', 50, true],
    ['DRYING_AREA', '北区晾晒场 North Drying Area', 20, false],
    ['DRYING_AREA', '南区晾晒场 South Drying Area', 20, true],
  ],
};

/** The operator's other estates: [code, name, district, land, floor area, households, per household, grids, floors, units a floor]. */
const SMALLER: readonly (readonly [string, string, string, number, number, number, number, number, [number, number], [number, number]])[] = [
  ['QHY', '清湖雅苑 Qinghu Yayuan', '龙华区 Longhua District', 48_300, 241_600, 3200, 2.9, 6, [26, 33], [6, 8]],
  ['XL', '西丽安居苑 Xili Anju Court', '南山区 Nanshan District', 36_800, 158_400, 2400, 2.7, 5, [18, 28], [6, 8]],
  ['BJC', '布吉翠竹园 Buji Cuizhu Garden', '龙岗区 Longgang District', 42_100, 127_500, 1800, 3.2, 4, [9, 18], [4, 6]],
  ['SJ', '沙井人才公寓 Shajing Talent Apartments', '宝安区 Bao\'an District', 31_200, 196_000, 4000, 2.1, 8, [28, 33], [10, 12]],
  ['TX', '桃溪花园 Taoxi Garden', '福田区 Futian District', 41_000, 98_400, 1200, 3.1, 3, [7, 9], [4, 6]],
  ['HW', '海湾新村 Haiwan New Village', '南山区 Nanshan District', 52_900, 184_800, 2800, 3.0, 6, [15, 25], [6, 10]],
  ['GM', '光明凤凰苑 Guangming Fenghuang Court', '光明区 Guangming District', 60_300, 241_200, 3600, 2.8, 7, [25, 32], [8, 10]],
  ['PS', '坪山和园 Pingshan Heyuan', '坪山区 Pingshan District', 30_900, 108_000, 1500, 3.1, 3, [18, 26], [4, 6]],
  ['YT', '盐田海景苑 Yantian Haijing Court', '盐田区 Yantian District', 25_400, 76_500, 1000, 2.9, 3, [11, 18], [4, 6]],
  ['LGA', '龙岗安居城 Longgang Anju City', '龙岗区 Longgang District', 55_800, 262_200, 3800, 3.0, 8, [27, 33], [8, 12]],
  ['MJ', '梅林锦园 Meilin Jinyuan', '福田区 Futian District', 33_300, 150_000, 2000, 2.8, 4, [20, 31], [4, 8]],
];

/** Spaces a smaller estate may have; each gets a service station and an activity room plus a few of these. */
const OPTIONAL_SPACES: readonly SpaceRow[] = [
  ['MEETING_ROOM', '居民议事室 Residents\' Meeting Room', 30, true],
  ['ELEVATED_FLOOR_LOUNGE', '架空层邻里客厅 Elevated-Floor Lounge', 60, true],
  ['GARDEN', '中心花园 Central Garden', 150, true],
  ['PAVILION', '听雨亭 Rain Pavilion', 20, false],
  ['PLAYGROUND', "儿童游乐场 Children's Playground", 40, true],
  ['SPORTS_AREA', '乒乓球室 Table Tennis Room', 16, true],
  ['SPORTS_AREA', '健身广场 Fitness Square', 60, true],
  ['DRYING_AREA', '晾晒区 Drying Area', 15, false],
];

const ESTATES: readonly EstateSpec[] = [LIANHUA, ...SMALLER.map(
  ([code, name, district, land, floorArea, households, perHousehold, grids, floors, unitsPerFloor]): EstateSpec => ({
    code, name, district, land, floorArea, households, perHousehold, grids, floors, unitsPerFloor,
    managers: 1, dispatchers: 1, extraSecurity: grids >= 6 ? 2 : 1, extraMaintenance: 1,
  }),
)];

interface Person { name: string; phone: string }
interface HouseholdPlan { unit: string; floor: number; careNeeds: CareNeed[]; residents: Person[] }
interface EstatePlan {
  spec: EstateSpec;
  grids: { code: string; name: string; worker: Person }[];
  staff: (Person & { code: string; role: StaffRole; grid: string | null; onDuty: boolean })[];
  buildings: { code: string; grid: string; floors: number; households: HouseholdPlan[] }[];
  spaces: { code: string; name: string; kind: SpaceKind; capacity: number; accessible: boolean; status: SpaceStatus }[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** 1..99 in Chinese numerals, as grids are named on estate notice boards ("第十四网格"). */
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 0 ? '' : tens === 1 ? '十' : CN_DIGITS[tens] + '十') + (ones === 0 && tens > 0 ? '' : CN_DIGITS[ones]);
}

/** Mostly elderly people living alone, as in the reference estate; about one in ten has a second need. */
function careNeeds(rng: Rng): CareNeed[] {
  const draw = (): CareNeed => {
    const x = rng.next();
    return x < 0.62 ? 'ELDERLY_LIVING_ALONE' : x < 0.77 ? 'DISABILITY' : x < 0.89 ? 'CHRONIC_ILLNESS' : x < 0.97 ? 'LOW_INCOME' : 'OTHER';
  };
  const first = draw();
  const second = rng.chance(0.1) ? draw() : first;
  return CARE_NEEDS.filter((n) => n === first || n === second);
}

/** Household sizes 1–6, then nudged one person at a time until the estate's total is exact. */
function householdSizes(rng: Rng, count: number, target: number, fixed: ReadonlySet<number>): number[] {
  const sizes = Array.from({ length: count }, (_, i) => {
    if (fixed.has(i)) return 1;
    const x = rng.next();
    return x < 0.12 ? 1 : x < 0.36 ? 2 : x < 0.66 ? 3 : x < 0.85 ? 4 : x < 0.95 ? 5 : 6;
  });
  let total = sizes.reduce((a, b) => a + b, 0);
  while (total !== target) {
    const i = rng.int(0, count - 1);
    if (fixed.has(i)) continue;
    if (total < target && sizes[i]! < 6) { sizes[i]!++; total++; }
    else if (total > target && sizes[i]! > 1) { sizes[i]!--; total--; }
  }
  return sizes;
}

/** Everything one estate will contain, computed in memory so the database only sees bulk inserts. */
function planEstate(spec: EstateSpec, rng: Rng, phones: PhoneIssuer, scale: number): EstatePlan {
  const count = Math.max(1, Math.round(spec.households * scale));
  const person = (): Person => ({ name: personName(rng), phone: phones.next(rng) });

  const grids = Array.from({ length: spec.grids }, (_, g) => ({
    code: `G${pad(g + 1, 2)}`, name: `第${chineseNumber(g + 1)}网格`, worker: person(),
  }));

  const staff: EstatePlan['staff'] = [];
  const hire = (role: StaffRole, grid: string | null) =>
    staff.push({ ...person(), code: `${spec.code}-S${pad(staff.length + 1, 4)}`, role, grid, onDuty: false });
  for (const grid of grids) for (const role of SQUAD) hire(role, grid.code);
  for (let i = 0; i < spec.managers; i++) hire('MANAGER', null);
  for (let i = 0; i < spec.dispatchers; i++) hire('DISPATCHER', null);
  for (let i = 0; i < spec.extraSecurity; i++) hire('SECURITY', null);
  for (let i = 0; i < spec.extraMaintenance; i++) hire('MAINTENANCE', null);
  // A fixed share rather than a coin per person, so every estate has about 60% on shift.
  for (const i of rng.sampleIndices(staff.length, Math.round(staff.length * 0.6))) staff[i]!.onDuty = true;
  // The hotline desk is staffed around the clock, so some dispatcher is always on.
  const desk = staff.filter((s) => s.role === 'DISPATCHER');
  if (!desk.some((s) => s.onDuty)) desk[0]!.onDuty = true;

  // Towers are sized to the household count; at a small scale there are still
  // enough of them for every grid to own one, only shorter.
  const [f0, f1] = spec.floors;
  const [u0, u1] = spec.unitsPerFloor;
  const meanCapacity = ((f0 + f1) / 2) * ((u0 + u1) / 2) * OCCUPANCY;
  const natural = Math.ceil(count / meanCapacity);
  const towerCount = Math.max(spec.grids, natural);
  const shrink = natural < spec.grids ? count / (towerCount * meanCapacity) : 1;
  const towers = Array.from({ length: towerCount }, () => ({
    floors: Math.max(1, Math.round(rng.int(f0, f1) * shrink)), perFloor: rng.int(u0, u1),
  }));
  let capacity = towers.reduce((a, t) => a + t.floors * t.perFloor, 0);
  // Short of flats: raise the lower towers first, so heights stay within the profile.
  for (let cap = Math.max(1, Math.round(f1 * shrink)); capacity < count; cap++) {
    for (const tower of towers) {
      if (capacity >= count) break;
      if (tower.floors < Math.min(cap, 120)) { tower.floors++; capacity += tower.perFloor; }
    }
  }

  const vacant = new Set(rng.sampleIndices(capacity, capacity - count));
  const special = new Set(rng.sampleIndices(count, Math.min(count, Math.round((spec.specialCare ?? spec.households * 0.015) * scale))));
  const needs = new Map([...special].map((i) => [i, careNeeds(rng)] as const));
  const alone = new Set([...needs].filter(([, n]) => n.includes('ELDERLY_LIVING_ALONE')).map(([i]) => i));
  const sizes = householdSizes(rng, count, Math.max(count, Math.round(count * spec.perHousehold)), alone);

  // Grids take contiguous runs of towers; a grid's towers share its zone letter (G03 → C1, C2, ...).
  const buildings: EstatePlan['buildings'] = [];
  let slot = 0;
  let index = 0;
  towers.forEach((tower, t) => {
    const g = Math.floor((t * spec.grids) / towerCount);
    const first = Math.ceil((g * towerCount) / spec.grids);
    const households: HouseholdPlan[] = [];
    // "1203" is floor 12, flat 03; a wider floor part only in towers of 100+ floors keeps text order natural.
    const width = Math.max(2, String(tower.floors).length);
    for (let floor = 1; floor <= tower.floors; floor++) {
      for (let room = 1; room <= tower.perFloor; room++) {
        if (vacant.has(slot++)) continue;
        const family = surname(rng);
        const residents = Array.from({ length: sizes[index]! }, (_, r) => ({
          // A spouse keeps their own surname; children and most live-in grandparents share the family's.
          name: personName(rng, r === 1 || (r >= 2 && rng.chance(0.15)) ? surname(rng) : family),
          phone: phones.next(rng),
        }));
        households.push({ unit: pad(floor, width) + pad(room, 2), floor, careNeeds: needs.get(index) ?? [], residents });
        index++;
      }
    }
    buildings.push({ code: `${String.fromCharCode(65 + g)}${t - first + 1}`, grid: grids[g]!.code, floors: tower.floors, households });
  });

  const rows: readonly SpaceRow[] = spec.spaces ?? [
    ['SERVICE_STATION', '社区服务站 Community Service Station', 20, true],
    ['ACTIVITY_ROOM', '社区活动室 Community Activity Room', 40, true],
    ...rng.shuffle(OPTIONAL_SPACES).slice(0, rng.int(2, 5)),
  ];
  const spaces = rows.map(([kind, name, capacity, accessible, status], i) => ({
    code: `PS${pad(i + 1, 2)}`, name, kind, accessible, status: status ?? 'OPEN',
    // The reference estate's capacities are its own; elsewhere rooms vary a little in size.
    capacity: spec.spaces ? capacity : Math.max(5, Math.round((capacity * rng.int(80, 120)) / 500) * 5),
  }));

  return { spec, grids, staff, buildings, spaces };
}

/** Multi-row INSERTs of BATCH rows each, returning the requested columns of every row. */
async function insertRows<R extends object>(trx: Knex.Transaction, table: string, rows: R[], returning: string[] = []) {
  const out: Record<string, any>[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const query = trx(table).insert(rows.slice(i, i + BATCH));
    if (returning.length > 0) out.push(...((await query.returning(returning)) as Record<string, any>[]));
    else await query;
  }
  return out;
}

/** Maps returned rows by natural key, so nothing relies on the order RETURNING hands them back in. */
function idsBy(rows: Record<string, any>[], ...key: string[]): Map<string, number> {
  return new Map(rows.map((r) => [key.map((k) => r[k]).join('/'), r.id as number]));
}

/**
 * How many estates the database holds; the start-up path seeds only when this is 0.
 * @param em a forked entity manager.
 */
export async function communityCount(em: EntityManager): Promise<number> {
  return em.count(Community, {});
}

/**
 * Loads the demo: the reference estate LH (12,000 households, ~36,000 residents,
 * 14 grids, 212 special-care households) and eleven smaller estates run the same way,
 * each with its 2024–2025 ticket history (about 200,000 tickets in all, see tickets.ts),
 * its annual satisfaction surveys 2020–2025 (surveys.ts), and LH's community life: opening
 * hours, groups, the 2025 Spring Festival programme, monthly service days and a year of
 * bookings (see community-life.ts).
 * The same seed always yields the same rows; on an empty database the ids match too.
 * All writes share one transaction (joining the caller's, if any), so a failure leaves nothing.
 * @param em a forked entity manager on an empty database.
 * @param options.seed PRNG seed (default fixed).
 * @param options.scale multiplies households, residents and special-care households of
 *   every estate (default 1), and with the households the ticket history; grids, staff
 *   and public spaces stay as they are.
 */
export async function seedDemo(em: EntityManager, options: { seed?: number; scale?: number } = {}): Promise<SeedSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new Error(`seedDemo: scale must be positive, got ${scale}`);
  const root = new Rng(options.seed ?? DEFAULT_SEED);
  const phones = new PhoneIssuer();
  const plans = ESTATES.map((spec) => planEstate(spec, root.derive(spec.code), phones, scale));

  let history: TicketSeedSummary = { tickets: 0, ticketEvents: 0, dispatches: 0, dispatchEvents: 0 };
  let surveys = 0;
  let life: CommunityLifeSeedSummary = { bookings: 0, groupMembers: 0, communityEvents: 0, registrations: 0 };
  let proactive: ProactiveSummary | null = null;
  await em.transactional(async (tem) => {
    const trx = tem.getTransactionContext<Knex.Transaction>();
    if (!trx) throw new Error('seedDemo: no transaction context');

    const communities = idsBy(await insertRows(trx, 'community', plans.map(({ spec: s }) => ({
      code: s.code, name: s.name, district: s.district, land_area_m2: s.land, floor_area_m2: s.floorArea, created_at: ONBOARDED_AT,
    })), ['id', 'code']), 'code');
    const cid = (p: EstatePlan) => communities.get(p.spec.code)!;

    const grids = idsBy(await insertRows(trx, 'grid', plans.flatMap((p) => p.grids.map((g) => ({
      community_id: cid(p), code: g.code, name: g.name, grid_worker_name: g.worker.name, grid_worker_phone: g.worker.phone,
    }))), ['id', 'community_id', 'code']), 'community_id', 'code');

    await insertRows(trx, 'staff', plans.flatMap((p) => p.staff.map((s) => ({
      community_id: cid(p), grid_id: s.grid === null ? null : grids.get(`${cid(p)}/${s.grid}`)!,
      code: s.code, name: s.name, phone: s.phone, role: s.role, on_duty: s.onDuty,
    }))));
    // Grids and staff point at each other, so stewards are linked once both exist.
    await trx.raw(
      `update grid set steward_id = s.id from staff s
        where s.grid_id = grid.id and s.role = 'STEWARD' and grid.community_id = any(?)`,
      [[...communities.values()]],
    );

    const buildings = idsBy(await insertRows(trx, 'building', plans.flatMap((p) => p.buildings.map((b) => ({
      community_id: cid(p), grid_id: grids.get(`${cid(p)}/${b.grid}`)!, code: b.code, floors: b.floors,
    }))), ['id', 'community_id', 'code']), 'community_id', 'code');
    const bid = (p: EstatePlan, code: string) => buildings.get(`${cid(p)}/${code}`)!;

    const households = idsBy(await insertRows(trx, 'household', plans.flatMap((p) => p.buildings.flatMap((b) => b.households.map((h) => ({
      community_id: cid(p), building_id: bid(p, b.code), unit: h.unit, floor: h.floor, care_needs: h.careNeeds,
    })))), ['id', 'building_id', 'unit']), 'building_id', 'unit');

    await insertRows(trx, 'resident', plans.flatMap((p) => p.buildings.flatMap((b) => b.households.flatMap((h) => {
      const household_id = households.get(`${bid(p, b.code)}/${h.unit}`)!;
      return h.residents.map((r) => ({ community_id: cid(p), household_id, name: r.name, phone: r.phone }));
    }))));

    await insertRows(trx, 'public_space', plans.flatMap((p) => p.spaces.map((s) => ({ community_id: cid(p), ...s }))));

    history = await seedTickets(trx, root, [...communities.values()]);

    surveys = await insertRows(trx, 'satisfaction_survey', planSurveys(root, plans.map((p) => ({
      id: cid(p), code: p.spec.code, households: p.buildings.reduce((n, b) => n + b.households.length, 0),
    }))), ['id']).then((rows) => rows.length);
    // Its own stream of numbers: everything above comes out the same with or without it.
    life = await seedCommunityLife(trx, root.derive('community-life'), [...communities.values()]);
    // Care, patrols, drills and the liaison network, each from its own stream: the rows above come out the same without them.
    proactive = await seedProactive(trx, root, [...communities.values()], phones);
  });
  // Freshly loaded tables have no visibility map and no statistics: index-only scans (the satisfaction
  // figures') would still visit every row, and the planner would guess. VACUUM cannot run inside a
  // transaction, so a load inside the caller's own transaction leaves this to autovacuum.
  if (!em.isInTransaction()) await em.getConnection().execute('vacuum (analyze)');

  const all = <T>(f: (p: EstatePlan) => T[]) => plans.flatMap(f);
  const households = all((p) => p.buildings.flatMap((b) => b.households));
  return {
    communities: plans.length,
    buildings: all((p) => p.buildings).length,
    grids: all((p) => p.grids).length,
    households: households.length,
    residents: households.reduce((a, h) => a + h.residents.length, 0),
    staff: all((p) => p.staff).length,
    publicSpaces: all((p) => p.spaces).length,
    specialCareHouseholds: households.filter((h) => h.careNeeds.length > 0).length,
    ...history,
    surveys,
    ...life,
    ...proactive!,
    ms: Math.round(performance.now() - started),
  };
}
