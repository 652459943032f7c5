import { Building, Community, Household, Resident } from '../entities';
import type { Context } from '../context';
import { notFound } from '../errors';
import { assertInScope, assertPersonalData } from './access';
import type { Connection, ListSpec, PageArgs } from './paging';

/** Estates, buildings, households and residents. */

const COMMUNITIES: ListSpec<Community> = { entity: Community, table: 'community', orderBy: ['code', 'id'] };
const BUILDINGS: ListSpec<Building> = { entity: Building, table: 'building', orderBy: ['code', 'id'], parentColumn: 'community_id' };
const HOUSEHOLDS: ListSpec<Household> = { entity: Household, table: 'household', orderBy: ['unit', 'id'], parentColumn: 'building_id' };

const COUNTS = {
  residents: { table: 'resident', parentColumn: 'community_id' },
  households: { table: 'household', parentColumn: 'community_id' },
  specialCare: { table: 'household', parentColumn: 'community_id', where: { sql: 'cardinality(x.care_needs) > 0', bindings: [] } },
  buildingHouseholds: { table: 'household', parentColumn: 'building_id' },
} as const;

/** An estate by code; NOT_FOUND when there is none. Estates are public. */
export async function communityByCode(ctx: Context, code: string): Promise<Community> {
  const community = await ctx.loaders.communityByCode.load(code);
  if (!community) throw notFound(`No estate has the code "${code}"`);
  return community;
}

/** Every estate, ordered by code. Public. */
export function listCommunities(ctx: Context, args: PageArgs): Promise<Connection<Community>> {
  return ctx.loaders.page(COMMUNITIES, args);
}

/** The estate's buildings, ordered by code. */
export async function communityBuildings(ctx: Context, community: Community, args: PageArgs): Promise<Connection<Building>> {
  await assertInScope(ctx, community.id);
  return ctx.loaders.childPage(BUILDINGS, 'all', community.id, args);
}

/** Residents, households or special-care households of an estate. */
export async function communityCount(ctx: Context, community: Community, what: 'residents' | 'households' | 'specialCare'): Promise<number> {
  await assertInScope(ctx, community.id);
  return ctx.loaders.count(COUNTS[what], what).load(community.id);
}

/** A building's households, ordered by unit. The building was reached in scope. */
export function buildingHouseholds(ctx: Context, building: Building, args: PageArgs): Promise<Connection<Household>> {
  return ctx.loaders.childPage(HOUSEHOLDS, 'all', building.id, args);
}

export function buildingHouseholdCount(ctx: Context, building: Building): Promise<number> {
  return ctx.loaders.count(COUNTS.buildingHouseholds, 'all').load(building.id);
}

/** A household's residents in the order they were registered. */
export function householdResidents(ctx: Context, household: Household): Promise<Resident[]> {
  return ctx.loaders.children(Resident, 'household', { id: 'asc' }).load(household.id);
}

/** A personal field of a household, after the role check. */
export function householdPersonal<K extends 'unit' | 'careNeeds'>(ctx: Context, household: Household, field: K): Household[K] | Promise<Household[K]> {
  const check = assertPersonalData(ctx, household.id);
  return check ? check.then(() => household[field]) : household[field];
}

/** A personal field of a resident, after the role check. */
export function residentPersonal<K extends 'name' | 'phone'>(ctx: Context, resident: Resident, field: K): Resident[K] | Promise<Resident[K]> {
  const check = assertPersonalData(ctx, resident.household.id);
  return check ? check.then(() => resident[field]) : resident[field];
}
