import type { Community } from '../entities';
import type { Context } from '../context';
import { badInput, forbidden, hidden, notFound, preview, unauthenticated } from '../errors';
import { isEstateCode } from '../auth';
import { expectGlobalId } from '../ids';
import { filterEstates } from './ticket-queries';
import { lookUp } from './ticket-input';

/**
 * Small checks the newer domains share: the estate a write names, a place in
 * it, and short labels people type.
 */

/**
 * The estate a write names by code. Estates are public: a code that names
 * none is NOT_FOUND; the token must cover the estate (FORBIDDEN otherwise, as
 * for a filter), and a member of staff must work there.
 */
export async function communityOf(ctx: Context, code: string): Promise<Community> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to change estate records');
  const named = isEstateCode(code) ? await ctx.loaders.communityByCode.load(code) : null;
  if (!named) throw notFound(`No estate has the code "${preview(code)}"`);
  const [id] = await filterEstates(ctx, [code], 'communityCode') as number[];
  const community = (await ctx.loaders.community.load(id))!;
  if (ctx.viewer.staffCommunityId !== undefined && ctx.viewer.staffCommunityId !== community.id) throw forbidden('You work in another estate');
  return community;
}

/** A short label: trimmed, 1 to `max` characters, no control characters (BAD_USER_INPUT naming `field`). */
export function label(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max) throw badInput(`${field} must be 1 to ${max} characters, got ${trimmed.length}`, field);
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw badInput(`${field} must not contain control characters`, field);
  return trimmed;
}

/** A phone number as people give it: 5–20 digits, a leading + allowed, spaces and dashes dropped. */
export function phone(value: string, field: string): string {
  const compact = value.replace(/[\s-]/g, '');
  if (!/^\+?\d{5,19}$/.test(compact)) throw badInput(`${field} must be 5 to 20 digits (a leading + allowed)`, field);
  return compact;
}

/** A whole number within bounds (BAD_USER_INPUT naming `field`). */
export function count(value: number, field: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw badInput(`${field} must be 0 to ${max}, got ${value}`, field);
  return value;
}

/** An instant that has already happened (BAD_USER_INPUT naming `field` when it is in the future). */
export function past(value: Date | string, field: string): Date {
  const at = new Date(value);
  if (at.getTime() > Date.now() + 60_000) throw badInput(`${field} must not be in the future`, field);
  return at;
}

/**
 * The building and public space `buildingId` / `spaceId` name, looked up
 * before anything about the write is decided: one that does not exist, or
 * of an estate the token does not cover (spaces are public, acting on one is
 * not), is NOT_FOUND in the same words; a malformed ID is left to `placeOf`.
 */
export async function findPlace(ctx: Context, input: { buildingId?: string | null; spaceId?: string | null }): Promise<void> {
  await lookUp(input.buildingId, 'Building', ctx.loaders.building);
  const space = await lookUp(input.spaceId, 'PublicSpace', ctx.loaders.publicSpace);
  if (space && !(ctx.viewer.scope === 'ALL' || ctx.viewer.scope.has(space.community.id))) throw hidden('PublicSpace');
}

/**
 * A building or public space of the estate, from `buildingId` / `spaceId`:
 * exactly one when `required`, at most one otherwise. One the viewer may not
 * read is NOT_FOUND (see `findPlace`); one of another estate the token covers is BAD_USER_INPUT.
 */
export async function placeOf(
  ctx: Context, input: { buildingId?: string | null; spaceId?: string | null }, communityId: number, field: string, required = true,
): Promise<{ buildingId: number | null; spaceId: number | null }> {
  const name = (argument: string) => (field ? `${field}.${argument}` : argument);
  const given = (input.buildingId != null ? 1 : 0) + (input.spaceId != null ? 1 : 0);
  if (given > 1 || (required && given === 0)) throw badInput(`Give ${required ? 'exactly' : 'at most'} one of buildingId and spaceId`, name('buildingId'));
  if (input.buildingId != null) {
    const building = await ctx.loaders.building.load(expectGlobalId(input.buildingId, 'Building', name('buildingId')));
    if (!building) throw notFound('No Building with this ID is visible to you');
    if (building.community.id !== communityId) throw badInput('The building must be in the same estate', name('buildingId'));
    return { buildingId: building.id, spaceId: null };
  }
  if (input.spaceId != null) {
    const space = await ctx.loaders.publicSpace.load(expectGlobalId(input.spaceId, 'PublicSpace', name('spaceId')));
    if (!space || !(ctx.viewer.scope === 'ALL' || ctx.viewer.scope.has(space.community.id))) throw notFound('No PublicSpace with this ID is visible to you');
    if (space.community.id !== communityId) throw badInput('The public space must be in the same estate', name('spaceId'));
    return { buildingId: null, spaceId: space.id };
  }
  return { buildingId: null, spaceId: null };
}
