import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Building } from './Building';
import { Community } from './Community';
import { PublicSpace } from './PublicSpace';
import { Staff } from './Staff';
import { Ticket } from './Ticket';

export const PATROL_RUN_STATUSES = ['IN_PROGRESS', 'FINISHED'] as const;
export type PatrolRunStatus = (typeof PATROL_RUN_STATUSES)[number];
export const PATROL_PASS_STATUSES = ['PENDING', 'PASSED', 'MISSED'] as const;
export type PatrolPassStatus = (typeof PATROL_PASS_STATUSES)[number];
export const PATROL_ANOMALY_KINDS = ['BLOCKED_FIRE_LANE', 'EBIKE_IN_CORRIDOR', 'BROKEN_LIGHT', 'FIRE_EQUIPMENT', 'SECURITY', 'OTHER'] as const;
export type PatrolAnomalyKind = (typeof PATROL_ANOMALY_KINDS)[number];

/**
 * A patrol route walked by security under a written procedure: its ordered
 * checkpoints, and how often it must be started (`everyMinutes`, around the
 * clock). Whether it is overdue to start is derived from its last run.
 */
export const PatrolRoute = defineEntity({
  name: 'PatrolRoute',
  tableName: 'patrol_route',
  uniques: [{ name: 'patrol_route_code_unique', properties: ['community', 'code'] }],
  checks: [{ name: 'patrol_route_every_check', expression: 'every_minutes >= 1 and every_minutes <= 10080' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    code: p.string().length(16),
    name: p.string().length(120),
    everyMinutes: p.smallint(),
    createdAt: p.datetime(),
  },
});
export type PatrolRoute = InferEntity<typeof PatrolRoute>;

/** A point on a route, at a building or a public space, passed in `position` order. */
export const PatrolCheckpoint = defineEntity({
  name: 'PatrolCheckpoint',
  tableName: 'patrol_checkpoint',
  uniques: [{ name: 'patrol_checkpoint_position_unique', properties: ['route', 'position'] }],
  checks: [{ name: 'patrol_checkpoint_place_check', expression: '(building_id is null) <> (public_space_id is null)' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    route: () => p.manyToOne(PatrolRoute).deleteRule('cascade'),
    position: p.smallint(),
    name: p.string().length(120),
    building: () => p.manyToOne(Building).nullable().index(),
    publicSpace: () => p.manyToOne(PublicSpace).nullable().index(),
  },
});
export type PatrolCheckpoint = InferEntity<typeof PatrolCheckpoint>;

/**
 * One walk of a route by a member of security. Every checkpoint gets a pass
 * row when the run starts (PENDING); passing one marks the pending ones
 * before it MISSED, and finishing marks the rest MISSED. One run of a route
 * at a time, and one per guard.
 */
export const PatrolRun = defineEntity({
  name: 'PatrolRun',
  tableName: 'patrol_run',
  indexes: [
    { name: 'patrol_run_route_started_index', properties: ['route', 'startedAt', 'id'] },
    { name: 'patrol_run_community_started_index', properties: ['community', 'startedAt', 'id'] },
    { name: 'patrol_run_open_route_unique', expression: 'create unique index "patrol_run_open_route_unique" on "patrol_run" ("route_id") where "finished_at" is null' },
    { name: 'patrol_run_open_staff_unique', expression: 'create unique index "patrol_run_open_staff_unique" on "patrol_run" ("staff_id") where "finished_at" is null' },
  ],
  checks: [{ name: 'patrol_run_finished_check', expression: "(status = 'FINISHED') = (finished_at is not null)" }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    route: () => p.manyToOne(PatrolRoute).deleteRule('cascade'),
    staff: () => p.manyToOne(Staff),
    status: p.enum([...PATROL_RUN_STATUSES]),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
  },
});
export type PatrolRun = InferEntity<typeof PatrolRun>;

/** Whether and when a run passed one checkpoint. */
export const PatrolPass = defineEntity({
  name: 'PatrolPass',
  tableName: 'patrol_pass',
  uniques: [{ name: 'patrol_pass_checkpoint_unique', properties: ['run', 'checkpoint'] }],
  indexes: [{ name: 'patrol_pass_run_position_index', properties: ['run', 'position'] }],
  checks: [{ name: 'patrol_pass_passed_check', expression: "(status = 'PASSED') = (passed_at is not null)" }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    run: () => p.manyToOne(PatrolRun).deleteRule('cascade'),
    checkpoint: () => p.manyToOne(PatrolCheckpoint).deleteRule('cascade'),
    position: p.smallint(),
    status: p.enum([...PATROL_PASS_STATUSES]),
    passedAt: p.datetime().nullable(),
  },
});
export type PatrolPass = InferEntity<typeof PatrolPass>;

/** Something wrong found on a patrol; the ticket it became was raised in the same transaction. */
export const PatrolAnomaly = defineEntity({
  name: 'PatrolAnomaly',
  tableName: 'patrol_anomaly',
  uniques: [{ name: 'patrol_anomaly_ticket_unique', properties: ['ticket'] }],
  indexes: [{ name: 'patrol_anomaly_run_index', properties: ['run', 'id'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    run: () => p.manyToOne(PatrolRun).deleteRule('cascade'),
    checkpoint: () => p.manyToOne(PatrolCheckpoint),
    kind: p.enum([...PATROL_ANOMALY_KINDS]),
    note: p.string().length(1000).nullable(),
    ticket: () => p.manyToOne(Ticket),
    staff: () => p.manyToOne(Staff),
    reportedAt: p.datetime(),
  },
});
export type PatrolAnomaly = InferEntity<typeof PatrolAnomaly>;
