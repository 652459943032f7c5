/**
 * The estates keep Beijing time: UTC+8 all year, without daylight saving.
 * Opening hours are wall-clock times in it, and monthly figures are cut at its
 * midnights. Instants are stored as timestamptz; only these two read the clock
 * of the wall.
 */
export const LOCAL_OFFSET_MINUTES = 8 * 60;

/** The offset as PostgreSQL reads it in `at time zone interval '…'` (ISO sign: east of UTC is positive). */
export const LOCAL_OFFSET_SQL = '+08:00';

/** A moment on the estate's wall clock. */
export interface LocalClock {
  /** Days since 1970-01-01 (local). */
  day: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** Minutes since local midnight, with fractions for seconds. */
  minute: number;
}

/** Where `at` falls on the estate's wall clock. */
export function localClock(at: Date): LocalClock {
  const minutes = at.getTime() / 60_000 + LOCAL_OFFSET_MINUTES;
  const day = Math.floor(minutes / 1440);
  // 1970-01-01 was a Thursday (ISO 4).
  return { day, weekday: ((((day + 3) % 7) + 7) % 7) + 1, minute: minutes - day * 1440 };
}

/** `HH:MM[:SS]` (24:00 allowed) as minutes since midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** Minutes since midnight as `HH:MM`. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(Math.round(minutes % 60)).padStart(2, '0')}`;
}
