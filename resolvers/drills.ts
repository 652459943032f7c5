import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import * as drills from '../src/services/drills';
import { required } from './estates';

export const drillResolvers: Resolvers = {
  Mutation: {
    recordDrill: async (_, { input }, ctx) => ({ drill: await drills.recordDrill(ctx, input) }),
  },
  Drill: {
    id: (d) => toGlobalId('Drill', d.id),
    building: (d, _, ctx) => (d.building ? ctx.loaders.building.load(d.building.id) : null),
    publicSpace: (d, _, ctx) => (d.publicSpace ? ctx.loaders.publicSpace.load(d.publicSpace.id) : null),
    lead: (d, _, ctx) => (d.lead ? ctx.loaders.staff.load(d.lead.id) : null),
    findings: (d) => d.findings ?? null,
    community: (d, _, ctx) => ctx.loaders.community.load(d.community.id).then(required),
  },
  Community: {
    drills: (c, args, ctx) => drills.communityDrills(ctx, c, args),
    drillSchedule: (c, _, ctx) => drills.drillSchedule(ctx, c),
  },
};
