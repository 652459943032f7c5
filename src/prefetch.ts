import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { EntityName } from '@mikro-orm/core';
import { Building, Community, Grid, Household, PublicSpace, Resident, Staff, Ticket } from './entities';

/**
 * Selection-aware reads. A page of tickets whose query asks for each ticket's
 * household, reporter and assignee would cost one statement per relation;
 * instead the page's own statement reads the rows of the single-row relations
 * the query selects (each under its table's access rule, see loaders.ts) and
 * primes the per-request loaders with them, so the relation resolvers find
 * them without a statement. Likewise a connection whose `totalCount` is
 * selected is counted in the page's statement.
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

/** What a list's statement reads besides its rows. */
export interface Prefetch {
  /** Single-row relations to read with each row: the field's entity under the row's column. */
  relations: { entity: EntityName<any>; column: string }[];
  /** True when the connection's totalCount is selected. */
  count: boolean;
}

export const NOTHING: Prefetch = Object.freeze({ relations: [], count: false });

const cache = new WeakMap<readonly FieldNode[], Map<string, Prefetch>>();

/**
 * What the query selects under a list field: for a connection, under
 * `edges.node` (and whether it asks for `totalCount`); for a plain list, the
 * items themselves. Computed once per field of a parsed document.
 */
export function prefetchOf(info: GraphQLResolveInfo | undefined, typeName: string, connection: boolean): Prefetch {
  if (!info) return NOTHING;
  let byType = cache.get(info.fieldNodes);
  if (!byType) cache.set(info.fieldNodes, (byType = new Map()));
  const key = `${typeName}:${connection}`;
  let prefetch = byType.get(key);
  if (!prefetch) byType.set(key, (prefetch = compute(info, typeName, connection)));
  return prefetch;
}

function compute(info: GraphQLResolveInfo, typeName: string, connection: boolean): Prefetch {
  const top = info.fieldNodes.flatMap((f) => fields(info, f.selectionSet, connection ? null : typeName));
  const nodes = connection ? top.filter((f) => f.name.value === 'edges').flatMap((e) => fields(info, e.selectionSet, null))
    .filter((f) => f.name.value === 'node').flatMap((n) => fields(info, n.selectionSet, typeName)) : top;
  const known = RELATIONS[typeName] ?? {};
  const wanted = new Set(nodes.map((f) => f.name.value).filter((name) => name in known));
  return {
    relations: [...wanted].map((name) => known[name]),
    count: connection && top.some((f) => f.name.value === 'totalCount'),
  };
}

/** The fields of a selection set, through inline fragments and fragment spreads on `typeName` (or any type, when null). */
function fields(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, typeName: string | null): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : info.fragments[s.name.value];
    if (!fragment) return [];
    const on = fragment.typeCondition?.name.value;
    return on && typeName && on !== typeName && on !== 'Node' ? [] : fields(info, fragment.selectionSet, typeName);
  });
}
