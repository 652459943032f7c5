import {
  Kind, getArgumentValues, isObjectType,
  type FieldNode, type GraphQLField, type GraphQLResolveInfo, type GraphQLSchema, type SelectionSetNode,
} from 'graphql';
import type { EntityName } from '@mikro-orm/core';
import { Building, Community, Grid, Household, PublicSpace, Resident, Staff, Ticket } from './entities';
import { NESTED_COUNTS, NESTED_LISTS, type NestedListDef } from './lists';
import type { CountSpec } from './loaders';
import type { PageArgs } from './services/paging';

/**
 * Selection-aware reads. A page of tickets whose query asks for each ticket's
 * household, reporter and assignee would cost one statement per relation;
 * instead the page's own statement reads the rows of the single-row relations
 * the query selects (each under its table's access rule, see loaders.ts) and
 * primes the per-request loaders with them, so the relation resolvers find
 * them without a statement. Likewise a connection whose `totalCount` is
 * selected is counted in the page's statement, and the nested lists the query
 * selects (a building's tickets, each ticket's timeline; lists.ts says which)
 * are read in the same statement as JSON and primed into the loaders their
 * resolvers use, so a page of tickets with their relations and last events is
 * one statement, whatever its size.
 *
 * The relations a GraphQL type can prefetch, by field: the table's row under
 * the foreign key column of the parent row. A field missing here is simply
 * loaded by its resolver as before.
 */
export const RELATIONS: Record<string, Record<string, { entity: EntityName<any>; column: string }>> = {
  Ticket: {
    community: { entity: Community, column: 'community_id' },
    building: { entity: Building, column: 'building_id' },
    household: { entity: Household, column: 'household_id' },
    publicSpace: { entity: PublicSpace, column: 'public_space_id' },
    grid: { entity: Grid, column: 'grid_id' },
    reporter: { entity: Resident, column: 'reporter_resident_id' },
    reporterStaff: { entity: Staff, column: 'reporter_staff_id' },
    assignee: { entity: Staff, column: 'assignee_id' },
  },
  Building: { community: { entity: Community, column: 'community_id' }, grid: { entity: Grid, column: 'grid_id' } },
  Household: { building: { entity: Building, column: 'building_id' }, community: { entity: Community, column: 'community_id' } },
  Resident: { household: { entity: Household, column: 'household_id' } },
  Grid: { community: { entity: Community, column: 'community_id' }, steward: { entity: Staff, column: 'steward_id' } },
  Staff: { community: { entity: Community, column: 'community_id' }, grid: { entity: Grid, column: 'grid_id' } },
  Dispatch: {
    ticket: { entity: Ticket, column: 'ticket_id' }, community: { entity: Community, column: 'community_id' },
    building: { entity: Building, column: 'building_id' }, household: { entity: Household, column: 'household_id' },
  },
  TicketEvent: { ticket: { entity: Ticket, column: 'ticket_id' } },
  DispatchUnit: { staff: { entity: Staff, column: 'staff_id' } },
};

/** What a statement reads besides its rows. */
export interface Prefetch {
  /** Single-row relations to read with each row: the field's entity under the row's column. */
  relations: { entity: EntityName<any>; column: string }[];
  /** True when the connection's totalCount is selected. */
  count: boolean;
  /** Sizes of each row's lists the query asks for (an estate's resident count): counted with the row. */
  counts: readonly CountSpec[];
  /** Nested lists to read with each row, with the arguments the query gives them and what to read with their rows. */
  lists: NestedList[];
}

/** A nested list read with its parent's rows. */
export interface NestedList {
  def: NestedListDef;
  args: PageArgs;
  prefetch: Prefetch;
}

export const NOTHING: Prefetch = Object.freeze({ relations: [], count: false, counts: [], lists: [] });

/** What a selection asks for, computed once per field of a parsed document; arguments are bound per request. */
interface Plan {
  relations: Prefetch['relations'];
  count: boolean;
  counts: readonly CountSpec[];
  lists: { def: NestedListDef; field: GraphQLField<unknown, unknown>; node: FieldNode; plan: Plan }[];
  /** The prefetch itself when it has no lists (and so no arguments). */
  fixed?: Prefetch;
}

/**
 * Plans by the field nodes they are for (the first node, then the whole
 * group): a nested list's plan, made while planning its parent, is the very
 * plan its own resolver finds, so the prefetch the parent's statement primed
 * the list's loader under is the one the resolver asks that loader for.
 */
const cache = new WeakMap<FieldNode, { nodes: readonly FieldNode[]; plans: Map<string, Plan> }[]>();

/**
 * What the query selects under a list field: for a connection, under
 * `edges.node` (and whether it asks for `totalCount`); for a plain list or a
 * single object, the items themselves.
 */
export function prefetchOf(info: GraphQLResolveInfo | undefined, typeName: string, connection: boolean): Prefetch {
  if (!info) return NOTHING;
  const plan = cachedPlan(info.schema, info.fragments, info.fieldNodes, typeName, connection, 0);
  return plan.fixed ?? bind(plan, info.variableValues);
}

/** The plan of these field nodes, made once (at the depth it is first asked for). */
function cachedPlan(
  schema: GraphQLSchema, fragments: Fragments, fieldNodes: readonly FieldNode[], typeName: string, connection: boolean, depth: number,
): Plan {
  let entries = cache.get(fieldNodes[0]);
  if (!entries) cache.set(fieldNodes[0], (entries = []));
  let entry = entries.find((e) => e.nodes.length === fieldNodes.length && e.nodes.every((node, i) => node === fieldNodes[i]));
  if (!entry) entries.push((entry = { nodes: [...fieldNodes], plans: new Map() }));
  const key = `${typeName}:${connection}`;
  let plan = entry.plans.get(key);
  if (!plan) entry.plans.set(key, (plan = planOf(schema, fragments, fieldNodes, typeName, connection, depth)));
  return plan;
}

/** Lists nest at most this deep in one statement (an estate's buildings' households' residents is three). */
const MAX_DEPTH = 3;

function planOf(
  schema: GraphQLSchema, fragments: Fragments, fieldNodes: readonly FieldNode[], typeName: string, connection: boolean, depth: number,
): Plan {
  const top = fieldNodes.flatMap((f) => fields(fragments, f.selectionSet, connection ? null : typeName));
  const nodes = connection ? top.filter((f) => f.name.value === 'edges').flatMap((e) => fields(fragments, e.selectionSet, null))
    .filter((f) => f.name.value === 'node').flatMap((n) => fields(fragments, n.selectionSet, typeName)) : top;
  const known = RELATIONS[typeName] ?? {};
  const wanted = new Set(nodes.map((f) => f.name.value).filter((name) => name in known));
  const plan: Plan = {
    relations: [...wanted].map((name) => known[name]),
    count: connection && top.some((f) => f.name.value === 'totalCount'),
    counts: [...new Set(nodes.map((f) => NESTED_COUNTS[typeName]?.[f.name.value]).filter((c) => c !== undefined))],
    lists: [],
  };
  const lists = NESTED_LISTS[typeName] ?? {};
  const type = schema.getType(typeName);
  if (depth < MAX_DEPTH && isObjectType(type)) {
    // One entry per response key: the nodes graphql-js merges into one field, resolved once.
    const byKey = new Map<string, FieldNode[]>();
    for (const f of nodes) {
      if (!(f.name.value in lists)) continue;
      const key = f.alias?.value ?? f.name.value;
      byKey.set(key, [...(byKey.get(key) ?? []), f]);
    }
    for (const group of byKey.values()) {
      const def = lists[group[0].name.value];
      const field = type.getFields()[group[0].name.value];
      plan.lists.push({ def, field, node: group[0], plan: cachedPlan(schema, fragments, group, def.element, def.kind === 'page', depth + 1) });
    }
  }
  if (plan.lists.length === 0) {
    // Nothing besides the rows is NOTHING itself: the loader a resolver without a selection to read asks for (spaces.ts, say).
    const none = plan.relations.length === 0 && !plan.count && plan.counts.length === 0;
    plan.fixed = none ? NOTHING : { relations: plan.relations, count: plan.count, counts: plan.counts, lists: [] };
  }
  return plan;
}

/**
 * Plans bound to a request's variables, kept per variables object: every
 * resolver of a request gets the same prefetch object for the same field, so
 * the loaders can keep the statement they built for it (loaders.ts).
 */
const bound = new WeakMap<Record<string, unknown>, Map<Plan, Prefetch>>();

/**
 * Bound plans by their argument values, so that requests repeating an
 * operation with the same arguments get the same prefetch object and the
 * loaders keep its statements across requests (loaders.ts). A plan keeps at
 * most INTERNED of them: past that (a page walked by cursor, say) each
 * request binds its own.
 */
const interned = new WeakMap<Plan, Map<string, Prefetch>>();
const INTERNED = 64;
/** A number for each interned prefetch, naming it in the key of the plans around it. */
const internedIds = new WeakMap<Prefetch, number>();
let lastInternedId = 0;

/** The plan with this request's arguments. A list whose arguments do not bind is left to its resolver, which reports them. */
function bind(plan: Plan, variables: Record<string, unknown>): Prefetch {
  if (plan.fixed) return plan.fixed;
  if (typeof variables !== 'object' || variables === null) return bindLists(plan, variables ?? {});
  let byPlan = bound.get(variables);
  if (!byPlan) bound.set(variables, (byPlan = new Map()));
  let prefetch = byPlan.get(plan);
  if (!prefetch) byPlan.set(plan, (prefetch = bindLists(plan, variables)));
  return prefetch;
}

function bindLists(plan: Plan, variables: Record<string, unknown>): Prefetch {
  const lists: NestedList[] = [];
  // Which lists bound, with what arguments and what under them: equal keys, equal prefetches.
  const key: unknown[] = [];
  plan.lists.forEach((list, i) => {
    try {
      const args = getArgumentValues(list.field, list.node, variables) as PageArgs;
      if (list.def.kind === 'children' && Object.values(args).some((value) => value != null)) return;
      const prefetch = bind(list.plan, variables);
      lists.push({ def: list.def, args, prefetch });
      key.push(i, args, internedIds.get(prefetch) ?? (prefetch.lists.length === 0 ? -1 : null));
    } catch {
      // The resolver reads the same arguments and answers the error.
    }
  });
  const fresh: Prefetch = { relations: plan.relations, count: plan.count, counts: plan.counts, lists };
  // A list under a prefetch that was not interned makes this one a request's own.
  if (key.includes(null)) return fresh;
  let byArgs = interned.get(plan);
  if (!byArgs) interned.set(plan, (byArgs = new Map()));
  const text = JSON.stringify(key);
  const known = byArgs.get(text);
  if (known) return known;
  if (byArgs.size >= INTERNED) return fresh;
  byArgs.set(text, fresh);
  internedIds.set(fresh, ++lastInternedId);
  return fresh;
}

type Fragments = GraphQLResolveInfo['fragments'];

/** The fields of a selection set, through inline fragments and fragment spreads on `typeName` (or any type, when null). */
function fields(fragments: Fragments, set: SelectionSetNode | undefined, typeName: string | null): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : fragments[s.name.value];
    if (!fragment) return [];
    const on = fragment.typeCondition?.name.value;
    return on && typeName && on !== typeName && on !== 'Node' ? [] : fields(fragments, fragment.selectionSet, typeName);
  });
}
