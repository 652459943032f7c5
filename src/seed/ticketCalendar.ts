import { TICKET_CATEGORIES, type TicketCategory } from '../entities';
import { weighted, type Rng } from './random';
import { LOCAL_OFFSET } from './ticketTimeline';

/*
 * When demo tickets are raised: how many of each category in each month of
 * 2024–2025, on which days and at what hour. Counts per (month, category) are
 * apportioned exactly rather than drawn, so the quarterly shapes the reference
 * estate publishes come out the same at every scale.
 */

const FIRST_YEAR = 2024;
export const MONTHS = 24;
/** 2024-01-01T00:00:00Z: tickets are numbered by UTC year, so none may fall before it. */
const HISTORY_START = Date.UTC(FIRST_YEAR, 0, 1) / 1000;

/** Share of each category in an average month (relative weights). */
const BASE: Record<TicketCategory, number> = {
  PLUMBING: 20, ELECTRICAL: 12, ELEVATOR: 9, CLEANING: 11, SECURITY: 5, NOISE: 7,
  PARKING: 6, FIRE_SAFETY: 2, COMPLAINT: 7, SUGGESTION: 4, CARE: 5, OTHER: 7,
};

/** Month-of-year multipliers (January first) where a category has a season. */
const SEASON: Partial<Record<TicketCategory, readonly number[]>> = {
  // Cold snaps crack old pipes and water heaters work hardest in winter.
  PLUMBING: [1.45, 1.4, 1.15, 0.95, 0.95, 1.0, 0.85, 0.85, 0.85, 0.9, 1.1, 1.4],
  // Air conditioning overloads old circuits in the summer.
  ELECTRICAL: [0.9, 0.9, 0.9, 0.95, 1.05, 1.2, 1.3, 1.3, 1.15, 0.95, 0.9, 0.9],
  // The humid spring ("回南天") upsets lift electronics.
  ELEVATOR: [0.95, 1.0, 1.15, 1.2, 1.15, 1.0, 0.95, 0.95, 0.95, 0.9, 0.9, 0.95],
  // Spring Festival rubbish and typhoon debris.
  CLEANING: [1.05, 1.3, 1.0, 0.95, 0.95, 1.0, 1.05, 1.2, 1.2, 0.95, 0.9, 0.95],
  // Empty flats over the holidays.
  SECURITY: [1.1, 1.3, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 1.15, 0.95, 1.0],
  // Windows open in summer; fireworks and visitors at Spring Festival.
  NOISE: [0.85, 1.2, 0.85, 0.9, 1.0, 1.15, 1.25, 1.25, 1.1, 0.95, 0.85, 0.85],
};

/**
 * Complaints per quarter, 2024-Q1 to 2025-Q4, relative to the first: the
 * reference estate's steward programme took effect at the turn of 2025
 * (about −38% from Q4 to Q1) and complaints kept falling through the year.
 */
const COMPLAINT_TREND = [1.0, 1.04, 1.08, 1.12, 0.7, 0.64, 0.58, 0.52];

/** Hour-of-day weights (local time): office hours, a lunch dip, an evening bump. */
const HOURS = [0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.45, 0.9, 1.6, 1.9, 1.9, 1.7, 1.2, 1.1, 1.6, 1.7, 1.6, 1.5, 1.4, 1.5, 1.4, 1.1, 0.7, 0.35];
/** Noise is reported when people try to sleep. */
const NOISE_HOURS = [1.2, 0.8, 0.4, 0.2, 0.1, 0.1, 0.3, 0.8, 0.7, 0.6, 0.6, 0.6, 0.8, 0.9, 0.6, 0.5, 0.5, 0.6, 0.8, 1.0, 1.3, 1.6, 1.9, 1.7];
/** Emergencies keep no office hours; they are only somewhat more frequent by day. */
const EMERGENCY_HOURS = HOURS.map((w) => 0.6 + 0.4 * w);

/** Spring Festival and National Day weeks: fewer requests while people are away. */
const HOLIDAYS: readonly (readonly [number, number, number, number])[] = [
  [2024, 1, 10, 17], [2024, 9, 1, 7], [2025, 0, 28, 31], [2025, 1, 1, 4], [2025, 9, 1, 8],
];

const hourPicker = (w: readonly number[]) => weighted(w.map((x, h) => [h, x] as const));
const pickHour = hourPicker(HOURS);
const pickNoiseHour = hourPicker(NOISE_HOURS);
const pickEmergencyHour = hourPicker(EMERGENCY_HOURS);

function dayWeight(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month, day)).getUTCDay();
  const base = weekday === 0 ? 0.62 : weekday === 6 ? 0.72 : 1;
  const holiday = HOLIDAYS.some(([y, m, a, b]) => y === year && m === month && day >= a && day <= b);
  return holiday ? base * 0.65 : base;
}

/** Per month: a day picker and the month's total day weight. */
const CALENDAR = Array.from({ length: MONTHS }, (_, m) => {
  const year = FIRST_YEAR + Math.floor(m / 12);
  const month = m % 12;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const weights = Array.from({ length: days }, (_, d) => [d + 1, dayWeight(year, month, d + 1)] as const);
  return { year, month, pick: weighted(weights), total: weights.reduce((a, [, w]) => a + w, 0) };
});

/** Largest-remainder rounding: integers proportional to `weights` that sum to exactly `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

/**
 * How many tickets of each category each month, for an estate raising `total`.
 * @param reform how much of the reference estate's complaint drop this estate shares (LH: 1).
 * @returns counts indexed [month][category in TICKET_CATEGORIES order].
 */
export function monthlyCounts(total: number, reform: number): number[][] {
  const weights: number[] = [];
  for (let m = 0; m < MONTHS; m++) {
    for (const c of TICKET_CATEGORIES) {
      const trend = c === 'COMPLAINT' ? 1 + reform * (COMPLAINT_TREND[m / 3 | 0]! - 1) : 1;
      weights.push(BASE[c] * (SEASON[c]?.[m % 12] ?? 1) * trend * CALENDAR[m]!.total);
    }
  }
  const flat = apportion(total, weights);
  return Array.from({ length: MONTHS }, (_, m) => flat.slice(m * TICKET_CATEGORIES.length, (m + 1) * TICKET_CATEGORIES.length));
}

/**
 * A moment in month `m` (0 = January 2024) at which a ticket of `category` is raised,
 * in whole seconds since the epoch.
 */
export function raisedAt(rng: Rng, m: number, category: TicketCategory, emergency: boolean): number {
  const { year, month, pick } = CALENDAR[m]!;
  const hours = emergency ? pickEmergencyHour : category === 'NOISE' ? pickNoiseHour : pickHour;
  for (;;) {
    const midnight = Date.UTC(year, month, pick(rng)) / 1000 - LOCAL_OFFSET;
    const at = midnight + hours(rng) * 3600 + rng.int(0, 3599);
    // Early on 1 January 2024 local time is still 2023 in UTC: draw again.
    if (at >= HISTORY_START) return at;
  }
}
