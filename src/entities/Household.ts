import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Building } from './Building';
import { Community } from './Community';

export const CARE_NEEDS = ['ELDERLY_LIVING_ALONE', 'DISABILITY', 'CHRONIC_ILLNESS', 'LOW_INCOME', 'OTHER'] as const;
export type CareNeed = (typeof CARE_NEEDS)[number];

/**
 * A household in one unit of a building. `community` duplicates the building's
 * estate so that scoping and per-estate counts need no join.
 */
export const Household = defineEntity({
  name: 'Household',
  tableName: 'household',
  uniques: [{ properties: ['building', 'unit'] }],
  indexes: [
    { properties: ['community'] },
    // A building's households are counted under the estate rule from the index alone.
    { name: 'household_building_count_index', expression: 'create index "household_building_count_index" on "household" ("building_id") include ("community_id")' },
  ],
  checks: [
    { name: 'household_floor_check', expression: "(floor >= '-5'::integer) AND (floor <= 120)" },
    { name: 'household_care_needs_check', expression: `care_needs <@ array[${CARE_NEEDS.map((c) => `'${c}'`).join(', ')}]::text[]` },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    building: () => p.manyToOne(Building).deleteRule('cascade'),
    unit: p.string().length(16),
    floor: p.smallint(),
    careNeeds: p.array<CareNeed>().columnType('text[]').defaultRaw(`'{}'`),
  },
});
export type Household = InferEntity<typeof Household>;
