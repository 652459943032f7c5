import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';
import { Household } from './Household';

/** A person living in a household. Name and phone are personal data. */
export const Resident = defineEntity({
  name: 'Resident',
  tableName: 'resident',
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).index().deleteRule('cascade'),
    household: () => p.manyToOne(Household).index().deleteRule('cascade'),
    name: p.string().length(60),
    phone: p.string().length(20),
  },
});
export type Resident = InferEntity<typeof Resident>;
