import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Building } from './Building';
import { Community } from './Community';
import { Grid } from './Grid';
import { Household } from './Household';
import { PublicSpace } from './PublicSpace';
import { Staff, STAFF_ROLES } from './Staff';
import { Ticket } from './Ticket';

export const INCIDENT_TYPES = ['FIRE', 'WATER_LEAK', 'ELEVATOR_ENTRAPMENT', 'POWER_OUTAGE', 'GAS_LEAK', 'SECURITY', 'MEDICAL'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export const DISPATCH_STATUSES = ['DISPATCHED', 'ACKNOWLEDGED', 'ON_SCENE', 'CLEARED'] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];
export const DISPATCH_EVENT_TYPES = ['DISPATCHED', 'ACKNOWLEDGED', 'ESCALATED', 'ON_SCENE', 'TARGET_MISSED', 'CLEARED'] as const;
export type DispatchEventType = (typeof DISPATCH_EVENT_TYPES)[number];
/** Why a member of staff was sent. */
export const UNIT_REASONS = ['SQUAD', 'ESTATE', 'ESCALATION', 'MANAGER'] as const;
export type UnitReason = (typeof UNIT_REASONS)[number];
export const TIMER_KINDS = ['ACK_TIMEOUT', 'TARGET'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

/**
 * The emergency response raised with an EMERGENCY ticket (one per ticket).
 * `targetOnSceneAt` is fixed when it is raised, from the estate's target.
 * It is in a building (and maybe one household) or in a public space.
 * `community`, `building`, `grid`, `household` and `publicSpace` are copied from the ticket
 * so that scoping and dashboards need no join.
 */
export const Dispatch = defineEntity({
  name: 'Dispatch',
  tableName: 'dispatch',
  uniques: [{ name: 'dispatch_ticket_unique', properties: ['ticket'] }],
  indexes: [{ name: 'dispatch_community_dispatched_index', properties: ['community', 'dispatchedAt', 'id'] }],
  checks: [
    { name: 'dispatch_response_check', expression: 'response_seconds is null or response_seconds >= 0' },
    { name: 'dispatch_location_check', expression: '(building_id is null) <> (public_space_id is null)' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    ticket: () => p.manyToOne(Ticket),
    building: () => p.manyToOne(Building).nullable(),
    publicSpace: () => p.manyToOne(PublicSpace).nullable(),
    grid: () => p.manyToOne(Grid).nullable(),
    household: () => p.manyToOne(Household).nullable().deleteRule('set null'),
    incidentType: p.enum([...INCIDENT_TYPES]),
    status: p.enum([...DISPATCH_STATUSES]),
    version: p.integer().default(1),
    dispatchedAt: p.datetime(),
    targetOnSceneAt: p.datetime(),
    acknowledgedAt: p.datetime().nullable(),
    onSceneAt: p.datetime().nullable(),
    responseSeconds: p.integer().nullable(),
    clearedAt: p.datetime().nullable(),
    /** How many times it escalated (0: the first units are still the ones sent). */
    escalations: p.smallint().default(0),
    /** True when nobody suitable was on duty and it went to the estate's manager. */
    managerFallback: p.boolean().default(false),
  },
});
export type Dispatch = InferEntity<typeof Dispatch>;

/** A member of staff sent to a dispatch, in the order they were sent. */
export const DispatchUnit = defineEntity({
  name: 'DispatchUnit',
  tableName: 'dispatch_unit',
  uniques: [{ name: 'dispatch_unit_staff_unique', properties: ['dispatch', 'staff'] }],
  indexes: [{ name: 'dispatch_unit_staff_index', properties: ['staff'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    dispatch: () => p.manyToOne(Dispatch).deleteRule('cascade'),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    staff: () => p.manyToOne(Staff),
    role: p.enum([...STAFF_ROLES]),
    reason: p.enum([...UNIT_REASONS]),
    position: p.smallint(),
    dispatchedAt: p.datetime(),
    acknowledgedAt: p.datetime().nullable(),
  },
});
export type DispatchUnit = InferEntity<typeof DispatchUnit>;

/** One change of a dispatch. Append-only, like ticket events. */
export const DispatchEvent = defineEntity({
  name: 'DispatchEvent',
  tableName: 'dispatch_event',
  indexes: [{ name: 'dispatch_event_dispatch_id_index', properties: ['dispatch', 'id'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    dispatch: () => p.manyToOne(Dispatch),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    type: p.enum([...DISPATCH_EVENT_TYPES]),
    fromStatus: p.enum([...DISPATCH_STATUSES]).nullable(),
    toStatus: p.enum([...DISPATCH_STATUSES]).nullable(),
    /** The unit an escalation sent, or the unit that acted. */
    staff: () => p.manyToOne(Staff).nullable(),
    actorRole: p.string().length(16),
    actorSubject: p.string().length(200),
    note: p.string().length(1000).nullable(),
    at: p.datetime(),
  },
});
export type DispatchEvent = InferEntity<typeof DispatchEvent>;

/**
 * A step a dispatch is waiting for: an acknowledgement by a deadline (else it
 * escalates) or arrival by its target (else a TARGET_MISSED event). Rows in
 * the database, claimed with FOR UPDATE SKIP LOCKED by whichever server
 * instance polls first, so each fires exactly once and a restart loses none.
 */
export const DispatchTimer = defineEntity({
  name: 'DispatchTimer',
  tableName: 'dispatch_timer',
  indexes: [{
    name: 'dispatch_timer_due_index',
    expression: 'create index "dispatch_timer_due_index" on "dispatch_timer" ("due_at") where "fired_at" is null',
  }],
  properties: {
    id: p.integer().primary().autoincrement(),
    dispatch: () => p.manyToOne(Dispatch).deleteRule('cascade'),
    kind: p.enum([...TIMER_KINDS]),
    dueAt: p.datetime(),
    firedAt: p.datetime().nullable(),
  },
});
export type DispatchTimer = InferEntity<typeof DispatchTimer>;

/** Which jobs an incident type needs, in order: data, so an operator can change it without a release. */
export const IncidentResponse = defineEntity({
  name: 'IncidentResponse',
  tableName: 'incident_response',
  properties: {
    incidentType: p.enum([...INCIDENT_TYPES]).primary(),
    position: p.smallint().primary(),
    role: p.enum([...STAFF_ROLES]),
  },
  primaryKeys: ['incidentType', 'position'],
});
export type IncidentResponse = InferEntity<typeof IncidentResponse>;
