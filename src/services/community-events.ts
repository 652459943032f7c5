import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Booking, CommunityEvent, CommunityEventChange, EventRegistration,
  type CommunityEventChangeType, type Resident, type Ticket,
} from '../entities';
import type { CancelEventInput, RegisterForEventInput, RegistrationActionInput, ScheduleEventInput } from '../generated/graphql';
import type { Context } from '../context';
import { AppError, badInput, forbidden, notFound, unauthenticated } from '../errors';
import { expectGlobalId } from '../ids';
import { appendEvents, type LogEntry } from '../events/log';
import { checkAttendees, checkBookingTimes } from './booking-rules';
import { actingFor, actorOf, assertOpen, bookingEntry, cancel, insertBooking, isOverlap, overlapRefusal, type Acting } from './bookings';
import { spaceForChange, spaceOpeningHours } from './spaces';
import { limitedText, lookUp } from './ticket-input';

/**
 * Events in public spaces and registration for them. An event books its space
 * in its own transaction. Every registration change runs with the event's row
 * locked (FOR UPDATE), so confirmed registrations are counted and capped one
 * at a time: however many arrive at once, no more than `capacity` are
 * confirmed, the rest wait in order, and a freed place goes to the first of
 * them in the same transaction that freed it.
 */

export const TITLE_LIMIT = 200;
export const DESCRIPTION_LIMIT = 2000;
export const PROGRAMME_LIMIT = 120;

/** An event after a change, and the log position of the last change appended. */
export interface EventResult {
  event: CommunityEvent;
  logId: number | null;
}

/** A registration after a change, the one that moved up into the place it freed, and the log position. */
export interface RegistrationResult {
  registration: EventRegistration;
  promoted: EventRegistration | null;
  logId: number | null;
}

const hidden = (type: string) => notFound(`No ${type} with this ID is visible to you`);
const invalid = (message: string, from: string, move: string) => new AppError('INVALID_TRANSITION', message, { from, move });

/** The log entry of an event change; a registration's household rides along for filters. */
export function eventEntry(event: CommunityEvent, change: CommunityEventChange, registration: EventRegistration | null = null): LogEntry {
  return {
    kind: 'COMMUNITY_EVENT', communityId: event.community.id, communityEventChangeId: change.id, communityEventId: event.id,
    publicSpaceId: event.publicSpace.id, householdId: registration?.household?.id ?? null, at: change.at,
  };
}

/** An event change, recorded as the viewer. */
export function eventChange(
  em: EntityManager, ctx: Context, event: CommunityEvent, type: CommunityEventChangeType, at: Date,
  related: { registration?: EventRegistration | null; ticket?: Ticket | null } = {},
): CommunityEventChange {
  return em.create(CommunityEventChange, {
    event, community: event.community, registration: related.registration ?? null, ticket: related.ticket ?? null, type, ...actorOf(ctx), at,
  } as never);
}

/** Only staff roles run events; residents take part. */
function staffOnly(acting: Acting, what: string): void {
  if (acting.booker === 'RESIDENT') throw forbidden(`Only staff of the estate ${what}`);
}

/**
 * Schedules an event and books its space in one transaction. The space's
 * status, opening hours and bookings apply as for bookSpace (staff rules: no
 * lead time or length limit); capacity is at most the space's.
 */
export async function scheduleEvent(ctx: Context, input: ScheduleEventInput): Promise<EventResult> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to schedule an event');
  const space = await spaceForChange(ctx, input.spaceId, 'spaceId');
  // The group is looked up before who is acting counts (NOT_FOUND first); a malformed ID is a bad value, refused below.
  const group = await lookUp(input.groupId, 'ResidentGroup', ctx.loaders.residentGroup);
  const acting = await actingFor(ctx, space.community.id, 'schedule events');
  staffOnly(acting, 'schedule events');
  assertOpen(space);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkBookingTimes(space, await spaceOpeningHours(ctx, space), startsAt, endsAt, new Date(), 'ESTATE');
  checkAttendees(input.capacity, space.capacity, 'capacity');
  if (input.groupId != null) expectGlobalId(input.groupId, 'ResidentGroup', 'groupId');
  if (group && group.community.id !== space.community.id) throw badInput('groupId must be a group of the space\'s estate', 'groupId');
  const title = limitedText(input.title, 'title', TITLE_LIMIT, true)!;
  const description = limitedText(input.description, 'description', DESCRIPTION_LIMIT, false);
  const programme = limitedText(input.programme, 'programme', PROGRAMME_LIMIT, false);
  try {
    return await ctx.em.transactional(async (em) => {
      const now = new Date();
      const { booking, change } = await insertBooking(em, ctx, { space, acting, startsAt, endsAt, purpose: title, attendees: input.capacity }, now);
      const event = em.create(CommunityEvent, {
        community: space.community.id, publicSpace: space.id, booking, group: group?.id ?? null, organiser: acting.staff?.id ?? null,
        kind: input.kind, programme, title, description, startsAt, endsAt, capacity: input.capacity, status: 'SCHEDULED', createdAt: now, cancelledAt: null,
      } as never);
      const scheduled = eventChange(em, ctx, event, 'SCHEDULED', now);
      await em.flush();
      return { event, logId: await appendEvents(em, [bookingEntry(booking, change, event.id), eventEntry(event, scheduled)]) };
    });
  } catch (error) {
    if (isOverlap(error)) throw await overlapRefusal(ctx, space, startsAt, endsAt, acting);
    throw error;
  }
}

/** The event a change is about, visible to the viewer, then what else the input names (`lookUps`), and who is acting. */
async function eventFor(ctx: Context, eventId: string, what: string, lookUps?: () => Promise<void>): Promise<{ visible: CommunityEvent; acting: Acting }> {
  if (!ctx.viewer.role) throw unauthenticated(`Sign in to ${what}`);
  const visible = await ctx.loaders.communityEvent.load(expectGlobalId(eventId, 'CommunityEvent', 'eventId'));
  if (!visible) throw hidden('CommunityEvent');
  await lookUps?.();
  return { visible, acting: await actingFor(ctx, visible.community.id, what) };
}

/** The event's row, locked for this transaction: every registration change of one event runs one at a time. */
function lockEvent(em: EntityManager, id: number): Promise<CommunityEvent> {
  return em.findOneOrFail(CommunityEvent, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

function assertOpenForRegistration(event: CommunityEvent, now: Date, move: string): void {
  if (event.status !== 'SCHEDULED') throw invalid('The event was called off', event.status, move);
  if (event.endsAt <= now) throw invalid('The event is over', 'OVER', move);
}

/** Calls off an event that has not ended, and cancels its booking with it. */
export async function cancelEvent(ctx: Context, input: CancelEventInput): Promise<EventResult> {
  const { visible, acting } = await eventFor(ctx, input.eventId, 'cancel events');
  staffOnly(acting, 'cancel events');
  return ctx.em.transactional(async (em) => {
    const event = await lockEvent(em, visible.id);
    const now = new Date();
    assertOpenForRegistration(event, now, 'cancel');
    event.status = 'CANCELLED';
    event.cancelledAt = now;
    const entries: LogEntry[] = [];
    const booking = event.booking ? await em.findOneOrFail(Booking, event.booking.id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    const bookingCancelled = booking?.status === 'CONFIRMED' ? cancel(em, ctx, booking, now) : null;
    const cancelled = eventChange(em, ctx, event, 'CANCELLED', now);
    await em.flush();
    if (booking && bookingCancelled) entries.push(bookingEntry(booking, bookingCancelled, event.id));
    entries.push(eventEntry(event, cancelled));
    return { event, logId: await appendEvents(em, entries) };
  });
}

/**
 * The resident a registration is for, as `lookUp` found `residentId`:
 * residents themselves, staff name one of the estate. The values are checked
 * here, after the event's state; naming someone else was refused before.
 */
function registrant(acting: Acting, residentId: string | null | undefined, named: Resident | null, communityId: number): Resident {
  if (residentId != null) expectGlobalId(residentId, 'Resident', 'residentId');
  if (acting.resident) return acting.resident;
  if (residentId == null) throw badInput('residentId is required when staff register a resident', 'residentId');
  if (named!.community.id !== communityId) throw badInput('residentId must be a resident of the event\'s estate', 'residentId');
  return named!;
}

/**
 * Registers a resident for a scheduled event that has not ended: CONFIRMED
 * while confirmed registrations are below capacity (counted under the event's
 * lock), WAITLISTED otherwise.
 */
export async function registerForEvent(ctx: Context, input: RegisterForEventInput): Promise<RegistrationResult> {
  let named: Resident | null = null;
  const { visible, acting } = await eventFor(ctx, input.eventId, 'register for events', async () => {
    named = await lookUp(input.residentId, 'Resident', ctx.loaders.resident);
  });
  if (acting.resident && named && (named as Resident).id !== acting.resident.id) throw forbidden('Residents register themselves only');
  return ctx.em.transactional(async (em) => {
    const event = await lockEvent(em, visible.id);
    const now = new Date();
    assertOpenForRegistration(event, now, 'register');
    const resident = registrant(acting, input.residentId, named, visible.community.id);
    const [{ confirmed, mine }]: { confirmed: number; mine: number }[] = await em.execute(
      `select count(*) filter (where status = 'CONFIRMED')::int as confirmed,
              count(*) filter (where resident_id = ? and status <> 'CANCELLED')::int as mine
         from event_registration where event_id = ?`, [resident.id, event.id]);
    if (mine > 0) throw badInput('This resident is already registered for this event', 'eventId');
    const status = confirmed < event.capacity ? 'CONFIRMED' : 'WAITLISTED';
    const registration = em.create(EventRegistration, {
      community: event.community, event, resident: resident.id, household: resident.household.id, status,
      registeredAt: now, confirmedAt: status === 'CONFIRMED' ? now : null, cancelledAt: null, attendedAt: null,
    } as never);
    const change = eventChange(em, ctx, event, status === 'CONFIRMED' ? 'REGISTERED' : 'WAITLISTED', now, { registration });
    await em.flush();
    return { registration, promoted: null, logId: await appendEvents(em, [eventEntry(event, change, registration)]) };
  });
}

/** A registration a change is about, visible to the viewer, its event's estate checked against who is acting. */
async function registrationFor(ctx: Context, registrationId: string, what: string): Promise<{ visible: EventRegistration; acting: Acting }> {
  if (!ctx.viewer.role) throw unauthenticated(`Sign in to ${what}`);
  const visible = await ctx.loaders.eventRegistration.load(expectGlobalId(registrationId, 'EventRegistration', 'registrationId'));
  if (!visible) throw hidden('EventRegistration');
  return { visible, acting: await actingFor(ctx, visible.community.id, what) };
}

/**
 * Withdraws a registration (the resident's household, or staff). A place it
 * frees goes to the first waiting registration in the same transaction, with
 * a PROMOTED change of its own.
 */
export async function cancelRegistration(ctx: Context, input: RegistrationActionInput): Promise<RegistrationResult> {
  const { visible, acting } = await registrationFor(ctx, input.registrationId, 'withdraw registrations');
  if (acting.resident && visible.household?.id !== acting.resident.household.id) throw forbidden('Residents withdraw their own household\'s registrations only');
  return ctx.em.transactional(async (em) => {
    // The event first, always: every registration change of an event queues on the same lock.
    const event = await lockEvent(em, visible.event.id);
    const registration = await em.findOneOrFail(EventRegistration, visible.id);
    const now = new Date();
    if (registration.status === 'CANCELLED') throw invalid('The registration is already withdrawn', registration.status, 'cancel');
    if (event.endsAt <= now) throw invalid('The event is over', 'OVER', 'cancel');
    if (registration.attendedAt) throw invalid('Attendance was already recorded', registration.status, 'cancel');
    registration.status = 'CANCELLED';
    registration.cancelledAt = now;
    const changes: [CommunityEventChange, EventRegistration][] = [[eventChange(em, ctx, event, 'REGISTRATION_CANCELLED', now, { registration }), registration]];
    await em.flush();
    let promoted: EventRegistration | null = null;
    if (event.status === 'SCHEDULED') {
      const [{ confirmed }]: { confirmed: number }[] = await em.execute(
        `select count(*)::int as confirmed from event_registration where event_id = ? and status = 'CONFIRMED'`, [event.id]);
      if (confirmed < event.capacity) {
        promoted = await em.findOne(EventRegistration, { event: event.id, status: 'WAITLISTED' }, { orderBy: { id: 'asc' } });
        if (promoted) {
          promoted.status = 'CONFIRMED';
          promoted.confirmedAt = now;
          changes.push([eventChange(em, ctx, event, 'PROMOTED', now, { registration: promoted }), promoted]);
          await em.flush();
        }
      }
    }
    return { registration, promoted, logId: await appendEvents(em, changes.map(([change, r]) => eventEntry(event, change, r))) };
  });
}

/** Records at the door that a CONFIRMED registration's resident came (staff of the estate). */
export async function recordAttendance(ctx: Context, input: RegistrationActionInput): Promise<RegistrationResult> {
  const { visible, acting } = await registrationFor(ctx, input.registrationId, 'record attendance');
  staffOnly(acting, 'record attendance');
  return ctx.em.transactional(async (em) => {
    const event = await lockEvent(em, visible.event.id);
    const registration = await em.findOneOrFail(EventRegistration, visible.id);
    if (event.status !== 'SCHEDULED') throw invalid('The event was called off', event.status, 'attend');
    if (registration.status !== 'CONFIRMED') throw invalid(`Only a CONFIRMED registration attends; this one is ${registration.status}`, registration.status, 'attend');
    if (registration.attendedAt) throw invalid('Attendance was already recorded', 'ATTENDED', 'attend');
    const now = new Date();
    registration.attendedAt = now;
    const change = eventChange(em, ctx, event, 'ATTENDED', now, { registration });
    await em.flush();
    return { registration, promoted: null, logId: await appendEvents(em, [eventEntry(event, change, registration)]) };
  });
}
