import { Booking, BookingChange, CommunityEvent, OpeningHours, PublicSpace, type Community, type Resident } from '../entities';
import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import { expectGlobalId } from '../ids';
import { allOf, type Condition, type ListSpec, type Now, type PageArgs, type Paged } from './paging';
import { PUBLIC_SPACES_OF_COMMUNITY } from '../lists';

/**
 * Reading public spaces, their opening hours and their bookings. Spaces and
 * hours are public; bookings need a token of the estate (the booking table's
 * rule), and who booked and why is @personal in the SDL.
 */

/** The longest range `PublicSpace.bookings(from, to)` answers: a month of a front desk's screen. */
export const MAX_RANGE_DAYS = 31;

const CONFIRMED: Condition = { sql: `x.status = 'CONFIRMED'`, bindings: [] };

/** Public spaces of an estate, by code; `accessible` narrows to the barrier-free ones (or the others). Public. */
export function communityPublicSpaces(ctx: Context, community: Community, accessible?: boolean | null): Now<PublicSpace[]> {
  // Without the argument, the list the estate's own statement may have read already (lists.ts).
  if (accessible == null) return ctx.loaders.listOf(PUBLIC_SPACES_OF_COMMUNITY, community.id);
  const { entity, foreignKey, orderBy } = PUBLIC_SPACES_OF_COMMUNITY;
  return ctx.loaders.children(entity, foreignKey, orderBy, undefined, { sql: 'x.accessible = ?', bindings: [accessible] }).load(community.id);
}

/** A space's opening intervals, Monday first. Public. */
export function spaceOpeningHours(ctx: Context, space: Pick<PublicSpace, 'id'>): Promise<OpeningHours[]> {
  return ctx.loaders.children(OpeningHours, 'publicSpace', { weekday: 'asc', opensAt: 'asc' }).load(space.id);
}

/**
 * A space by global ID for a change: spaces are public, but acting on one
 * needs a token for its estate; one of another estate answers like one that
 * does not exist.
 */
export async function spaceForChange(ctx: Context, globalId: string, field: string): Promise<PublicSpace> {
  const space = await ctx.loaders.publicSpace.load(expectGlobalId(globalId, 'PublicSpace', field));
  if (!space || !(ctx.viewer.scope === 'ALL' || ctx.viewer.scope.has(space.community.id))) throw notFound('No PublicSpace with this ID is visible to you');
  return space;
}

/** The confirmed bookings of a space overlapping [from, to), by start: its busy slots. */
export function spaceBookings(ctx: Context, space: PublicSpace, from: Date, to: Date): Promise<Booking[]> {
  if (!(to > from)) throw badInput('to must be after from', 'to');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw badInput(`from and to may be at most ${MAX_RANGE_DAYS} days apart`, 'to');
  // The same range test as the exclusion constraint, so its gist index serves it.
  const overlap = allOf([CONFIRMED, {
    sql: 'tstzrange(x.starts_at, x.ends_at) && tstzrange(?::timestamptz, ?::timestamptz)', bindings: [from.toISOString(), to.toISOString()],
  }]);
  return ctx.loaders.children(Booking, 'publicSpace', { startsAt: 'asc', id: 'asc' }, undefined, overlap).load(space.id);
}

const BY_START: ListSpec<Booking> = { entity: Booking, orderBy: ['starts_at', 'id'], parentColumn: 'community_id' };
const LATEST_FIRST: ListSpec<Booking> = { entity: Booking, orderBy: ['starts_at', 'id'], descending: true, parentColumn: 'booker_resident_id' };

/** The estate's confirmed bookings by start (default: those not yet over), for the front desk. */
export function communityBookings(
  ctx: Context, community: Community, filter: { from?: Date | null; to?: Date | null; spaceId?: string | null }, args: PageArgs,
): Paged<Booking> {
  const from = filter.from ?? new Date();
  const conditions: Condition[] = [CONFIRMED, { sql: 'x.ends_at > ?', bindings: [from.toISOString()] }];
  if (filter.to) conditions.push({ sql: 'x.starts_at < ?', bindings: [filter.to.toISOString()] });
  if (filter.spaceId != null) conditions.push({ sql: 'x.public_space_id = ?', bindings: [expectGlobalId(filter.spaceId, 'PublicSpace', 'spaceId')] });
  return ctx.loaders.childPage({ ...BY_START, where: allOf(conditions) }, community.id, args);
}

/** A resident's own bookings, latest start first (the field is @personal). */
export function residentBookings(ctx: Context, resident: Resident, args: PageArgs): Paged<Booking> {
  return ctx.loaders.childPage(LATEST_FIRST, resident.id, args);
}

/** What happened to a booking, oldest first. */
export function bookingChanges(ctx: Context, booking: Pick<Booking, 'id'>): Promise<BookingChange[]> {
  return ctx.loaders.children(BookingChange, 'booking', { id: 'asc' }).load(booking.id);
}

/** The event a booking holds its space for, if any. */
export async function bookingEvent(ctx: Context, booking: Pick<Booking, 'id'>): Promise<CommunityEvent | null> {
  const [event] = await ctx.loaders.children(CommunityEvent, 'booking', { id: 'asc' }).load(booking.id);
  return event ?? null;
}
