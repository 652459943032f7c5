import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';
import { Household } from './Household';

/** A person living in a household. Name and phone are personal data. */
export const Resident = defineEntity({
  name: 'Resident',
  tableName: 'resident',
  // A household's residents are counted under the estate rule from the index alone.
  indexes: [{ name: 'resident_household_id_index', expression: 'create index "resident_household_id_index" on "resident" ("household_id") include ("community_id")' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).index().deleteRule('cascade'),
    household: () => p.manyToOne(Household).deleteRule('cascade'),
    name: p.string().length(60),
    phone: p.string().length(20),
  },
});
export type Resident = InferEntity<typeof Resident>;
