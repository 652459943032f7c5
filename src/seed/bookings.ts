import type { Knex } from '@mikro-orm/postgresql';
import type { PUBLIC_SPACE_KINDS } from '../entities';
import { toGlobalId } from '../ids';
import { LOCAL_OFFSET_MINUTES } from '../local-time';
import { BulkWriter, type Cell, type ColumnSpec } from './bulk';
import { BOOKING_RATE, ESTATE_PURPOSES, MAX_BOOKING_MINUTES, OPENING_HOURS, PURPOSES } from './programme';
import type { Rng } from './random';

/*
 * A year of bookings of the reference estate's open spaces: hour by hour
 * through each day's opening hours, a booking starts with the kind's rate
 * (weekends busier), lasts one to four hours within the space's longest
 * booking, and never overlaps another confirmed booking or an event's (the
 * database's exclusion constraint holds during the load too). Most are
 * residents'; some are the estate's; about one in twenty was cancelled.
 */

type SpaceKind = (typeof PUBLIC_SPACE_KINDS)[number];
type Row = Record<string, any>;

/** Time ranges already held, per space: [start, end) in seconds since the epoch. */
export type Reserved = Map<number, [number, number][]>;

export interface BookingSeedInput {
  communityId: number;
  year: number;
  spaces: Row[];
  residents: Row[];
  stewards: number[];
  managers: number[];
  reserved: Reserved;
  /** Rows (in `bookingColumns` order) and their BOOKED changes already planned: the events' bookings. */
  fixed: (readonly unknown[])[];
  fixedChanges: (readonly unknown[])[];
  bookingColumns: ColumnSpec;
  changeColumns: ColumnSpec;
  /** Row ids from the booking sequence. */
  allocate(n: number): Promise<number[]>;
}

const LENGTHS = [60, 90, 120, 180, 240];
/** Estate bookings among the rest. */
const ESTATE_SHARE = 0.08;
const CANCELLED = 0.05;

function localEpoch(day: number, time: string): number {
  const [h, m] = time.split(':').map(Number);
  return day * 86400 - LOCAL_OFFSET_MINUTES * 60 + (h! * 60 + m!) * 60;
}

const overlaps = (held: readonly [number, number][], from: number, to: number) => held.some(([a, b]) => a < to && from < b);

/** Writes the events' bookings and a year of others; returns how many bookings it wrote in all. */
export async function seedBookings(trx: Knex.Transaction, rng: Rng, input: BookingSeedInput): Promise<number> {
  const planned: Cell[][] = [];
  const firstDay = Date.UTC(input.year, 0, 1) / 86_400_000;
  const days = (Date.UTC(input.year + 1, 0, 1) - Date.UTC(input.year, 0, 1)) / 86_400_000;
  for (const space of input.spaces) {
    if (space.status !== 'OPEN') continue;
    const kind = space.kind as SpaceKind;
    const longest = MAX_BOOKING_MINUTES[kind] ?? 240;
    const held = input.reserved.get(space.id) ?? [];
    for (let d = 0; d < days; d++) {
      const day = firstDay + d;
      const weekday = ((day + 3) % 7) + 1;
      const rate = BOOKING_RATE[kind] * (weekday >= 6 ? 1.4 : 1);
      for (const [weekdays, opens, closes] of OPENING_HOURS[kind]) {
        if (!weekdays.includes(weekday)) continue;
        const close = localEpoch(day, closes);
        for (let t = localEpoch(day, opens); t + 3600 <= close;) {
          const fits = LENGTHS.filter((m) => m <= longest && t + m * 60 <= close && !overlaps(held, t, t + m * 60));
          if (fits.length === 0 || !rng.chance(rate)) { t += 3600; continue; }
          const ends = t + rng.pick(fits) * 60;
          const estate = rng.chance(ESTATE_SHARE);
          const resident = estate ? null : rng.pick(input.residents);
          const staff = estate ? rng.pick(rng.chance(0.3) ? input.managers : input.stewards) : null;
          const bookedAt = t - rng.int(1, 14) * 86400 - rng.int(0, 36_000);
          const cancelledAt = rng.chance(CANCELLED) ? bookedAt + rng.int(600, t - 3600 - bookedAt) : null;
          planned.push([
            input.communityId, space.id, resident?.id ?? null, resident?.household_id ?? null, staff,
            rng.pick(estate ? ESTATE_PURPOSES : PURPOSES[kind]), rng.int(2, Math.max(2, Math.min(space.capacity, 30))),
            t, ends, cancelledAt === null ? 'CONFIRMED' : 'CANCELLED', bookedAt, cancelledAt,
          ]);
          t = ends + (rng.chance(0.5) ? 0 : 1800);
        }
      }
    }
  }
  // Ids in order of start, after the events' own bookings.
  planned.sort((a, b) => (a[7] as number) - (b[7] as number) || (a[1] as number) - (b[1] as number));
  const ids = await input.allocate(planned.length);
  const bookings = new BulkWriter(trx, 'booking', input.bookingColumns);
  const changes = new BulkWriter(trx, 'booking_change', input.changeColumns);
  for (const row of input.fixed) bookings.push(...(row as Cell[]));
  for (const row of input.fixedChanges) changes.push(...(row as Cell[]));
  planned.forEach((row, i) => {
    const id = ids[i]!;
    bookings.push(id, ...row);
    const [, , resident, , staff] = row as [number, number, number | null, number | null, number | null];
    const actor: [string, string] = resident !== null ? ['RESIDENT', toGlobalId('Resident', resident)]
      : [input.managers.includes(staff!) ? 'MANAGER' : 'STAFF', toGlobalId('Staff', staff!)];
    changes.push(id, input.communityId, 'BOOKED', ...actor, row[10]!);
    if (row[11] !== null) changes.push(id, input.communityId, 'CANCELLED', ...actor, row[11]!);
  });
  await bookings.finish();
  await changes.finish();
  return bookings.rows;
}
