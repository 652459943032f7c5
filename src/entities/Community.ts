import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** An estate: the unit of scoping for every token and every figure. */
export const Community = defineEntity({
  name: 'Community',
  tableName: 'community',
  properties: {
    id: p.integer().primary().autoincrement(),
    code: p.string().length(8).unique(),
    name: p.string().length(120),
    district: p.string().length(120),
    landAreaM2: p.integer(),
    floorAreaM2: p.integer(),
    /** Minutes within which an emergency dispatch must be on scene (the estate's promise; 15 at the reference estate). */
    emergencyTargetMinutes: p.smallint().default(15),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type Community = InferEntity<typeof Community>;
