import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';

export const PUBLIC_SPACE_KINDS = [
  'ACTIVITY_ROOM', 'SERVICE_STATION', 'MEETING_ROOM', 'ELEVATED_FLOOR_LOUNGE', 'GARDEN',
  'PAVILION', 'PLAYGROUND', 'SPORTS_AREA', 'DRYING_AREA',
] as const;
export const PUBLIC_SPACE_STATUSES = ['OPEN', 'UNDER_RENOVATION', 'CLOSED'] as const;

/**
 * A shared space of an estate that residents use and book. The booking rules
 * are the space's own data, so an estate can tighten one room without a
 * release: how long before a booking must be made, how far ahead it may be,
 * and how long one booking may last (they bind residents; staff booking for
 * estate events are bound by opening hours and capacity only).
 */
export const PublicSpace = defineEntity({
  name: 'PublicSpace',
  tableName: 'public_space',
  uniques: [{ properties: ['community', 'code'] }],
  checks: [
    { name: 'public_space_capacity_check', expression: 'capacity >= 0' },
    { name: 'public_space_booking_rules_check', expression: 'min_lead_minutes >= 0 and max_advance_days >= 1 and max_booking_minutes >= 15' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    code: p.string().length(16),
    name: p.string().length(120),
    kind: p.enum([...PUBLIC_SPACE_KINDS]),
    capacity: p.integer(),
    accessible: p.boolean().default(false),
    status: p.enum([...PUBLIC_SPACE_STATUSES]).default('OPEN'),
    /** A resident's booking must start at least this many minutes after it is made. */
    minLeadMinutes: p.integer().default(60),
    /** ... and at most this many days ahead. */
    maxAdvanceDays: p.integer().default(60),
    /** The longest a resident's booking may last. */
    maxBookingMinutes: p.integer().default(240),
  },
});
export type PublicSpace = InferEntity<typeof PublicSpace>;

/**
 * When a space is open, in the estate's local time (see src/local-time.ts):
 * one row per opening interval and ISO weekday (1 Monday … 7 Sunday), so a
 * service station can close for lunch. A weekday without rows is closed; a
 * booking must lie inside one interval of one day. `closes_at` may be 24:00.
 */
export const OpeningHours = defineEntity({
  name: 'OpeningHours',
  tableName: 'opening_hours',
  indexes: [{ name: 'opening_hours_space_index', properties: ['publicSpace', 'weekday', 'opensAt'] }],
  checks: [
    { name: 'opening_hours_weekday_check', expression: '(weekday >= 1) AND (weekday <= 7)' },
    { name: 'opening_hours_order_check', expression: 'opens_at < closes_at' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    publicSpace: () => p.manyToOne(PublicSpace).deleteRule('cascade'),
    weekday: p.smallint(),
    opensAt: p.time(),
    closesAt: p.time(),
  },
});
export type OpeningHours = InferEntity<typeof OpeningHours>;
