import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import { encodeCursor } from '../src/events/log';
import { hhmm, minutesOf } from '../src/local-time';
import * as spaces from '../src/services/spaces';
import * as bookings from '../src/services/bookings';
import { WEEKDAYS } from '../src/services/booking-rules';
import type { BookingChange } from '../src/entities';
import { required } from './estates';

/** The log position each streamed booking change was read at, for its `cursor` field (see resolvers/community-life.ts). */
export const bookingStreamCursors = new WeakMap<BookingChange, number>();

export const spaceResolvers: Resolvers = {
  Mutation: {
    bookSpace: (_, { input }, ctx) => bookings.bookSpace(ctx, input).then(payload),
    cancelBooking: (_, { input }, ctx) => bookings.cancelBooking(ctx, input).then(payload),
  },
  Community: {
    publicSpaces: (c, { accessible }, ctx) => spaces.communityPublicSpaces(ctx, c, accessible),
    bookings: (c, { from, to, spaceId, ...args }, ctx) => spaces.communityBookings(ctx, c, { from: date(from), to: date(to), spaceId }, args),
  },
  Resident: {
    bookings: (r, args, ctx) => spaces.residentBookings(ctx, r, args),
  },
  PublicSpace: {
    id: (s) => toGlobalId('PublicSpace', s.id),
    community: (s, _, ctx) => ctx.loaders.community.load(s.community.id).then(required),
    openingHours: (s, _, ctx) => spaces.spaceOpeningHours(ctx, s),
    bookings: (s, { from, to }, ctx) => spaces.spaceBookings(ctx, s, new Date(from), new Date(to)),
  },
  OpeningHours: {
    weekday: (h) => WEEKDAYS[h.weekday - 1],
    opens: (h) => hhmm(minutesOf(h.opensAt)),
    closes: (h) => hhmm(minutesOf(h.closesAt)),
  },
  Booking: {
    id: (b) => toGlobalId('Booking', b.id),
    space: (b, _, ctx) => ctx.loaders.publicSpace.load(b.publicSpace.id).then(required),
    community: (b, _, ctx) => ctx.loaders.community.load(b.community.id).then(required),
    booker: (b, _, ctx) => (b.bookerResident ? ctx.loaders.resident.load(b.bookerResident.id) : null),
    bookedBy: (b, _, ctx) => (b.bookedByStaff ? ctx.loaders.staff.load(b.bookedByStaff.id) : null),
    event: (b, _, ctx) => spaces.bookingEvent(ctx, b),
    changes: (b, _, ctx) => spaces.bookingChanges(ctx, b),
  },
  BookingChange: {
    id: (c) => Buffer.from(`BookingChange:${c.id}`).toString('base64url'),
    cursor: async (c, _, ctx) => {
      const id = bookingStreamCursors.get(c) ?? (await ctx.loaders.logIdByBookingChange.load(c.id));
      return id === null ? null : encodeCursor(id);
    },
    booking: (c, _, ctx) => ctx.loaders.booking.load(c.booking.id).then(required),
  },
};

/** A mutation's answer: the booking and the stream cursor of the last change it appended. */
function payload({ booking, logId }: bookings.BookingResult) {
  return { booking, cursor: logId === null ? null : encodeCursor(logId) };
}

function date(value: Date | string | null | undefined): Date | null {
  return value == null ? null : new Date(value);
}
