import { Building, Community, Grid, Staff } from '../entities';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { prefetchOf } from '../prefetch';
import { BUILDINGS_OF_GRID, GRIDS_OF_COMMUNITY } from '../lists';
import type { Connection, ListSpec, PageArgs } from './paging';

/** Grids, their squads and the estate's staff. */

const STAFF: ListSpec<Staff> = { entity: Staff, orderBy: ['code', 'id'], parentColumn: 'community_id' };

/** Squad order: the steward leads, then the 1+3 roles, then anyone else. */
const ROLE_ORDER = ['STEWARD', 'SECURITY', 'CLEANING', 'MAINTENANCE', 'DISPATCHER', 'MANAGER'];

/** The estate's grids, ordered by code. */
export function communityGrids(ctx: Context, community: Community, info?: GraphQLResolveInfo): Promise<Grid[]> {
  return ctx.loaders.childrenOf(GRIDS_OF_COMMUNITY, prefetchOf(info, 'Grid', false)).load(community.id);
}

/** The estate's staff, ordered by code. */
export function communityStaff(ctx: Context, community: Community, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<Staff>> {
  return ctx.loaders.childPage(STAFF, community.id, args, prefetchOf(info, 'Staff', true));
}

export async function gridSteward(ctx: Context, grid: Grid): Promise<Staff | null> {
  return grid.steward ? ctx.loaders.staff.load(grid.steward.id) : null;
}

/** Everyone assigned to the grid, steward first. */
export async function gridSquad(ctx: Context, grid: Grid, info?: GraphQLResolveInfo): Promise<Staff[]> {
  const members = await ctx.loaders.children(Staff, 'grid', { code: 'asc' }, prefetchOf(info, 'Staff', false)).load(grid.id);
  const rank = (s: Staff) => (s.id === grid.steward?.id ? -1 : ROLE_ORDER.indexOf(s.role));
  return [...members].sort((a, b) => rank(a) - rank(b));
}

export function gridBuildings(ctx: Context, grid: Grid, info?: GraphQLResolveInfo): Promise<Building[]> {
  return ctx.loaders.childrenOf(BUILDINGS_OF_GRID, prefetchOf(info, 'Building', false)).load(grid.id);
}
