import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Booking, BookingChange, type BookingChangeType, type PublicSpace, type Resident, type Staff } from '../entities';
import type { BookSpaceInput, CancelBookingInput } from '../generated/graphql';
import type { Context } from '../context';
import { AppError, forbidden, notFound, spaceUnavailable, unauthenticated } from '../errors';
import { expectGlobalId, toGlobalId } from '../ids';
import { appendEvents, type LogEntry } from '../events/log';
import { rowCondition } from '../access/rows';
import { hhmm, localClock } from '../local-time';
import { checkAttendees, checkBookingTimes, type Booker } from './booking-rules';
import { bookingEvent, spaceForChange, spaceOpeningHours } from './spaces';
import { actingStaff } from './tickets';
import { limitedText } from './ticket-input';

/**
 * Booking public spaces. No double booking is the database's rule (an
 * exclusion constraint over space and time range): this module validates
 * what it can beforehand and maps the constraint's refusal, SQLSTATE 23P01,
 * to SPACE_UNAVAILABLE. Every change appends a BookingChange and its log
 * entry in the same transaction.
 */

/** A booking after a change, and the log position of the last change appended. */
export interface BookingResult {
  booking: Booking;
  logId: number | null;
}

/** Roles that act for the estate (book for events, cancel anyone's booking, run events). */
export const ESTATE_ROLES: readonly string[] = ['STAFF', 'DISPATCHER', 'MANAGER', 'ADMIN'];
export const PURPOSE_LIMIT = 200;

/** Who is acting, once checked against the estate of what they act on. */
export interface Acting {
  booker: Booker;
  resident: Resident | null;
  staff: Staff | null;
}

export function actorOf(ctx: Context): { actorRole: string; actorSubject: string } {
  return { actorRole: ctx.viewer.role!, actorSubject: ctx.viewer.subject! };
}

/**
 * Residents act in their own estate, for themselves; staff roles in the estate
 * they work in (ADMIN anywhere its token covers); DISTRICT and INTEGRATOR
 * never. FORBIDDEN otherwise, naming what was refused.
 */
export async function actingFor(ctx: Context, communityId: number, what: string): Promise<Acting> {
  const { role } = ctx.viewer;
  if (role === 'RESIDENT') {
    const resident = await ctx.loaders.resident.load(ctx.viewer.residentId!);
    if (!resident) throw unauthenticated("The token's subject is not a resident any more");
    if (resident.community.id !== communityId) throw forbidden(`Residents ${what} in their own estate only`);
    return { booker: 'RESIDENT', resident, staff: null };
  }
  if (!role || !ESTATE_ROLES.includes(role)) throw forbidden(`${role} tokens are read-only`);
  const staff = await actingStaff(ctx);
  if (staff && staff.community.id !== communityId) throw forbidden('You work in another estate');
  return { booker: 'ESTATE', resident: null, staff };
}

/** CLOSED and UNDER_RENOVATION spaces cannot be had. */
export function assertOpen(space: Pick<PublicSpace, 'status'>): void {
  if (space.status !== 'OPEN') throw spaceUnavailable(`The space is ${space.status === 'CLOSED' ? 'closed' : 'under renovation'} and cannot be booked`, { status: space.status });
}

/** The log entry of a booking change; `eventId` when the booking holds an event's space, so an organiser's filter sees it. */
export function bookingEntry(booking: Booking, change: BookingChange, eventId: number | null = null): LogEntry {
  return {
    kind: 'BOOKING', communityId: booking.community.id, bookingChangeId: change.id, bookingId: booking.id,
    publicSpaceId: booking.publicSpace.id, communityEventId: eventId, householdId: booking.household?.id ?? null, at: change.at,
  };
}

/** A booking change, recorded as the viewer. */
export function bookingChange(em: EntityManager, ctx: Context, booking: Booking, type: BookingChangeType, at: Date): BookingChange {
  return em.create(BookingChange, { booking, community: booking.community, type, ...actorOf(ctx), at });
}

/** What a new booking holds, checked by the caller. */
export interface NewBooking {
  space: PublicSpace;
  acting: Acting;
  startsAt: Date;
  endsAt: Date;
  purpose: string;
  attendees: number;
}

/**
 * Writes a confirmed booking and its BOOKED change inside the caller's
 * transaction, after re-reading the space's status under a share lock (a
 * space closed meanwhile is SPACE_UNAVAILABLE). An overlap fails here with
 * 23P01: callers map it with `overlapRefusal`.
 */
export async function insertBooking(em: EntityManager, ctx: Context, fields: NewBooking, now: Date): Promise<{ booking: Booking; change: BookingChange }> {
  const [current]: { status: PublicSpace['status'] }[] = await em.execute('select status from public_space where id = ? for share', [fields.space.id]);
  assertOpen(current);
  const { resident, staff } = fields.acting;
  const booking = em.create(Booking, {
    community: fields.space.community.id, publicSpace: fields.space.id,
    bookerResident: resident?.id ?? null, household: resident?.household.id ?? null, bookedByStaff: staff?.id ?? null,
    purpose: fields.purpose, attendees: fields.attendees, startsAt: fields.startsAt, endsAt: fields.endsAt,
    status: 'CONFIRMED', bookedAt: now, cancelledAt: null,
  } as never);
  const change = bookingChange(em, ctx, booking, 'BOOKED', now);
  await em.flush();
  return { booking, change };
}

/** True for the exclusion constraint's refusal: the range overlaps a confirmed booking of the space. */
export function isOverlap(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23P01';
}

/**
 * SPACE_UNAVAILABLE for a range the database refused, saying when the space
 * is taken (every token of the estate may see busy slots). When the clashing
 * booking is the caller's own for exactly this range (a retry of a booking
 * that went through), it says so and gives its id.
 */
export async function overlapRefusal(ctx: Context, space: PublicSpace, startsAt: Date, endsAt: Date, acting: Acting): Promise<AppError> {
  const rule = rowCondition('booking', ctx.viewer);
  const [clash]: { id: number; starts: number; ends: number; resident: number | null; staff: number | null }[] = await ctx.em.fork().execute(
    `select x.id, extract(epoch from x.starts_at)::float8 as starts, extract(epoch from x.ends_at)::float8 as ends,
            x.booker_resident_id as resident, x.booked_by_staff_id as staff
       from booking x where x.public_space_id = ? and x.status = 'CONFIRMED'
        and tstzrange(x.starts_at, x.ends_at) && tstzrange(?::timestamptz, ?::timestamptz) and (${rule.sql})
      order by x.starts_at limit 1`,
    [space.id, startsAt.toISOString(), endsAt.toISOString(), ...rule.bindings]);
  if (!clash) return spaceUnavailable('The space was just booked for this time by someone else');
  const from = new Date(clash.starts * 1000);
  const until = new Date(clash.ends * 1000);
  const mine = (acting.resident !== null && clash.resident === acting.resident.id) || (acting.staff !== null && clash.staff === acting.staff.id);
  if (mine && from.getTime() === startsAt.getTime() && until.getTime() === endsAt.getTime()) {
    return spaceUnavailable('You already hold this booking', { bookingId: toGlobalId('Booking', clash.id), busyFrom: from.toISOString(), busyUntil: until.toISOString() });
  }
  // A booking that runs to midnight ends at 24:00 of its day, not 00:00.
  const end = localClock(until).minute || 1440;
  return spaceUnavailable(`The space is already booked from ${hhmm(localClock(from).minute)} to ${hhmm(end)} (local time)`, {
    busyFrom: from.toISOString(), busyUntil: until.toISOString(),
  });
}

/**
 * Books a space: a resident for themselves, staff for the estate. Checks in
 * the contract's order (see the SDL), then writes; the database decides
 * overlaps, so of concurrent requests for one slot exactly one wins.
 */
export async function bookSpace(ctx: Context, input: BookSpaceInput): Promise<BookingResult> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to book a space');
  const space = await spaceForChange(ctx, input.spaceId, 'spaceId');
  const acting = await actingFor(ctx, space.community.id, 'book spaces');
  assertOpen(space);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkBookingTimes(space, await spaceOpeningHours(ctx, space), startsAt, endsAt, new Date(), acting.booker);
  checkAttendees(input.attendees, space.capacity);
  const purpose = limitedText(input.purpose, 'purpose', PURPOSE_LIMIT, true)!;
  try {
    return await ctx.em.transactional(async (em) => {
      const { booking, change } = await insertBooking(em, ctx, { space, acting, startsAt, endsAt, purpose, attendees: input.attendees }, new Date());
      return { booking, logId: await appendEvents(em, [bookingEntry(booking, change)]) };
    });
  } catch (error) {
    if (isOverlap(error)) throw await overlapRefusal(ctx, space, startsAt, endsAt, acting);
    throw error;
  }
}

/**
 * Cancels a confirmed booking that has not ended: the resident who made it,
 * or staff of the estate. A booking that holds an event's space goes with the
 * event. Refusals: NOT_FOUND, FORBIDDEN, then INVALID_TRANSITION.
 */
export async function cancelBooking(ctx: Context, input: CancelBookingInput): Promise<BookingResult> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to cancel a booking');
  const id = expectGlobalId(input.bookingId, 'Booking', 'bookingId');
  const visible = await ctx.loaders.booking.load(id);
  if (!visible) throw notFound('No Booking with this ID is visible to you');
  const acting = await actingFor(ctx, visible.community.id, 'cancel bookings');
  if (acting.resident && visible.bookerResident?.id !== acting.resident.id) throw forbidden('Residents cancel only the bookings they made');
  if (await bookingEvent(ctx, visible)) throw forbidden('This booking holds an event\'s space: cancel the event instead');
  return ctx.em.transactional(async (em) => {
    const booking = await em.findOneOrFail(Booking, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const now = new Date();
    if (booking.status !== 'CONFIRMED') throw new AppError('INVALID_TRANSITION', 'The booking is already cancelled', { from: booking.status, move: 'cancel' });
    if (booking.endsAt <= now) throw new AppError('INVALID_TRANSITION', 'The booking is over and cannot be cancelled', { from: booking.status, move: 'cancel' });
    const change = cancel(em, ctx, booking, now);
    await em.flush();
    return { booking, logId: await appendEvents(em, [bookingEntry(booking, change)]) };
  });
}

/** Marks a locked booking cancelled and records the change (flushed by the caller). */
export function cancel(em: EntityManager, ctx: Context, booking: Booking, now: Date): BookingChange {
  booking.status = 'CANCELLED';
  booking.cancelledAt = now;
  return bookingChange(em, ctx, booking, 'CANCELLED', now);
}
