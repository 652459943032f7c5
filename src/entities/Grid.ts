import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';
import { Staff } from './Staff';

/**
 * A grid: a cluster of buildings looked after by one steward and a 1+3 squad,
 * paired with a community grid worker who is not on the operator's staff
 * (so the worker is stored as contact columns, not as a Staff row).
 */
export const Grid = defineEntity({
  name: 'Grid',
  tableName: 'grid',
  uniques: [{ properties: ['community', 'code'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    code: p.string().length(16),
    name: p.string().length(120),
    steward: () => p.manyToOne(Staff).nullable().index().deleteRule('set null'),
    gridWorkerName: p.string().length(60),
    gridWorkerPhone: p.string().length(20),
  },
});
export type Grid = InferEntity<typeof Grid>;
