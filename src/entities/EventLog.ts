import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';
import { TicketEvent } from './Ticket';
import { DispatchEvent } from './Dispatch';
import { BookingChange } from './Booking';
import { CommunityEventChange } from './CommunityLife';
import { CareEvent } from './Care';

export const EVENT_KINDS = ['TICKET', 'DISPATCH', 'BOOKING', 'COMMUNITY_EVENT', 'CARE'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * The live event stream of every kind of aggregate (tickets, dispatches, and
 * whatever streams next): one row per state change, written in the change's
 * own transaction, pointing at that kind's own event row. `id` is the cursor
 * clients resume from; the database allocates it, under a transaction-scoped
 * advisory lock, in a trigger every insert goes through (see the migration and
 * src/events/log.ts), so ids become visible in id order and a reader that has
 * seen id N has seen every id below N; an insert that brings its own id is
 * refused. The filter columns are copied from the aggregate so that replay and
 * per-event authorisation need no joins.
 */
export const EventLog = defineEntity({
  name: 'EventLog',
  tableName: 'event_log',
  indexes: [{ name: 'event_log_community_id_index', properties: ['community', 'id'] }],
  properties: {
    // No default: the ordering trigger allocates it (see the class comment).
    id: p.bigint('number').primary().autoincrement(false),
    kind: p.enum([...EVENT_KINDS]),
    community: () => p.manyToOne(Community),
    ticketEvent: () => p.manyToOne(TicketEvent).nullable().unique(),
    dispatchEvent: () => p.manyToOne(DispatchEvent).nullable().unique(),
    bookingChange: () => p.manyToOne(BookingChange).nullable().unique(),
    communityEventChange: () => p.manyToOne(CommunityEventChange).nullable().unique(),
    careEvent: () => p.manyToOne(CareEvent).nullable().unique(),
    ticketId: p.integer().nullable(),
    dispatchId: p.integer().nullable(),
    bookingId: p.integer().nullable(),
    communityEventId: p.integer().nullable(),
    publicSpaceId: p.integer().nullable(),
    buildingId: p.integer().nullable(),
    gridId: p.integer().nullable(),
    householdId: p.integer().nullable(),
    reporterResidentId: p.integer().nullable(),
    priority: p.string().length(16).nullable(),
    /** A ticket's channel, for the rule that keeps care visits' tickets from dashboards. */
    channel: p.string().length(16).nullable(),
    /** Members of staff a dispatch had been sent to when the event happened: "units see their own". */
    staffIds: p.array<number>().columnType('int[]').nullable(),
    at: p.datetime(),
  },
});
export type EventLog = InferEntity<typeof EventLog>;
