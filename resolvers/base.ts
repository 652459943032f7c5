import type { Resolvers } from '../src/generated/graphql';
import { badInput } from '../src/errors';
import { DateScalar, DateTimeScalar } from '../src/instants';
import { loadNode, nodeTypeOf } from '../src/services/nodes';

const MAX_NODES = 100;

export const baseResolvers: Resolvers = {
  // Bounded to what the database stores: a date it cannot take is the client's mistake, not a server error.
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Node: {
    __resolveType: (entity) => nodeTypeOf(entity),
  },
  Query: {
    node: (_, { id }, ctx, info) => loadNode(ctx, id, info) as Promise<never>,
    nodes: (_, { ids }, ctx, info) => {
      if (ids.length > MAX_NODES) throw badInput(`ids takes at most ${MAX_NODES} IDs, got ${ids.length}`, 'ids');
      // Each id fails on its own: one missing object does not hide the others.
      return ids.map((id) => loadNode(ctx, id, info).catch((error: unknown) => error) as Promise<never>);
    },
  },
};
