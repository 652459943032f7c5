import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import * as grids from '../src/services/grids';
import { required } from './estates';

export const gridResolvers: Resolvers = {
  Community: {
    grids: (c, _, ctx, info) => grids.communityGrids(ctx, c, info),
    staff: (c, args, ctx, info) => grids.communityStaff(ctx, c, args, info),
  },
  Grid: {
    id: (g) => toGlobalId('Grid', g.id),
    community: (g, _, ctx) => ctx.loaders.community.load(g.community.id).then(required),
    steward: (g, _, ctx) => grids.gridSteward(ctx, g),
    gridWorker: (g) => g,
    squad: (g, _, ctx, info) => grids.gridSquad(ctx, g, info),
    buildings: (g, _, ctx, info) => grids.gridBuildings(ctx, g, info),
  },
  GridWorker: {
    name: (g) => g.gridWorkerName,
    phone: (g) => g.gridWorkerPhone,
  },
  Staff: {
    id: (s) => toGlobalId('Staff', s.id),
    community: (s, _, ctx) => ctx.loaders.community.load(s.community.id).then(required),
    grid: (s, _, ctx) => (s.grid ? ctx.loaders.grid.load(s.grid.id) : null),
  },
};
