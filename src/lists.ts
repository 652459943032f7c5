import type { EntityName } from '@mikro-orm/core';
import { Building, Grid, Household, PublicSpace, Resident, Ticket, TicketEvent } from './entities';
import type { Condition, ListSpec, Tally } from './services/paging';
import type { CountSpec } from './loaders';

/**
 * The nested lists a parent's statement may read with its rows (see
 * prefetch.ts), defined once: the services that resolve these fields read
 * them with exactly these definitions, so a list read ahead and the same
 * list read by its resolver are the same statement, and the one primes the
 * other's loader.
 */

/** A plain list of a parent's rows, in a fixed order. */
export interface ChildrenList<T extends object = any> {
  entity: EntityName<T>;
  foreignKey: string;
  orderBy: Record<string, 'asc' | 'desc'>;
}

const NEWEST_FIRST = { entity: Ticket, orderBy: ['created_at', 'id'], descending: true } as const;

/**
 * Ticket lists by parent, newest first (each parent column indexed with created_at, id). A building's tickets are
 * kept in `building_ticket_tally` by building and by the columns the ticket rule tests (its migration says how).
 */
export const TICKETS_OF = {
  community: { ...NEWEST_FIRST, parentColumn: 'community_id' },
  grid: { ...NEWEST_FIRST, parentColumn: 'grid_id' },
  building: { ...NEWEST_FIRST, parentColumn: 'building_id', tally: { table: 'building_ticket_tally', column: 'tickets', keys: ['building_id', 'community_id', 'channel'] } },
  household: { ...NEWEST_FIRST, parentColumn: 'household_id' },
  resident: { ...NEWEST_FIRST, parentColumn: 'reporter_resident_id' },
} as const satisfies Record<string, ListSpec<Ticket>>;

/** Every ticket across the viewer's estates (the root `tickets` list, filters added per request). */
export const ALL_TICKETS = NEWEST_FIRST;

/** A ticket's events, oldest first. */
export const TIMELINE: ListSpec<TicketEvent> = { entity: TicketEvent, orderBy: ['id'], parentColumn: 'ticket_id' };

export const BUILDINGS: ListSpec<Building> = { entity: Building, orderBy: ['code', 'id'], parentColumn: 'community_id' };
/** By unit for staff; by id for everyone else, whom neither the order nor a cursor may tell a flat number. */
export const HOUSEHOLDS: ListSpec<Household> = { entity: Household, orderBy: ['id'], staffOrderBy: ['unit', 'id'], parentColumn: 'building_id' };

/** A household's residents in the order they were registered. */
export const RESIDENTS_OF_HOUSEHOLD: ChildrenList<Resident> = { entity: Resident, foreignKey: 'household', orderBy: { id: 'asc' } };
/** An estate's grids by code. */
export const GRIDS_OF_COMMUNITY: ChildrenList<Grid> = { entity: Grid, foreignKey: 'community', orderBy: { code: 'asc' } };
/** An estate's public spaces by code. */
export const PUBLIC_SPACES_OF_COMMUNITY: ChildrenList<PublicSpace> = { entity: PublicSpace, foreignKey: 'community', orderBy: { code: 'asc' } };
/** A grid's buildings by code. */
export const BUILDINGS_OF_GRID: ChildrenList<Building> = { entity: Building, foreignKey: 'grid', orderBy: { code: 'asc' } };

/** An estate's sizes, kept in `community_tally` by estate (its migration says how). */
const estateTally = (column: 'residents' | 'households' | 'special_care_households', where?: Condition): Tally => ({ table: 'community_tally', column, keys: ['community_id'], where });
/** A special-care household: one with any care need (as `community_tally`'s trigger counts it). */
const SPECIAL_CARE: Condition = { sql: 'cardinality(x.care_needs) > 0', bindings: [] };

/** Sizes of a parent's lists, counted under the counted table's access rule (an estate's sizes read from its tally, see CountSpec). */
export const COUNTS = {
  residents: { entity: Resident, parentColumn: 'community_id', tally: estateTally('residents') },
  households: { entity: Household, parentColumn: 'community_id', tally: estateTally('households') },
  specialCare: { entity: Household, parentColumn: 'community_id', where: SPECIAL_CARE, tally: estateTally('special_care_households', SPECIAL_CARE) },
  buildingHouseholds: { entity: Household, parentColumn: 'building_id' },
} as const satisfies Record<string, CountSpec>;

/** The counts a parent's statement can read with its rows, by GraphQL type and field (the resolvers count with the same definitions). */
export const NESTED_COUNTS: Record<string, Record<string, CountSpec>> = {
  Community: { residentCount: COUNTS.residents, householdCount: COUNTS.households, specialCareHouseholdCount: COUNTS.specialCare },
  Building: { householdCount: COUNTS.buildingHouseholds },
};

/** What a parent type's field lists: a page (a connection) or a plain list, and the GraphQL type of its items. */
export type NestedListDef =
  | { kind: 'page'; spec: ListSpec<any>; element: string }
  /** A plain list is read ahead only when the query gives none of the field's arguments (they narrow it: its resolver reads it then). */
  | { kind: 'children'; list: ChildrenList; element: string };

const page = (spec: ListSpec<any>, element: string): NestedListDef => ({ kind: 'page', spec, element });
const children = (list: ChildrenList, element: string): NestedListDef => ({ kind: 'children', list, element });

/** The nested lists that can be read ahead, by GraphQL type and field. A field missing here is read by its resolver. */
export const NESTED_LISTS: Record<string, Record<string, NestedListDef>> = {
  Community: {
    buildings: page(BUILDINGS, 'Building'), grids: children(GRIDS_OF_COMMUNITY, 'Grid'), tickets: page(TICKETS_OF.community, 'Ticket'),
    publicSpaces: children(PUBLIC_SPACES_OF_COMMUNITY, 'PublicSpace'),
  },
  Grid: { buildings: children(BUILDINGS_OF_GRID, 'Building'), tickets: page(TICKETS_OF.grid, 'Ticket') },
  Building: { households: page(HOUSEHOLDS, 'Household'), tickets: page(TICKETS_OF.building, 'Ticket') },
  Household: { residents: children(RESIDENTS_OF_HOUSEHOLD, 'Resident'), tickets: page(TICKETS_OF.household, 'Ticket') },
  Ticket: { timeline: page(TIMELINE, 'TicketEvent') },
};
