import type { Resolvers } from '../src/generated/graphql';
import * as viewer from '../src/services/viewer';

export const viewerResolvers: Resolvers = {
  Query: {
    viewer: (_, __, ctx) => viewer.currentViewer(ctx),
  },
  Viewer: {
    role: (v) => v.role,
    communities: (v, _, ctx) => viewer.viewerCommunities(ctx, v),
    resident: (v, _, ctx) => viewer.viewerResident(ctx, v),
    staff: (v, _, ctx) => viewer.viewerStaff(ctx, v),
    expiresAt: (v) => (v.expiresAt === undefined ? null : new Date(v.expiresAt * 1000)),
  },
};
