import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';
import { TicketEvent } from './Ticket';

export const EVENT_KINDS = ['TICKET', 'DISPATCH'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * The live event stream: one row per state change, written in the change's own
 * transaction. `id` is the cursor clients resume from; it is allocated under a
 * transaction-scoped advisory lock (see src/events/log.ts), so ids become
 * visible in id order and a reader that has seen id N has seen every id below N.
 * The filter columns are copied from the ticket so that replay and per-event
 * authorisation need no joins.
 */
export const EventLog = defineEntity({
  name: 'EventLog',
  tableName: 'event_log',
  indexes: [{ name: 'event_log_community_id_index', properties: ['community', 'id'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    kind: p.enum([...EVENT_KINDS]),
    community: () => p.manyToOne(Community),
    ticketEvent: () => p.manyToOne(TicketEvent).nullable().unique(),
    ticketId: p.integer().nullable(),
    buildingId: p.integer().nullable(),
    gridId: p.integer().nullable(),
    householdId: p.integer().nullable(),
    reporterResidentId: p.integer().nullable(),
    priority: p.string().length(16).nullable(),
    at: p.datetime(),
  },
});
export type EventLog = InferEntity<typeof EventLog>;
