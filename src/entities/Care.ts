import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';
import { Grid } from './Grid';
import { Household } from './Household';
import { Staff } from './Staff';
import { Ticket } from './Ticket';

export const CARE_VISIT_KINDS = ['WATER_POWER_CHECK', 'SHOPPING', 'CLEANING', 'CALL'] as const;
export type CareVisitKind = (typeof CARE_VISIT_KINDS)[number];
export const CARE_OUTCOMES = ['DONE', 'NOBODY_HOME', 'REFUSED'] as const;
export type CareOutcome = (typeof CARE_OUTCOMES)[number];
/** DUE: the visit fell due (its ticket was raised); OVERDUE: its deadline passed with no outcome; then the outcome recorded. */
export const CARE_EVENT_TYPES = ['DUE', 'OVERDUE', ...CARE_OUTCOMES] as const;
export type CareEventType = (typeof CARE_EVENT_TYPES)[number];

/**
 * One kind of care visit a special-care household gets, every `everyDays`
 * days. `nextDueAt` is when the next visit falls due; it is null while a
 * visit is open, and the schedule moves on when staff record its outcome
 * (src/services/care.ts). The care timer claims plans whose `nextDueAt` has
 * come (src/services/care-timers.ts).
 */
export const CarePlan = defineEntity({
  name: 'CarePlan',
  tableName: 'care_plan',
  uniques: [{ name: 'care_plan_household_kind_unique', properties: ['household', 'kind'] }],
  indexes: [
    { name: 'care_plan_community_index', properties: ['community', 'id'] },
    { name: 'care_plan_due_index', expression: 'create index "care_plan_due_index" on "care_plan" ("next_due_at") where "active"' },
  ],
  checks: [{ name: 'care_plan_every_days_check', expression: 'every_days >= 1 and every_days <= 366' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    household: () => p.manyToOne(Household).deleteRule('cascade'),
    kind: p.enum([...CARE_VISIT_KINDS]),
    everyDays: p.smallint(),
    /** Why the household gets this visit, in the steward's words. */
    note: p.string().length(1000).nullable(),
    active: p.boolean().default(true),
    nextDueAt: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
});
export type CarePlan = InferEntity<typeof CarePlan>;

/**
 * One visit of a plan: it falls due at `dueAt` (a CARE ticket is raised for
 * the grid's steward then), must have an outcome by `deadlineAt`, and is
 * marked `overdueAt` once when it has none by then. `household`, `grid` and
 * `community` are copied so scoping and lists need no join.
 */
export const CareVisit = defineEntity({
  name: 'CareVisit',
  tableName: 'care_visit',
  uniques: [{ name: 'care_visit_ticket_unique', properties: ['ticket'] }],
  indexes: [
    { name: 'care_visit_community_due_index', properties: ['community', 'dueAt', 'id'] },
    { name: 'care_visit_household_due_index', properties: ['household', 'dueAt', 'id'] },
    { name: 'care_visit_plan_due_index', properties: ['plan', 'dueAt', 'id'] },
    {
      name: 'care_visit_deadline_index',
      expression: 'create index "care_visit_deadline_index" on "care_visit" ("deadline_at") where "outcome" is null and "overdue_at" is null',
    },
    // One open visit per plan: the timer and a recorded outcome can never leave two.
    { name: 'care_visit_open_unique', expression: 'create unique index "care_visit_open_unique" on "care_visit" ("plan_id") where "outcome" is null' },
  ],
  checks: [
    { name: 'care_visit_deadline_check', expression: 'deadline_at >= due_at' },
    { name: 'care_visit_recorded_check', expression: '(outcome is null) = (recorded_at is null)' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    plan: () => p.manyToOne(CarePlan).deleteRule('cascade'),
    household: () => p.manyToOne(Household).deleteRule('cascade'),
    grid: () => p.manyToOne(Grid).nullable().deleteRule('set null'),
    kind: p.enum([...CARE_VISIT_KINDS]),
    /** The grid's steward when it fell due; null while the post was vacant. */
    steward: () => p.manyToOne(Staff).nullable().deleteRule('set null'),
    /** The CARE ticket raised when it fell due; null for history that predates the schedule's tickets. */
    ticket: () => p.manyToOne(Ticket).nullable(),
    dueAt: p.datetime(),
    deadlineAt: p.datetime(),
    overdueAt: p.datetime().nullable(),
    outcome: p.enum([...CARE_OUTCOMES]).nullable(),
    outcomeNote: p.string().length(1000).nullable(),
    recordedAt: p.datetime().nullable(),
    recordedBy: () => p.manyToOne(Staff).nullable().deleteRule('set null'),
  },
});
export type CareVisit = InferEntity<typeof CareVisit>;

/** One change of a care visit. Append-only, like ticket events; `household` is copied for the row rule. */
export const CareEvent = defineEntity({
  name: 'CareEvent',
  tableName: 'care_event',
  indexes: [{ name: 'care_event_visit_id_index', properties: ['visit', 'id'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    visit: () => p.manyToOne(CareVisit),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    household: () => p.manyToOne(Household),
    type: p.enum([...CARE_EVENT_TYPES]),
    actorRole: p.string().length(16),
    actorSubject: p.string().length(200),
    /** The member of staff who recorded an outcome. */
    staff: () => p.manyToOne(Staff).nullable().deleteRule('set null'),
    at: p.datetime(),
  },
});
export type CareEvent = InferEntity<typeof CareEvent>;
