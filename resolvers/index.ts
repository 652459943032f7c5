import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { isObjectType, type GraphQLSchema } from 'graphql';
import type { Connection } from '../src/services/paging';
import type { Resolvers } from '../src/generated/graphql';
import { baseResolvers } from './base';
import { estateResolvers } from './estates';
import { gridResolvers } from './grids';
import { spaceResolvers } from './spaces';
import { ticketResolvers } from './tickets';
import { liveResolvers } from './live';
import { viewerResolvers } from './viewer';
import { dispatchResolvers } from './dispatch';
import { satisfactionResolvers } from './satisfaction';
import { communityLifeResolvers } from './community-life';
import { careResolvers } from './care';
import { patrolResolvers } from './patrols';
import { drillResolvers } from './drills';
import { liaisonResolvers } from './liaison';
import { figureResolvers } from './figures';
import { applyFieldRules } from '../src/access/fields';

/** One resolver map per domain, named like its SDL file. */
export const resolvers: Resolvers[] = [
  baseResolvers, estateResolvers, gridResolvers, spaceResolvers, ticketResolvers, liveResolvers, viewerResolvers, dispatchResolvers, satisfactionResolvers,
  communityLifeResolvers, careResolvers, patrolResolvers, drillResolvers, liaisonResolvers, figureResolvers,
];

// From source: resolvers/ → schema/; compiled: dist/resolvers/ → schema/.
const schemaDir = [path.join(__dirname, '../schema'), path.join(__dirname, '../../schema')].find((dir) => fs.existsSync(dir))!;

/** The SDL of every file in schema/, in a stable order. */
export function loadTypeDefs(): string[] {
  return fs.readdirSync(schemaDir).filter((f) => f.endsWith('.graphql')).sort()
    .map((f) => fs.readFileSync(path.join(schemaDir, f), 'utf8'));
}

/** The executable schema: SDL from schema/ plus these resolvers. */
export function buildSchema(): GraphQLSchema {
  // The SDL's @personal and @scoped rules wrap the marked fields' resolvers (src/access/fields.ts).
  const schema = applyFieldRules(makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  }));
  // A connection counts its list only when asked (Connection.totalCount is a function). graphql-js's default
  // resolver calls functions it finds; compiled execution (src/compiled.ts) reads properties as they are.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.name.endsWith('Connection')) continue;
    const field = type.getFields().totalCount;
    if (field && !field.resolve) field.resolve = (connection: Connection) => connection.totalCount();
  }
  return schema;
}
