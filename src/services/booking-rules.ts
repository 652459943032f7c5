import type { OpeningHours, PublicSpace } from '../entities';
import { badInput } from '../errors';
import { hhmm, localClock, minutesOf } from '../local-time';

/**
 * When a space may be booked: pure checks of a requested range against the
 * space's opening hours and booking rules, each failure BAD_USER_INPUT naming
 * the field to change. Whether the range is free is not decided here: the
 * database's exclusion constraint decides that when the booking is written.
 */

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** Who the rules are applied for: residents are bound by lead time, the advance window and the maximum length too. */
export type Booker = 'RESIDENT' | 'ESTATE';

/** The time checks, in the order a client fixes them: the range itself, the rules of the space, then its hours. */
export function checkBookingTimes(
  space: Pick<PublicSpace, 'minLeadMinutes' | 'maxAdvanceDays' | 'maxBookingMinutes'>,
  hours: readonly Pick<OpeningHours, 'weekday' | 'opensAt' | 'closesAt'>[],
  startsAt: Date, endsAt: Date, now: Date, booker: Booker,
): void {
  if (!(endsAt > startsAt)) throw badInput('endsAt must be after startsAt', 'endsAt');
  if (!(startsAt > now)) throw badInput('startsAt must be in the future', 'startsAt');
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (booker === 'RESIDENT') {
    const lead = (startsAt.getTime() - now.getTime()) / 60_000;
    if (lead < space.minLeadMinutes) throw badInput(`startsAt must be at least ${space.minLeadMinutes} minutes from now`, 'startsAt');
    if (lead > space.maxAdvanceDays * 1440) throw badInput(`startsAt may be at most ${space.maxAdvanceDays} days ahead`, 'startsAt');
    if (minutes > space.maxBookingMinutes) throw badInput(`A booking of this space lasts at most ${space.maxBookingMinutes} minutes, got ${Math.ceil(minutes)}`, 'endsAt');
  }
  const start = localClock(startsAt);
  // The end on the start day's clock: 1440 is the midnight that ends it.
  const end = start.minute + minutes;
  const today = hours.filter((h) => h.weekday === start.weekday).map((h) => ({ opens: minutesOf(h.opensAt), closes: minutesOf(h.closesAt) }));
  if (today.some((h) => h.opens <= start.minute && end <= h.closes)) return;
  const open = today.length ? `open ${today.sort((a, b) => a.opens - b.opens).map((h) => `${hhmm(h.opens)}–${hhmm(h.closes)}`).join(', ')}` : 'closed';
  throw badInput(`The booking must lie within one opening interval of the space (local time); on ${WEEKDAYS[start.weekday - 1]} it is ${open}`, 'startsAt');
}

/** Attendees between 1 and the space's capacity. */
export function checkAttendees(attendees: number, capacity: number, field = 'attendees'): void {
  if (!Number.isInteger(attendees) || attendees < 1) throw badInput(`${field} must be at least 1`, field);
  if (attendees > capacity) throw badInput(`${field} is ${attendees}, above the space's capacity of ${capacity}`, field);
}
