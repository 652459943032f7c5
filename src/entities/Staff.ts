import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';
import { Grid } from './Grid';

export const STAFF_ROLES = ['STEWARD', 'SECURITY', 'CLEANING', 'MAINTENANCE', 'MANAGER', 'DISPATCHER'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A member of the operator's staff in one estate, optionally in one grid's squad. */
export const Staff = defineEntity({
  name: 'Staff',
  tableName: 'staff',
  uniques: [{ properties: ['community', 'code'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    grid: () => p.manyToOne(Grid).nullable().index().deleteRule('set null'),
    code: p.string().length(16),
    name: p.string().length(60),
    phone: p.string().length(20),
    role: p.enum([...STAFF_ROLES]),
    onDuty: p.boolean().default(false),
  },
});
export type Staff = InferEntity<typeof Staff>;
