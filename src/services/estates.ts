import { Building, Community, Household, Resident } from '../entities';
import { isEstateCode } from '../auth';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { prefetchOf } from '../prefetch';
import { BUILDINGS, COUNTS, HOUSEHOLDS, RESIDENTS_OF_HOUSEHOLD } from '../lists';
import { forbidden, hidden, notFound, preview, unauthenticated } from '../errors';
import { expectGlobalId } from '../ids';
import { forgetSubject } from '../access/viewer';
import type { Connection, ListSpec, Now, PageArgs, Paged } from './paging';

/**
 * Estates, buildings, households and residents. Which rows a viewer reads is
 * decided by the data layer (access/rows.ts), which fields by the SDL's
 * @personal and @scoped (access/fields.ts).
 */

const COMMUNITIES: ListSpec<Community> = { entity: Community, orderBy: ['code', 'id'] };

/** An estate by code; NOT_FOUND when there is none. Estates are public. */
export async function communityByCode(ctx: Context, code: string, info?: GraphQLResolveInfo): Promise<Community> {
  const community = isEstateCode(code) ? await ctx.loaders.communityByCodeWith(prefetchOf(info, 'Community', false)).load(code) : null;
  if (!community) throw notFound(`No estate has the code "${preview(code)}"`);
  return community;
}

/** Every estate, ordered by code. Public. */
export function listCommunities(ctx: Context, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<Community>> {
  return ctx.loaders.page(COMMUNITIES, args, prefetchOf(info, 'Community', true));
}

/** The estate's buildings, ordered by code. */
export function communityBuildings(ctx: Context, community: Community, args: PageArgs, info?: GraphQLResolveInfo): Paged<Building> {
  return ctx.loaders.childPage(BUILDINGS, community.id, args, prefetchOf(info, 'Building', true));
}

/** Residents, households or special-care households of an estate. */
export function communityCount(ctx: Context, community: Community, what: 'residents' | 'households' | 'specialCare'): Promise<number> {
  return ctx.loaders.count(COUNTS[what], community.id);
}

/** A building's households (see HOUSEHOLDS for the order). */
export function buildingHouseholds(ctx: Context, building: Building, args: PageArgs, info?: GraphQLResolveInfo): Paged<Household> {
  return ctx.loaders.childPage(HOUSEHOLDS, building.id, args, prefetchOf(info, 'Household', true));
}

export function buildingHouseholdCount(ctx: Context, building: Building): Promise<number> {
  return ctx.loaders.count(COUNTS.buildingHouseholds, building.id);
}

/** A household's residents in the order they were registered. */
export function householdResidents(ctx: Context, household: Household, info?: GraphQLResolveInfo): Now<Resident[]> {
  return ctx.loaders.listOf(RESIDENTS_OF_HOUSEHOLD, household.id, prefetchOf(info, 'Resident', false));
}

/** What `eraseResident` removed and kept. */
export interface Erasure {
  residentId: number;
  ticketsKept: number;
  eventsKept: number;
}

/**
 * Erases a resident's personal data: the row goes, and with it their name,
 * phone and household link. Their tickets and ticket events stay (the foreign
 * keys set the links to null; the events' append-only guard allows exactly
 * that change), so the estate's history and figures are intact.
 */
export async function eraseResident(ctx: Context, residentGlobalId: string): Promise<Erasure> {
  const { role } = ctx.viewer;
  if (!role) throw unauthenticated('Sign in to erase a resident');
  const id = expectGlobalId(residentGlobalId, 'Resident', 'residentId');
  const resident = await ctx.loaders.resident.load(id);
  if (!resident) throw hidden('Resident');
  if (role !== 'MANAGER' && role !== 'ADMIN') throw forbidden('Only a manager of the estate or an admin can erase a resident');
  if (ctx.viewer.staffCommunityId !== undefined && ctx.viewer.staffCommunityId !== resident.community.id) {
    throw forbidden('You manage another estate');
  }
  const erasure = await ctx.em.transactional(async (em) => {
    const [counts]: { tickets: number; events: number }[] = await em.execute(
      `select (select count(*) from ticket where reporter_resident_id = ?)::int as tickets,
              (select count(*) from ticket_event where actor_resident_id = ?)::int as events`, [id, id]);
    await em.execute('delete from resident where id = ?', [id]);
    return { residentId: id, ticketsKept: counts.tickets, eventsKept: counts.events };
  });
  forgetSubject({ residentId: id });
  ctx.logger.info({ requestId: ctx.requestId, residentId: id, by: ctx.viewer.subject }, 'resident erased');
  return erasure;
}
