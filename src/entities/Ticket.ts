import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Building } from './Building';
import { Community } from './Community';
import { Grid } from './Grid';
import { Household } from './Household';
import { PublicSpace } from './PublicSpace';
import { Resident } from './Resident';
import { Staff } from './Staff';

export const TICKET_STATUSES = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED', 'REOPENED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'EMERGENCY'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
/** CARE_SCHEDULE: raised by the special-care schedule when a care visit falls due, not reported by anyone. */
export const TICKET_CHANNELS = ['HOTLINE', 'APP', 'WALK_IN', 'PATROL', 'GRID_WORKER', 'CARE_SCHEDULE'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export const TICKET_CATEGORIES = [
  'PLUMBING', 'ELECTRICAL', 'ELEVATOR', 'CLEANING', 'SECURITY', 'NOISE', 'PARKING', 'FIRE_SAFETY',
  'COMPLAINT', 'SUGGESTION', 'CARE', 'OTHER',
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/**
 * A work order, complaint or request. `number` is human-facing and gap-free per
 * estate and year (see ticket_counter); `version` is the optimistic-concurrency
 * token clients send back as expectedVersion. `grid` is copied from the
 * building when the ticket is raised so grid lists need no join.
 */
export const Ticket = defineEntity({
  name: 'Ticket',
  tableName: 'ticket',
  uniques: [
    { name: 'ticket_number_unique', properties: ['number'] },
    { name: 'ticket_community_year_seq_unique', properties: ['community', 'year', 'seq'] },
    { name: 'ticket_idempotency_unique', properties: ['idempotencyCaller', 'idempotencyKey'] },
  ],
  // Every list of tickets is newest first per parent: (parent, created_at, id) serves it forwards and backwards.
  indexes: [
    { name: 'ticket_community_created_index', properties: ['community', 'createdAt', 'id'] },
    // Lists across several estates (district dashboards, admins) walk this one newest first.
    { name: 'ticket_created_index', properties: ['createdAt', 'id'] },
    // The parent lists carry the columns of the row rules (the estate; a resident's household and reports), so a list
    // is counted under the viewer's rule with an index-only scan (migrations/Migration20261201171500.ts).
    ...([
      ['ticket_grid_created_index', 'grid_id', '"community_id", "household_id", "reporter_resident_id"'],
      ['ticket_building_created_index', 'building_id', '"community_id", "household_id", "reporter_resident_id"'],
      ['ticket_household_created_index', 'household_id', '"community_id", "reporter_resident_id"'],
      ['ticket_public_space_created_index', 'public_space_id', '"community_id", "household_id", "reporter_resident_id"'],
      ['ticket_reporter_resident_created_index', 'reporter_resident_id', '"community_id", "household_id"'],
      ['ticket_assignee_created_index', 'assignee_id', '"community_id", "household_id", "reporter_resident_id"'],
    ] as const).map(([name, key, include]) => ({ name, expression: `create index "${name}" on "ticket" ("${key}", "created_at", "id") include (${include})` })),
    { name: 'ticket_reporter_staff_index', properties: ['reporterStaff'] },
    // Open tickets are a small, hot slice of two years of history: dashboards filter on them constantly.
    {
      name: 'ticket_open_created_index',
      expression: `create index "ticket_open_created_index" on "ticket" ("community_id", "created_at", "id") where "status" in ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED')`,
    },
    {
      name: 'ticket_priority_created_index',
      expression: `create index "ticket_priority_created_index" on "ticket" ("community_id", "priority", "created_at", "id")`,
    },
    // Satisfaction figures (src/services/satisfaction-sql.ts) read an estate's tickets by the moment each figure
    // counts: raised, rated, resolved. Each index holds every column its figure reads, so two years of an estate
    // are an index-only range scan per period, never a visit to the table.
    {
      name: 'ticket_figures_raised_index',
      expression: `create index "ticket_figures_raised_index" on "ticket" ("community_id", "created_at") include ("grid_id", "category", "priority", "acknowledged_at", "response_due_at", "cancelled_at")`,
    },
    {
      name: 'ticket_figures_rated_index',
      expression: `create index "ticket_figures_rated_index" on "ticket" ("community_id", "rated_at") include ("grid_id", "rating_score") where "rated_at" is not null`,
    },
    {
      name: 'ticket_figures_resolved_index',
      expression: `create index "ticket_figures_resolved_index" on "ticket" ("community_id", "resolved_at") include ("grid_id") where "resolved_at" is not null`,
    },
  ],
  checks: [
    { name: 'ticket_location_check', expression: 'building_id is not null or household_id is not null or public_space_id is not null' },
    { name: 'ticket_rating_check', expression: 'rating_score is null or (rating_score >= 1 and rating_score <= 5)' },
    { name: 'ticket_version_check', expression: 'version >= 1' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    number: p.string().length(32),
    year: p.smallint(),
    seq: p.integer(),
    channel: p.enum([...TICKET_CHANNELS]),
    category: p.enum([...TICKET_CATEGORIES]),
    priority: p.enum([...TICKET_PRIORITIES]),
    status: p.enum([...TICKET_STATUSES]),
    title: p.string().length(200),
    description: p.text().default(''),
    building: () => p.manyToOne(Building).nullable(),
    household: () => p.manyToOne(Household).nullable(),
    publicSpace: () => p.manyToOne(PublicSpace).nullable(),
    grid: () => p.manyToOne(Grid).nullable(),
    reporterResident: () => p.manyToOne(Resident).nullable(),
    reporterStaff: () => p.manyToOne(Staff).nullable(),
    assignee: () => p.manyToOne(Staff).nullable(),
    version: p.integer().default(1),
    createdAt: p.datetime(),
    acknowledgedAt: p.datetime().nullable(),
    assignedAt: p.datetime().nullable(),
    startedAt: p.datetime().nullable(),
    resolvedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    reopenedAt: p.datetime().nullable(),
    responseDueAt: p.datetime(),
    resolveDueAt: p.datetime(),
    ratingScore: p.smallint().nullable(),
    ratingComment: p.string().length(1000).nullable(),
    ratedAt: p.datetime().nullable(),
    // `<role>:<sub>`: a sub of up to 200 characters (auth.ts MAX_SUBJECT_LENGTH) after the longest role and a colon.
    idempotencyCaller: p.string().length(211).nullable(),
    idempotencyKey: p.string().length(100).nullable(),
  },
});
export type Ticket = InferEntity<typeof Ticket>;

export const TICKET_EVENT_TYPES = [
  'SUBMITTED', 'ACKNOWLEDGED', 'ASSIGNED', 'STARTED', 'RESOLVED', 'REOPENED', 'CANCELLED', 'RATED', 'CLOSED', 'COMMENTED',
  // Taken from building level to community level (see ticket_escalation).
  'ESCALATED',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/**
 * One change of a ticket. Append-only: a trigger in the database refuses updates and deletes
 * (except clearing `actor_resident_id` when a resident's personal data is erased).
 * `community` duplicates the ticket's estate so that every read of an event is scoped on its
 * own row; a trigger fills it from the ticket when an insert leaves it out.
 */
export const TicketEvent = defineEntity({
  name: 'TicketEvent',
  tableName: 'ticket_event',
  indexes: [{
    name: 'ticket_event_ticket_id_id_index',
    expression: 'create index "ticket_event_ticket_id_id_index" on "ticket_event" ("ticket_id", "id") include ("community_id")',
  }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    ticket: () => p.manyToOne(Ticket),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    type: p.enum([...TICKET_EVENT_TYPES]),
    fromStatus: p.enum([...TICKET_STATUSES]).nullable(),
    toStatus: p.enum([...TICKET_STATUSES]).nullable(),
    actorRole: p.string().length(16),
    actorSubject: p.string().length(200),
    actorStaff: () => p.manyToOne(Staff).nullable(),
    actorResident: () => p.manyToOne(Resident).nullable(),
    note: p.string().length(1000).nullable(),
    at: p.datetime(),
  },
});
export type TicketEvent = InferEntity<typeof TicketEvent>;

/** Response and resolution targets per priority: data, so operators can change them without a release. */
export const SlaPolicy = defineEntity({
  name: 'SlaPolicy',
  tableName: 'sla_policy',
  checks: [{ name: 'sla_policy_minutes_check', expression: 'response_minutes > 0 and resolve_minutes >= response_minutes' }],
  properties: {
    priority: p.enum([...TICKET_PRIORITIES]).primary(),
    responseMinutes: p.integer(),
    resolveMinutes: p.integer(),
  },
});
export type SlaPolicy = InferEntity<typeof SlaPolicy>;

/** The last ticket number issued per estate and year; its row lock makes numbering gap-free. */
export const TicketCounter = defineEntity({
  name: 'TicketCounter',
  tableName: 'ticket_counter',
  properties: {
    community: () => p.manyToOne(Community).primary().deleteRule('cascade'),
    year: p.smallint().primary(),
    lastNumber: p.integer(),
  },
  primaryKeys: ['community', 'year'],
});
export type TicketCounter = InferEntity<typeof TicketCounter>;
