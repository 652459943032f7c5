import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';
import { Household } from './Household';
import { PublicSpace } from './PublicSpace';
import { Resident } from './Resident';
import { Staff } from './Staff';

export const BOOKING_STATUSES = ['CONFIRMED', 'CANCELLED'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_CHANGE_TYPES = ['BOOKED', 'CANCELLED'] as const;
export type BookingChangeType = (typeof BOOKING_CHANGE_TYPES)[number];

/**
 * A public space held for a time range. Two CONFIRMED bookings of one space
 * never overlap: an exclusion constraint over (space, [starts_at, ends_at))
 * decides it in the database (see the migration), so of two concurrent
 * requests for one slot exactly one commits. A resident books for themselves
 * (`bookerResident`, with their household copied for the access rules); staff
 * book for estate events (`bookedByStaff`, no resident). Who booked and why is
 * personal: other residents see the slot as busy, nothing more.
 */
export const Booking = defineEntity({
  name: 'Booking',
  tableName: 'booking',
  indexes: [
    { name: 'booking_space_starts_index', properties: ['publicSpace', 'startsAt', 'id'] },
    { name: 'booking_community_starts_index', properties: ['community', 'startsAt', 'id'] },
    { name: 'booking_booker_starts_index', properties: ['bookerResident', 'startsAt', 'id'] },
    // The rule itself (needs btree_gist). Half-open ranges: one booking may end when the next begins.
    // It also serves "bookings of this space between two times".
    {
      name: 'booking_no_overlap',
      expression: `alter table "booking" add constraint "booking_no_overlap" exclude using gist ("public_space_id" with =, tstzrange("starts_at", "ends_at") with &&) where ("status" = 'CONFIRMED')`,
    },
  ],
  checks: [
    { name: 'booking_range_check', expression: 'starts_at < ends_at' },
    { name: 'booking_attendees_check', expression: 'attendees >= 1' },
    { name: 'booking_cancelled_check', expression: "(status = 'CANCELLED') = (cancelled_at is not null)" },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    publicSpace: () => p.manyToOne(PublicSpace).deleteRule('cascade'),
    /** The resident who booked; null for an estate booking (and after the resident was erased). */
    bookerResident: () => p.manyToOne(Resident).nullable().deleteRule('set null'),
    household: () => p.manyToOne(Household).nullable().index().deleteRule('set null'),
    bookedByStaff: () => p.manyToOne(Staff).nullable().index().deleteRule('set null'),
    purpose: p.string().length(200),
    attendees: p.integer(),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    status: p.enum([...BOOKING_STATUSES]),
    bookedAt: p.datetime(),
    cancelledAt: p.datetime().nullable(),
  },
});
export type Booking = InferEntity<typeof Booking>;

/** One change of a booking. Append-only, like ticket events; the live stream points at these rows. */
export const BookingChange = defineEntity({
  name: 'BookingChange',
  tableName: 'booking_change',
  indexes: [{ name: 'booking_change_booking_index', properties: ['booking', 'id'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    booking: () => p.manyToOne(Booking),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    type: p.enum([...BOOKING_CHANGE_TYPES]),
    actorRole: p.string().length(16),
    actorSubject: p.string().length(200),
    at: p.datetime(),
  },
});
export type BookingChange = InferEntity<typeof BookingChange>;
