/**
 * The estates keep Beijing time: UTC+8 all year, without daylight saving.
 * Opening hours are wall-clock times in it, and figures are cut at its
 * midnights. Instants are stored as timestamptz; this module is the one
 * place that reads the clock of the wall.
 */
export const LOCAL_OFFSET_MINUTES = 8 * 60;

/** The same clock by name, for `at time zone '…'` where PostgreSQL walks calendar periods. */
export const LOCAL_TIME_ZONE = 'Asia/Shanghai';

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

/** The estates' date at `at` (default now), `YYYY-MM-DD`. */
export function localToday(at = new Date()): string {
  return new Date(localClock(at).day * 86_400_000).toISOString().slice(0, 10);
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
