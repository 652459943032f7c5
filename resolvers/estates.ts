import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import * as estates from '../src/services/estates';
import type { Now } from '../src/services/paging';

export const estateResolvers: Resolvers = {
  Query: {
    community: (_, { code }, ctx, info) => estates.communityByCode(ctx, code, info),
    communities: (_, args, ctx, info) => estates.listCommunities(ctx, args, info),
  },
  Mutation: {
    eraseResident: async (_, { input }, ctx) => {
      const erased = await estates.eraseResident(ctx, input.residentId);
      return { erasedResidentId: toGlobalId('Resident', erased.residentId), ticketsKept: erased.ticketsKept, eventsKept: erased.eventsKept };
    },
  },
  Community: {
    id: (c) => toGlobalId('Community', c.id),
    residentCount: (c, _, ctx) => estates.communityCount(ctx, c, 'residents'),
    householdCount: (c, _, ctx) => estates.communityCount(ctx, c, 'households'),
    specialCareHouseholdCount: (c, _, ctx) => estates.communityCount(ctx, c, 'specialCare'),
    buildings: (c, args, ctx, info) => estates.communityBuildings(ctx, c, args, info),
  },
  Building: {
    id: (b) => toGlobalId('Building', b.id),
    community: (b, _, ctx) => present(ctx.loaders.now(ctx.loaders.community, b.community.id)),
    grid: (b, _, ctx) => present(ctx.loaders.now(ctx.loaders.grid, b.grid.id)),
    householdCount: (b, _, ctx) => estates.buildingHouseholdCount(ctx, b),
    households: (b, args, ctx, info) => estates.buildingHouseholds(ctx, b, args, info),
  },
  Household: {
    id: (h) => toGlobalId('Household', h.id),
    specialCare: (h) => h.careNeeds.length > 0,
    building: (h, _, ctx) => present(ctx.loaders.now(ctx.loaders.building, h.building.id)),
    community: (h, _, ctx) => present(ctx.loaders.now(ctx.loaders.community, h.community.id)),
    residents: (h, _, ctx, info) => estates.householdResidents(ctx, h, info),
  },
  Resident: {
    id: (r) => toGlobalId('Resident', r.id),
    household: (r, _, ctx) => present(ctx.loaders.now(ctx.loaders.household, r.household.id)),
  },
};

/** A foreign key the database guarantees; a miss here is a bug, reported as one. */
export function required<T>(value: T | null): T {
  if (value === null) throw new Error('a row referenced by a foreign key is missing');
  return value;
}

/** `required` of what the loaders answer now or later (Loaders.now). */
export function present<T>(value: Now<T | null>): Now<T> {
  return value instanceof Promise ? value.then(required) : required(value);
}
