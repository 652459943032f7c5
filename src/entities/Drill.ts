import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Building } from './Building';
import { Community } from './Community';
import { PublicSpace } from './PublicSpace';
import { Staff } from './Staff';

export const DRILL_KINDS = ['FIRE', 'ANTI_TERROR'] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

/** A fire or anti-terror drill held at an estate: when, where, who took part, what was found. */
export const Drill = defineEntity({
  name: 'Drill',
  tableName: 'drill',
  indexes: [{ name: 'drill_community_held_index', properties: ['community', 'heldAt', 'id'] }],
  checks: [{ name: 'drill_participants_check', expression: 'participants >= 0' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    kind: p.enum([...DRILL_KINDS]),
    heldAt: p.datetime(),
    place: p.string().length(200),
    building: () => p.manyToOne(Building).nullable().deleteRule('set null'),
    publicSpace: () => p.manyToOne(PublicSpace).nullable().deleteRule('set null'),
    participants: p.integer(),
    /** The member of staff who led it. */
    lead: () => p.manyToOne(Staff).nullable().deleteRule('set null'),
    findings: p.text().nullable(),
    createdAt: p.datetime(),
  },
});
export type Drill = InferEntity<typeof Drill>;

/** How often each kind of drill must be held: data, so an operator can change it without a release. */
export const DrillPolicy = defineEntity({
  name: 'DrillPolicy',
  tableName: 'drill_policy',
  checks: [{ name: 'drill_policy_every_days_check', expression: 'every_days >= 1' }],
  properties: {
    kind: p.enum([...DRILL_KINDS]).primary(),
    everyDays: p.smallint(),
  },
});
export type DrillPolicy = InferEntity<typeof DrillPolicy>;
