import { Building, Community, Grid, Staff } from '../entities';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { prefetchOf } from '../prefetch';
import { BUILDINGS_OF_GRID, GRIDS_OF_COMMUNITY } from '../lists';
import type { ListSpec, Now, PageArgs, Paged } from './paging';

/** Grids, their squads and the estate's staff. */

const STAFF: ListSpec<Staff> = { entity: Staff, orderBy: ['code', 'id'], parentColumn: 'community_id' };

/** Squad order: the steward leads, then the 1+3 roles, then anyone else. */
const ROLE_ORDER = ['STEWARD', 'SECURITY', 'CLEANING', 'MAINTENANCE', 'DISPATCHER', 'MANAGER'];

/** The estate's grids, ordered by code. */
export function communityGrids(ctx: Context, community: Community, info?: GraphQLResolveInfo): Now<Grid[]> {
  return ctx.loaders.listOf(GRIDS_OF_COMMUNITY, community.id, prefetchOf(info, 'Grid', false));
}

/** The estate's staff, ordered by code. */
export function communityStaff(ctx: Context, community: Community, args: PageArgs, info?: GraphQLResolveInfo): Paged<Staff> {
  return ctx.loaders.childPage(STAFF, community.id, args, prefetchOf(info, 'Staff', true));
}

export function gridSteward(ctx: Context, grid: Grid): Now<Staff | null> {
  return grid.steward ? ctx.loaders.now(ctx.loaders.staff, grid.steward.id) : null;
}

/** Everyone assigned to the grid, steward first. */
export async function gridSquad(ctx: Context, grid: Grid, info?: GraphQLResolveInfo): Promise<Staff[]> {
  const members = await ctx.loaders.children(Staff, 'grid', { code: 'asc' }, prefetchOf(info, 'Staff', false)).load(grid.id);
  const rank = (s: Staff) => (s.id === grid.steward?.id ? -1 : ROLE_ORDER.indexOf(s.role));
  return [...members].sort((a, b) => rank(a) - rank(b));
}

export function gridBuildings(ctx: Context, grid: Grid, info?: GraphQLResolveInfo): Now<Building[]> {
  return ctx.loaders.listOf(BUILDINGS_OF_GRID, grid.id, prefetchOf(info, 'Building', false));
}
