import { STAFF_ROLES } from '../auth';
import { memo, type Context } from '../context';
import { forbidden, unauthenticated } from '../errors';

/**
 * Who may see what. Estates are scoped by the token's `communities`; personal
 * data (residents' names and phones, household units and care needs) only for
 * staff roles of the estate and, for their own household, residents.
 */

/**
 * Estate codes never change owner, so their row ids are kept per process for a
 * short while: scoping a request then costs no statement. Unknown codes are
 * not kept (an estate created a moment ago is found at once).
 */
const estateIds = new Map<string, { id: number; until: number }>();
const ESTATE_ID_TTL_MS = 60_000;

/** The row ids of the estates the viewer's token covers, resolved once per request. */
export function scopeIds(ctx: Context): Promise<ReadonlySet<number> | 'ALL'> {
  return memo(ctx, 'scope', async () => {
    const { communities } = ctx.viewer;
    if (communities === 'ALL') return 'ALL';
    const now = Date.now();
    const ids = new Set<number>();
    const missing = communities.filter((code) => {
      const known = estateIds.get(code);
      if (known && known.until > now) ids.add(known.id);
      return !(known && known.until > now);
    });
    if (missing.length) {
      const found = await ctx.loaders.communityByCode.loadMany(missing);
      for (const c of found) {
        if (!c || c instanceof Error) continue;
        ids.add(c.id);
        estateIds.set(c.code, { id: c.id, until: now + ESTATE_ID_TTL_MS });
      }
    }
    return ids;
  });
}

/** True when the viewer may see non-public data of this estate. */
export async function inScope(ctx: Context, communityId: number): Promise<boolean> {
  if (!ctx.viewer.role) return false;
  const scope = await scopeIds(ctx);
  return scope === 'ALL' || scope.has(communityId);
}

/**
 * For non-public fields of an estate the viewer reached through a public
 * object (the estate itself): UNAUTHENTICATED without a token, FORBIDDEN for
 * a token of other estates.
 */
export async function assertInScope(ctx: Context, communityId: number): Promise<void> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in with a token for this estate to see this data');
  if (!(await inScope(ctx, communityId))) throw forbidden('Your token does not cover this estate');
}

/** The household of a RESIDENT viewer; null for every other role. */
export function viewerHouseholdId(ctx: Context): Promise<number | null> {
  return memo(ctx, 'household', async () => {
    const id = ctx.viewer.residentId;
    if (ctx.viewer.role !== 'RESIDENT' || id === undefined) return null;
    const resident = await ctx.loaders.resident.load(id);
    return resident ? resident.household.id : null;
  });
}

/** Whose tickets a RESIDENT may see: their household's and the ones they raised. */
export interface TicketOwner {
  householdId: number | null;
  residentId: number;
}

/** The RESIDENT viewer's ticket ownership; null for every other role (they see whole estates). */
export async function ticketOwner(ctx: Context): Promise<TicketOwner | null> {
  if (ctx.viewer.role !== 'RESIDENT' || ctx.viewer.residentId === undefined) return null;
  return { householdId: await viewerHouseholdId(ctx), residentId: ctx.viewer.residentId };
}

/** True when a ticket (by its household and reporter) belongs to the owner. */
export function ownsTicket(owner: TicketOwner, householdId: number | null | undefined, reporterResidentId: number | null | undefined): boolean {
  return (householdId != null && householdId === owner.householdId) || reporterResidentId === owner.residentId;
}

/**
 * Personal data of a household (its unit, care needs, residents' names and
 * phones). The object was already reached in scope; this adds the role rule.
 */
export function assertPersonalData(ctx: Context, householdId: number): void | Promise<void> {
  const { role } = ctx.viewer;
  if (!role) throw unauthenticated();
  // Staff answer synchronously: this runs once per personal field, hundreds of times in a page.
  if (STAFF_ROLES.includes(role)) return;
  if (role !== 'RESIDENT') throw forbidden(`Personal data is not available to ${role} tokens`);
  return viewerHouseholdId(ctx).then((own) => {
    if (own !== householdId) throw forbidden('Residents see personal data of their own household only');
  });
}

/** Staff contact details (work phones, grid workers' phones): staff roles only. */
export function assertStaffContact(ctx: Context): void {
  const { role } = ctx.viewer;
  if (!role) throw unauthenticated();
  if (!STAFF_ROLES.includes(role)) throw forbidden(`Staff contact details are not available to ${role} tokens`);
}
