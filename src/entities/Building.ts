import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';
import { Grid } from './Grid';

/** A residential building ("A3"), always in exactly one grid. */
export const Building = defineEntity({
  name: 'Building',
  tableName: 'building',
  uniques: [{ properties: ['community', 'code'] }],
  checks: [{ name: 'building_floors_check', expression: '(floors >= 1) AND (floors <= 120)' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    grid: () => p.manyToOne(Grid).index(),
    code: p.string().length(16),
    floors: p.smallint(),
  },
});
export type Building = InferEntity<typeof Building>;
