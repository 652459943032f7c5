import { Community, type Resident, type Staff } from '../entities';
import type { Context } from '../context';
import type { Viewer } from '../access/viewer';

/** The viewer of a request; the resolvers below read its pieces. */
export function currentViewer(ctx: Context): Viewer {
  return ctx.viewer;
}

/** The estates a viewer's token covers, ordered by code. */
export async function viewerCommunities(ctx: Context, viewer: Viewer): Promise<Community[]> {
  if (viewer.scopeIds === 'ALL') {
    const page = await ctx.loaders.page({ entity: Community, orderBy: ['code', 'id'] }, { first: 100 });
    return page.edges.map((e) => e.node);
  }
  const estates = await ctx.loaders.community.loadMany([...viewer.scopeIds]);
  return estates.filter((c): c is Community => c !== null && !(c instanceof Error)).sort((a, b) => a.code.localeCompare(b.code));
}

/** The resident or member of staff the token names, read with the viewer's own rights. */
export function viewerResident(ctx: Context, viewer: Viewer): Promise<Resident | null> | null {
  return viewer.residentId === undefined ? null : ctx.loaders.resident.load(viewer.residentId);
}

export function viewerStaff(ctx: Context, viewer: Viewer): Promise<Staff | null> | null {
  return viewer.staffId === undefined ? null : ctx.loaders.staff.load(viewer.staffId);
}
