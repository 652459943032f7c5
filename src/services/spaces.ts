import { Community, PublicSpace } from '../entities';
import type { Context } from '../context';

/** Public spaces of an estate. Public data: no token needed. */
export function communityPublicSpaces(ctx: Context, community: Community): Promise<PublicSpace[]> {
  return ctx.loaders.children(PublicSpace, 'community', { code: 'asc' }).load(community.id);
}
