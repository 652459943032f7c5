import {
  Kind, TypeInfo, isAbstractType, isObjectType, visit, visitWithTypeInfo,
  type DocumentNode, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import { ReferenceKind, Utils, type EntityName, type MetadataStorage } from '@mikro-orm/core';
import { Building, Community, Dispatch, Grid, Household, PublicSpace, Resident, Staff, Ticket, TicketEvent } from './entities';
import { RELATIONS } from './prefetch';
import { NESTED_COUNTS, NESTED_LISTS } from './lists';
import { mappedColumns, type ReadColumns } from './db/rows';

/**
 * Which columns a query reads. A page of tickets needs a dozen of a ticket's
 * 35 columns and two of its household's; reading whole rows sent the
 * database's, the driver's and the mapper's work for all of them (five times
 * the bytes PostGraphile reads for the same answer). For each query
 * operation this plans, once, the columns of each entity that any field of
 * the operation reads, and the loaders read rows of that entity with those
 * columns only, wherever in the operation they are read, so a row primed by
 * one field serves every other.
 *
 * It is safe by construction:
 * - a row always carries its id and every foreign key (the access rules'
 *   owners, relations, parents), and a list's rows their order columns;
 * - a field is planned only when what it reads is known: a property read by
 *   the default resolver, a relation or nested list read ahead, or an entry
 *   in READS below. Any other field, any object type that is not a row of an
 *   entity here, and any mutation or subscription leave the whole operation
 *   reading whole rows;
 * - a property whose column was not read throws when read (db/rows.ts): a
 *   mistake here is an error in tests, never a silent null.
 */

/** GraphQL object types whose values are rows of an entity (as codegen.ts maps them); another type's fields are not planned. */
const ROW_TYPES: Record<string, EntityName<any>> = {
  Community, Building, Household, Resident, Grid, GridWorker: Grid, Staff, PublicSpace,
  Ticket, TicketRating: Ticket, TicketEvent, TicketActor: TicketEvent, Dispatch,
};

/**
 * Fields with resolvers of their own and the properties of their row they
 * read (ids and foreign keys are always read). Each entry was read off its
 * resolver: it reads nothing else, of this row or of any other row it loads.
 */
const READS: Record<string, Record<string, readonly string[]>> = {
  Household: { specialCare: ['careNeeds'] },
  Grid: { steward: [], gridWorker: [] },
  GridWorker: { name: ['gridWorkerName'], phone: ['gridWorkerPhone'] },
  Ticket: {
    slaBreached: ['status', 'acknowledgedAt', 'cancelledAt', 'responseDueAt', 'resolvedAt', 'closedAt', 'resolveDueAt'],
    rating: ['ratingScore'],
    dispatch: ['priority'],
  },
  TicketRating: { score: ['ratingScore'], comment: ['ratingComment'], ratedAt: ['ratedAt'] },
  TicketEvent: { fromStatus: ['fromStatus'], toStatus: ['toStatus'], actor: [], cursor: [] },
  TicketActor: { role: ['actorRole'], staff: [], resident: [] },
};

/** Marks a resolver that only wraps the default one (a field rule around a plain property): it reads the property. */
export const READS_OWN_PROPERTY = Symbol('reads its own property');

/** Columns by entity class name; an entity missing from the plan is read whole. */
export type ColumnPlan = ReadonlyMap<string, ReadColumns>;

const plans = new WeakMap<DocumentNode, Map<string, ColumnPlan | null>>();

/** The plan of an operation of `document`, null when it reads whole rows; computed once per document and operation. */
export function columnPlan(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, metadata: MetadataStorage): ColumnPlan | null {
  let byName = plans.get(document);
  if (!byName) plans.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let plan = byName.get(key);
  if (plan === undefined) byName.set(key, (plan = planOf(schema, document, operationName, metadata)));
  return plan;
}

function planOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, metadata: MetadataStorage): ColumnPlan | null {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((d) => d.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'query') return null;
  const read = new Map<string, Set<string>>();
  let whole = false;
  const typeInfo = new TypeInfo(schema);
  const root = schema.getQueryType();
  const planned = { ...document, definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION) };
  visit(planned, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const name = node.name.value;
      const parent = typeInfo.getParentType();
      if (whole || name.startsWith('__') || !parent) return;
      const types = isAbstractType(parent) ? schema.getPossibleTypes(parent) : isObjectType(parent) ? [parent] : [];
      for (const type of types) {
        if (type === root || isWrapper(type)) continue;
        const props = readsOf(type, name);
        const entity = ROW_TYPES[type.name];
        if (!entity || props === null) {
          whole = true;
          return;
        }
        const className = Utils.className(entity);
        let set = read.get(className);
        if (!set) read.set(className, (set = new Set()));
        for (const prop of props) set.add(prop);
      }
    },
  }));
  if (whole) return null;
  const plan = new Map<string, ReadColumns>();
  for (const [className, props] of read) {
    const meta = metadata.find(className);
    if (!meta) return null;
    const columns = new Set<string>();
    for (const p of meta.props) {
      if (p.primary || (p.kind === ReferenceKind.MANY_TO_ONE && p.persist !== false)) p.fieldNames?.forEach((c) => columns.add(c));
    }
    for (const prop of props) {
      const p = meta.properties[prop as never];
      // A property this plan does not know as a column of its own: read the whole row rather than guess.
      if (!p || p.persist === false || p.formula || p.fieldNames?.length !== 1) return null;
      columns.add(p.fieldNames[0]);
    }
    if (mappedColumns(meta).every((column) => columns.has(column))) continue;
    plan.set(className, { columns, key: [...columns].sort().join(',') });
  }
  return plan;
}

/** A connection, an edge or page info: their fields read the connection objects the loaders build, never a row. */
function isWrapper(type: GraphQLObjectType): boolean {
  return type.name === 'PageInfo' || type.name.endsWith('Connection') || type.name.endsWith('Edge');
}

/** The properties a field of a row type reads of its row, or null when that is not known. */
function readsOf(type: GraphQLObjectType, name: string): readonly string[] | null {
  if (name === 'id') return ['id'];
  const declared = READS[type.name]?.[name];
  if (declared) return declared;
  if (RELATIONS[type.name]?.[name] || NESTED_LISTS[type.name]?.[name] || NESTED_COUNTS[type.name]?.[name]) return [];
  const resolve = type.getFields()[name]?.resolve as (GraphQLFieldResolver<unknown, unknown> & { [READS_OWN_PROPERTY]?: true }) | undefined;
  if (resolve === undefined || resolve[READS_OWN_PROPERTY]) return [name];
  return null;
}
