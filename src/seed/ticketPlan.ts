import { TICKET_CATEGORIES, type StaffRole, type TicketCategory, type TicketChannel, type TicketPriority } from '../entities';
import { weighted, type Rng } from './random';
import { apportion, MONTHS, monthlyCounts, raisedAt } from './ticketCalendar';
import { cancelNote, language, place, ratingComment, reopenNote, ticketText, type Lang } from './ticketText';
import { drawTimeline, type Actor, type TicketActors, type Timeline } from './ticketTimeline';

/** One estate as the database holds it, indexed for drawing tickets. */
export interface EstateData {
  id: number; code: string;
  households: { id: number; building: number; unit: string; floor: number; care: boolean; residents: number[] }[];
  buildings: { id: number; grid: number; code: string; floors: number }[];
  /** Squad staff ids per grid and role. */
  grids: { id: number; squad: Map<StaffRole, number[]> }[];
  /** Staff not tied to a grid, by role: managers, the dispatch desk, estate-wide crews. */
  estateStaff: Map<StaffRole, number[]>;
  spaces: { id: number; name: string }[];
  /** Every resident's id and household index, so a draw favours larger households. */
  residents: { id: number; household: number }[];
}

export interface SlaTargets { responseSeconds: number; resolveSeconds: number }

/** A ticket ready to number and insert. Times are whole seconds since the epoch. */
export interface PlannedTicket {
  communityId: number; created: number; category: TicketCategory; priority: TicketPriority; channel: TicketChannel;
  title: string; description: string; lang: Lang;
  buildingId: number | null; householdId: number | null; spaceId: number | null; gridId: number | null;
  reporterResidentId: number | null; reporterStaffId: number | null; assigneeId: number;
  timeline: Timeline; actors: TicketActors; sla: SlaTargets;
  notes: { cancel: string | null; reopen: string | null; rating: string | null };
  score: number | null; year: number; seq: number; number: string;
  /** How well the ticket went, for handing out ratings: higher is better. */
  quality: number;
}

/** Tickets per household over the two years: ~200,000 for the operator's ~39,300 households. */
const PER_HOUSEHOLD = 5.09;

type Kind = 'HOUSEHOLD' | 'BUILDING' | 'SPACE';
const w = <T>(pairs: [T, number][]) => weighted(pairs);
const P = (l: number, n: number, h: number, e: number) => w<TicketPriority>([['LOW', l], ['NORMAL', n], ['HIGH', h], ['EMERGENCY', e]]);
const K = (h: number, b: number, s: number) => w<Kind>([['HOUSEHOLD', h], ['BUILDING', b], ['SPACE', s]]);

/** Priority and location mix per category; emergencies total about 1.6% of tickets. */
const MIX: Record<TicketCategory, { priority: (r: Rng) => TicketPriority; kind: (r: Rng) => Kind; crew: StaffRole }> = {
  PLUMBING: { priority: P(12, 78, 8, 2), kind: K(85, 11, 4), crew: 'MAINTENANCE' },
  ELECTRICAL: { priority: P(12, 76, 10, 2), kind: K(70, 22, 8), crew: 'MAINTENANCE' },
  ELEVATOR: { priority: P(4, 76, 16, 4), kind: K(0, 1, 0), crew: 'MAINTENANCE' },
  CLEANING: { priority: P(40, 57, 3, 0), kind: K(0, 70, 30), crew: 'CLEANING' },
  SECURITY: { priority: P(8, 72, 17, 3), kind: K(25, 50, 25), crew: 'SECURITY' },
  NOISE: { priority: P(35, 62, 3, 0), kind: K(80, 12, 8), crew: 'SECURITY' },
  PARKING: { priority: P(45, 52, 3, 0), kind: K(0, 75, 25), crew: 'SECURITY' },
  FIRE_SAFETY: { priority: P(0, 45, 35, 20), kind: K(15, 75, 10), crew: 'SECURITY' },
  COMPLAINT: { priority: P(8, 84, 8, 0), kind: K(75, 17, 8), crew: 'STEWARD' },
  SUGGESTION: { priority: P(88, 12, 0, 0), kind: K(55, 10, 35), crew: 'STEWARD' },
  CARE: { priority: P(6, 76, 18, 0), kind: K(1, 0, 0), crew: 'STEWARD' },
  OTHER: { priority: P(45, 53, 2, 0), kind: K(65, 22, 13), crew: 'STEWARD' },
};

const CHANNELS: readonly TicketChannel[] = ['HOTLINE', 'APP', 'WALK_IN', 'PATROL', 'GRID_WORKER'];
/**
 * Channel weights in the order above; emergencies come in by phone, care needs through the grid
 * worker, complaints and suggestions ("VOICE") from residents themselves, never from a patrol.
 */
const CHANNEL_MIX = {
  EMERGENCY: [80, 6, 2, 12, 0], CARE: [35, 12, 15, 0, 38], VOICE: [40, 45, 15, 0, 0],
  HOUSEHOLD: [38, 45, 9, 2, 6], BUILDING: [30, 32, 5, 28, 5], SPACE: [22, 35, 10, 31, 2],
} as const;
const channelPickers = new Map<string, (rng: Rng) => TicketChannel>();
function channelPicker(key: keyof typeof CHANNEL_MIX, month: number) {
  const id = `${key}/${month}`;
  let pick = channelPickers.get(id);
  if (!pick) {
    // The app's share grows over the two years as more residents sign up.
    const appGrowth = 0.85 + (0.3 * month) / (MONTHS - 1);
    pick = weighted(CHANNELS.map((ch, i) => [ch, CHANNEL_MIX[key][i]! * (ch === 'APP' ? appGrowth : 1)] as const));
    channelPickers.set(id, pick);
  }
  return pick;
}
const PATROL_ROLES = w<StaffRole>([['STEWARD', 40], ['SECURITY', 30], ['CLEANING', 20], ['MAINTENANCE', 10]]);

const staffActor = (id: number, role: StaffRole): Actor =>
  ({ role: role === 'DISPATCHER' ? 'DISPATCHER' : role === 'MANAGER' ? 'MANAGER' : 'STAFF', staffId: id, residentId: null });
const residentActor = (id: number): Actor => ({ role: 'RESIDENT', staffId: null, residentId: id });

const utcYear = (seconds: number) => new Date(seconds * 1000).getUTCFullYear();

/** Roughly normal noise (mean 0, sd 0.5) without trigonometry. */
const noise = (rng: Rng) => rng.next() + rng.next() + rng.next() - 1.5;

/**
 * Draws two years of tickets for one estate, in no particular order; the caller
 * numbers them. Everything comes from `rng`, so one estate's history never
 * depends on another's.
 * @param options.volume multiplies the estate's tickets per household (1 for LH).
 * @param options.reform share of the reference estate's complaint drop (1 for LH).
 */
export function planEstateTickets(
  estate: EstateData, rng: Rng, sla: Record<TicketPriority, SlaTargets>,
  options: { volume: number; reform: number },
): PlannedTicket[] {
  const total = Math.round(estate.households.length * PER_HOUSEHOLD * options.volume);
  const counts = monthlyCounts(total, options.reform);
  const careHomes = estate.households.map((h, i) => (h.care ? i : -1)).filter((i) => i >= 0);
  const role = (map: Map<StaffRole, number[]>, r: StaffRole) => map.get(r) ?? [];
  const dispatchers = role(estate.estateStaff, 'DISPATCHER');
  const managers = role(estate.estateStaff, 'MANAGER');
  const stewards = estate.grids.flatMap((g) => role(g.squad, 'STEWARD'));
  const out: PlannedTicket[] = [];

  for (let m = 0; m < MONTHS; m++) {
    TICKET_CATEGORIES.forEach((category, c) => {
      for (let k = 0; k < counts[m]![c]!; k++) {
        const mix = MIX[category];
        const priority = mix.priority(rng);
        const created = raisedAt(rng, m, category, priority === 'EMERGENCY');
        let kind = mix.kind(rng);

        // The person behind the ticket; for care requests, mostly a special-care household.
        let resident = rng.pick(estate.residents);
        if (category === 'CARE' && careHomes.length > 0 && rng.chance(0.85)) {
          const home = rng.pick(careHomes);
          resident = { id: rng.pick(estate.households[home]!.residents), household: home };
        }
        const household = estate.households[resident.household]!;
        const building = estate.buildings[household.building]!;
        const grid = estate.grids[building.grid]!;
        const space = kind === 'SPACE' ? rng.pick(estate.spaces) : null;
        if (space === null && kind === 'SPACE') kind = 'BUILDING';

        const mixKey = priority === 'EMERGENCY' ? 'EMERGENCY' : category === 'CARE' ? 'CARE'
          : category === 'COMPLAINT' || category === 'SUGGESTION' ? 'VOICE' : kind;
        const channel = channelPicker(mixKey, m)(rng);

        let reporterStaff: { id: number; role: StaffRole } | null = null;
        if (channel === 'PATROL') {
          const security = role(estate.estateStaff, 'SECURITY');
          const r = kind === 'SPACE' ? 'SECURITY' : PATROL_ROLES(rng);
          const pool = kind === 'SPACE' ? (security.length > 0 ? security : stewards) : role(grid.squad, r);
          reporterStaff = { id: rng.pick(pool), role: kind === 'SPACE' && security.length === 0 ? 'STEWARD' : r };
        }
        const reporterResident =
          channel === 'PATROL' ? null
          : channel === 'HOTLINE' ? (rng.chance(priority === 'EMERGENCY' ? 0.7 : 0.86) ? resident.id : null)
          : channel === 'GRID_WORKER' ? (kind === 'HOUSEHOLD' ? resident.id : null)
          : resident.id;

        // Walk-ins and the grid worker's reports are entered by the grid's steward.
        const submitter =
          channel === 'APP' ? residentActor(resident.id)
          : channel === 'HOTLINE' ? staffActor(rng.pick(dispatchers), 'DISPATCHER')
          : channel === 'PATROL' ? staffActor(reporterStaff!.id, reporterStaff!.role)
          : staffActor(rng.pick(kind === 'SPACE' ? stewards : role(grid.squad, 'STEWARD')), 'STEWARD');
        const desk = category === 'COMPLAINT' && rng.chance(0.6)
          ? staffActor(rng.pick(managers), 'MANAGER') : staffActor(rng.pick(dispatchers), 'DISPATCHER');

        // The grid's squad member for the category; public spaces belong to no grid, so estate-wide staff
        // take them (the manager where the estate has no crew of that trade).
        const estateCrew = role(estate.estateStaff, mix.crew);
        const assigneeRole: StaffRole = kind === 'SPACE' && estateCrew.length === 0 ? 'MANAGER' : mix.crew;
        const assigneeId = rng.pick(kind !== 'SPACE' ? role(grid.squad, mix.crew) : estateCrew.length > 0 ? estateCrew : managers);

        const lang = language(rng);
        const floor = kind === 'BUILDING' ? rng.int(1, building.floors) : household.floor;
        const where = place(lang, building.code, kind === 'HOUSEHOLD' ? household.unit : null, space?.name ?? null);
        const text = ticketText(rng, category, priority === 'HIGH' || priority === 'EMERGENCY', lang, where, floor);

        const targets = sla[priority];
        const timeline = drawTimeline(rng, {
          created, priority, category, quarter: m / 3 | 0, ...targets, hasResident: reporterResident !== null,
        });
        const residentRole = reporterResident === null ? null : residentActor(reporterResident);
        const byResident = residentRole !== null && rng.chance(0.7);
        const notes = {
          cancel: timeline.cancelledAt === null ? null : cancelNote(rng, lang, byResident),
          reopen: timeline.reopenedAt === null ? null : reopenNote(rng, lang),
          rating: null,
        };
        const quality = noise(rng) - (timeline.responseMissed ? 0.6 : 0) - (timeline.resolveMissed ? 0.9 : 0)
          - (timeline.reopenedAt !== null ? 1.2 : 0) - (category === 'COMPLAINT' ? 0.4 : 0);

        out.push({
          communityId: estate.id, created, category, priority, channel, title: text.title, description: text.description, lang,
          buildingId: kind === 'SPACE' ? null : building.id,
          householdId: kind === 'HOUSEHOLD' ? household.id : null,
          spaceId: space?.id ?? null,
          gridId: kind === 'SPACE' ? null : grid.id,
          reporterResidentId: reporterResident, reporterStaffId: reporterStaff?.id ?? null, assigneeId,
          timeline, sla: targets, notes, quality, score: null, year: utcYear(created), seq: 0, number: '',
          actors: {
            submitter, desk, assignee: staffActor(assigneeId, assigneeRole), resident: residentRole,
            canceller: timeline.cancelledAt === null ? null : byResident ? residentRole : desk,
          },
        });
      }
    });
  }
  return out;
}

/** Score shares for 1..5 with the given mean, from the family p(k) ∝ e^(θk): one mode, a plausible long tail. */
function scoreShares(mean: number): number[] {
  const shares = (theta: number) => {
    const p = [1, 2, 3, 4, 5].map((k) => Math.exp(theta * k));
    const sum = p.reduce((a, b) => a + b, 0);
    return p.map((x) => x / sum);
  };
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (shares(mid).reduce((a, p, k) => a + p * (k + 1), 0) < mean) lo = mid;
    else hi = mid;
  }
  return shares(lo);
}

/** Gives `tickets` whole scores summing to `goal` (as near as 1..5 allows), best scores to the best-run tickets. */
function grade(tickets: PlannedTicket[], goal: number): void {
  const n = tickets.length;
  if (n === 0) return;
  const target = Math.min(5 * n, Math.max(n, goal));
  const counts = apportion(n, scoreShares(target / n));
  // Rounding moved the total a little: shift single scores by one until it is exact.
  let sum = counts.reduce((a, c, k) => a + c * (k + 1), 0);
  for (; sum < target; sum++) { const k = counts.findLastIndex((c, i) => c > 0 && i < 4); counts[k]!--; counts[k + 1]!++; }
  for (; sum > target; sum--) { const k = counts.findIndex((c, i) => c > 0 && i > 0); counts[k]!--; counts[k - 1]!++; }
  tickets.sort((a, b) => b.quality - a.quality || a.created - b.created);
  let next = 0;
  for (let score = 5; score >= 1; score--) {
    for (let i = 0; i < counts[score - 1]!; i++) tickets[next++]!.score = score;
  }
}

/**
 * Hands out the ratings so that each year's average is `targets[year]`, whether
 * a year's ratings are counted by when the ticket was raised or by when it was
 * rated: tickets raised in late December and rated in January are scored at
 * January's level and the rest of their raising year makes up the difference.
 * (That leaves the earlier year, counted by rating date, a hair off.) Then
 * draws the comments, in ticket order, from `rng`.
 */
export function assignRatings(tickets: PlannedTicket[], rng: Rng, targets: Record<number, number>): void {
  const groups = new Map<string, PlannedTicket[]>();
  for (const t of tickets) {
    if (t.timeline.ratedAt === null) continue;
    const key = `${t.year}/${utcYear(t.timeline.ratedAt)}`;
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  for (const [year, mean] of Object.entries(targets).map(([y, m]) => [Number(y), m] as const)) {
    const late = groups.get(`${year}/${year + 1}`) ?? [];
    const own = groups.get(`${year}/${year}`) ?? [];
    const lateGoal = Math.round((targets[year + 1] ?? mean) * late.length);
    grade(late, lateGoal);
    grade(own, Math.round(mean * (own.length + late.length)) - lateGoal);
  }
  for (const t of tickets) if (t.score !== null) t.notes.rating = ratingComment(rng, t.score, t.lang);
}
