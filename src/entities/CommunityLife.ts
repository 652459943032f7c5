import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Booking } from './Booking';
import { Community } from './Community';
import { Household } from './Household';
import { PublicSpace } from './PublicSpace';
import { Resident } from './Resident';
import { Staff } from './Staff';
import { Ticket } from './Ticket';

export const GROUP_THEMES = ['SENIORS', 'PARENTS_AND_CHILDREN', 'SPORTS', 'CULTURE', 'VOLUNTEERS', 'GARDENING', 'OTHER'] as const;
export type GroupTheme = (typeof GROUP_THEMES)[number];
export const COMMUNITY_EVENT_KINDS = [
  'FESTIVAL', 'CULTURE', 'SPORTS', 'CLASS', 'MEETING', 'VOLUNTEERING', 'FREE_CLINIC', 'HAIRCUT', 'RECEPTION_DAY', 'OTHER',
] as const;
export type CommunityEventKind = (typeof COMMUNITY_EVENT_KINDS)[number];
/** Service days are events of these kinds. */
export const SERVICE_DAY_KINDS: readonly CommunityEventKind[] = ['FREE_CLINIC', 'HAIRCUT', 'RECEPTION_DAY'];
export const COMMUNITY_EVENT_STATUSES = ['SCHEDULED', 'CANCELLED'] as const;
export type CommunityEventStatus = (typeof COMMUNITY_EVENT_STATUSES)[number];
export const REGISTRATION_STATUSES = ['CONFIRMED', 'WAITLISTED', 'CANCELLED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const COMMUNITY_EVENT_CHANGE_TYPES = [
  'SCHEDULED', 'CANCELLED', 'REGISTERED', 'WAITLISTED', 'PROMOTED', 'REGISTRATION_CANCELLED', 'ATTENDED', 'ISSUE_RAISED',
] as const;
export type CommunityEventChangeType = (typeof COMMUNITY_EVENT_CHANGE_TYPES)[number];

/**
 * A themed resident group the estate runs (seniors, parents and children,
 * sports, culture, volunteers, gardening): its leader is a resident, its
 * liaison a member of staff.
 */
export const ResidentGroup = defineEntity({
  name: 'ResidentGroup',
  tableName: 'resident_group',
  uniques: [{ name: 'resident_group_name_unique', properties: ['community', 'name'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    name: p.string().length(120),
    theme: p.enum([...GROUP_THEMES]),
    description: p.string().length(1000).nullable(),
    leader: () => p.manyToOne(Resident).nullable().index().deleteRule('set null'),
    liaison: () => p.manyToOne(Staff).nullable().index().deleteRule('set null'),
    createdAt: p.datetime(),
  },
});
export type ResidentGroup = InferEntity<typeof ResidentGroup>;

/** A resident's membership of a group; it goes with the resident when they are erased. */
export const GroupMember = defineEntity({
  name: 'GroupMember',
  tableName: 'group_member',
  uniques: [{ name: 'group_member_unique', properties: ['group', 'resident'] }],
  indexes: [
    { name: 'group_member_group_index', properties: ['group', 'id'] },
    { name: 'group_member_resident_index', properties: ['resident'] },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    group: () => p.manyToOne(ResidentGroup).deleteRule('cascade'),
    resident: () => p.manyToOne(Resident).deleteRule('cascade'),
    household: () => p.manyToOne(Household).deleteRule('cascade'),
    joinedAt: p.datetime(),
  },
});
export type GroupMember = InferEntity<typeof GroupMember>;

/**
 * Something that happens in a public space: a Spring Festival programme item,
 * a class, a meeting, or a service day (free clinic, haircuts, the operator's
 * reception day). It holds the space through its own booking, made in the
 * same transaction. Registration is capped at `capacity`; later registrations
 * wait in order and move up when a place is freed.
 */
export const CommunityEvent = defineEntity({
  name: 'CommunityEvent',
  tableName: 'community_event',
  uniques: [{ name: 'community_event_booking_unique', properties: ['booking'] }],
  indexes: [
    { name: 'community_event_community_starts_index', properties: ['community', 'startsAt', 'id'] },
    { name: 'community_event_space_index', properties: ['publicSpace'] },
    { name: 'community_event_group_index', properties: ['group'] },
  ],
  checks: [
    { name: 'community_event_range_check', expression: 'starts_at < ends_at' },
    { name: 'community_event_capacity_check', expression: 'capacity >= 1' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    publicSpace: () => p.manyToOne(PublicSpace).deleteRule('cascade'),
    booking: () => p.manyToOne(Booking).nullable().deleteRule('set null'),
    group: () => p.manyToOne(ResidentGroup).nullable().deleteRule('set null'),
    organiser: () => p.manyToOne(Staff).nullable().index().deleteRule('set null'),
    kind: p.enum([...COMMUNITY_EVENT_KINDS]),
    /** A programme it belongs to, e.g. `2025 Spring Festival`. */
    programme: p.string().length(120).nullable(),
    title: p.string().length(200),
    /** scheduleEvent takes 2,000 characters; reception days recorded before they were events brought summaries of up to 4,000. */
    description: p.string().length(4000).nullable(),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    capacity: p.integer(),
    status: p.enum([...COMMUNITY_EVENT_STATUSES]),
    createdAt: p.datetime(),
    cancelledAt: p.datetime().nullable(),
  },
});
export type CommunityEvent = InferEntity<typeof CommunityEvent>;

/**
 * A resident's place at an event: CONFIRMED within capacity, WAITLISTED
 * beyond it (in registration order), or CANCELLED. One live registration per
 * resident and event (a partial unique index); after an erasure the row stays
 * for the figures, without the resident.
 */
export const EventRegistration = defineEntity({
  name: 'EventRegistration',
  tableName: 'event_registration',
  indexes: [
    { name: 'event_registration_event_index', properties: ['event', 'id'] },
    { name: 'event_registration_resident_index', properties: ['resident', 'id'] },
    {
      name: 'event_registration_live_unique',
      expression: `create unique index "event_registration_live_unique" on "event_registration" ("event_id", "resident_id") where "status" <> 'CANCELLED'`,
    },
  ],
  checks: [{ name: 'event_registration_attended_check', expression: "attended_at is null or status = 'CONFIRMED'" }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    event: () => p.manyToOne(CommunityEvent).deleteRule('cascade'),
    resident: () => p.manyToOne(Resident).nullable().deleteRule('set null'),
    household: () => p.manyToOne(Household).nullable().index().deleteRule('set null'),
    status: p.enum([...REGISTRATION_STATUSES]),
    registeredAt: p.datetime(),
    confirmedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    attendedAt: p.datetime().nullable(),
  },
});
export type EventRegistration = InferEntity<typeof EventRegistration>;

/** One change of an event or of a registration for it. Append-only; the live stream points at these rows. */
export const CommunityEventChange = defineEntity({
  name: 'CommunityEventChange',
  tableName: 'community_event_change',
  indexes: [{ name: 'community_event_change_event_index', properties: ['event', 'id'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    event: () => p.manyToOne(CommunityEvent),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    registration: () => p.manyToOne(EventRegistration).nullable().index(),
    ticket: () => p.manyToOne(Ticket).nullable(),
    type: p.enum([...COMMUNITY_EVENT_CHANGE_TYPES]),
    actorRole: p.string().length(16),
    actorSubject: p.string().length(200),
    at: p.datetime(),
  },
});
export type CommunityEventChange = InferEntity<typeof CommunityEventChange>;

/** An issue a resident raised at a reception day: the WALK_IN ticket it became. */
export const EventIssue = defineEntity({
  name: 'EventIssue',
  tableName: 'event_issue',
  uniques: [{ name: 'event_issue_ticket_unique', properties: ['ticket'] }],
  indexes: [{ name: 'event_issue_event_index', properties: ['event', 'id'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    event: () => p.manyToOne(CommunityEvent).deleteRule('cascade'),
    ticket: () => p.manyToOne(Ticket),
  },
});
export type EventIssue = InferEntity<typeof EventIssue>;
