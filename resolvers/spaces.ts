import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import { communityPublicSpaces } from '../src/services/spaces';
import { required } from './estates';

export const spaceResolvers: Resolvers = {
  Community: {
    publicSpaces: (c, _, ctx) => communityPublicSpaces(ctx, c),
  },
  PublicSpace: {
    id: (s) => toGlobalId('PublicSpace', s.id),
    community: (s, _, ctx) => ctx.loaders.community.load(s.community.id).then(required),
  },
};
