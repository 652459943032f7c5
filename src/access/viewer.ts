import type { EntityManager } from '@mikro-orm/postgresql';
import { STAFF_SUBJECT_ROLES, bearerToken, verifyToken, type Role, type VerifiedToken } from '../auth';
import { unauthenticated } from '../errors';

/**
 * Who is asking, as every access rule sees it: the token's claims, confirmed
 * against the database once per token. `role: null` is an anonymous caller
 * (public data only).
 */
export interface Viewer {
  role: Role | null;
  subject: string | null;
  /** Estate codes as the token lists them; 'ALL' only for an ADMIN token without the claim. */
  communities: readonly string[] | 'ALL';
  /** Row ids of the estates the token covers (codes that name no estate are left out). */
  scope: ReadonlySet<number> | 'ALL';
  /** The same ids as a sorted list, for SQL. */
  scopeIds: readonly number[] | 'ALL';
  /** The covered estates' row ids by code (absent for 'ALL'): a filter by estate code needs no statement. */
  estateIds?: ReadonlyMap<string, number>;
  /** RESIDENT: the Resident the token names and their household. */
  residentId?: number;
  householdId?: number;
  /** STAFF, DISPATCHER, MANAGER: the Staff the token names and the estate they work in. */
  staffId?: number;
  staffCommunityId?: number;
  /** Seconds since the epoch when the token stops being valid. */
  expiresAt?: number;
  /**
   * Everything the access rules read about this viewer. Two viewers with the
   * same key get the same answer to the same operation, so subscribers may
   * share an execution exactly when their keys are equal.
   */
  rightsKey: string;
}

export const ANONYMOUS: Viewer = Object.freeze({
  role: null, subject: null, communities: Object.freeze([]), scope: new Set<number>(), scopeIds: Object.freeze([]), rightsKey: 'anonymous',
});

/** How long a confirmed token is trusted without asking the database again (erasure, staff leaving). */
const CONFIRMED_TTL_MS = 60_000;
/** Tokens remembered at once; the oldest are forgotten first. */
const CACHE_SIZE = 10_000;

const confirmed = new Map<string, { viewer: Viewer; until: number }>();

export interface TokenRules {
  secret: Uint8Array;
  maxLifetimeSeconds: number;
}

/**
 * Turns an `Authorization` value into a Viewer. No value: anonymous. A value
 * that is not a valid token, or whose subject is not a resident or member of
 * staff of an estate the token lists, is UNAUTHENTICATED. Each token is
 * verified and confirmed once and then remembered for a minute (bounded).
 * `fork` gives the EntityManager to confirm it with.
 */
export async function viewerFromAuthorization(header: unknown, rules: TokenRules, fork: () => EntityManager): Promise<Viewer> {
  const token = bearerToken(header);
  if (token === null) return ANONYMOUS;
  const now = Date.now();
  const known = confirmed.get(token);
  if (known && known.until > now) {
    if (known.viewer.expiresAt! * 1000 <= now) throw unauthenticated('The token has expired');
    return known.viewer;
  }
  const claims = await verifyToken(token, rules.secret, rules.maxLifetimeSeconds);
  // A fork only when the token has to be confirmed: most requests carry a remembered one.
  const viewer = await confirm(claims, fork());
  if (confirmed.size >= CACHE_SIZE) confirmed.delete(confirmed.keys().next().value!);
  confirmed.set(token, { viewer, until: Math.min(now + CONFIRMED_TTL_MS, claims.expiresAt * 1000) });
  return viewer;
}

/** Forgets every remembered token of this resident or member of staff (after erasure, say). */
export function forgetSubject(match: { residentId?: number; staffId?: number }): void {
  for (const [token, { viewer }] of confirmed) {
    if ((match.residentId !== undefined && viewer.residentId === match.residentId)
      || (match.staffId !== undefined && viewer.staffId === match.staffId)) confirmed.delete(token);
  }
}

/**
 * Resolves the token's estates to row ids and checks its subject against them,
 * in one statement: a RESIDENT must live in, and a member of staff work in, an
 * estate the token lists.
 */
async function confirm(claims: VerifiedToken, em: EntityManager): Promise<Viewer> {
  const codes = claims.communities === 'ALL' ? null : claims.communities;
  const [row]: { estates: [number, string][] | null; resident: [number, number] | null; staff: number | null }[] = await em.execute(
    `select (select json_agg(json_build_array(c.id, c.code)) from community c where c.code = any(?::text[])) as estates,
            (select json_build_array(r.community_id, r.household_id) from resident r where r.id = ?) as resident,
            (select s.community_id from staff s where s.id = ?) as staff`,
    [`{${(codes ?? []).join(',')}}`, claims.residentId ?? 0, claims.staffId ?? 0],
  );
  const ids = codes === null ? 'ALL' as const : (row.estates ?? []).map(([id]) => id).sort((a, b) => a - b);
  const covers = (communityId: number) => ids === 'ALL' || ids.includes(communityId);
  const viewer: Viewer = {
    role: claims.role,
    subject: claims.subject,
    communities: claims.communities,
    scope: ids === 'ALL' ? 'ALL' : new Set(ids),
    scopeIds: ids === 'ALL' ? 'ALL' : Object.freeze(ids),
    ...(codes === null ? {} : { estateIds: new Map((row.estates ?? []).map(([id, code]) => [code, id])) }),
    expiresAt: claims.expiresAt,
    rightsKey: '',
  };
  if (claims.role === 'RESIDENT') {
    if (!row.resident || !covers(row.resident[0])) throw unauthenticated("The token's subject is not a resident of an estate the token lists");
    viewer.residentId = claims.residentId;
    viewer.householdId = row.resident[1];
  } else if (STAFF_SUBJECT_ROLES.includes(claims.role)) {
    if (row.staff === null || !covers(row.staff)) throw unauthenticated("The token's subject is not a member of staff of an estate the token lists");
    viewer.staffId = claims.staffId;
    viewer.staffCommunityId = row.staff;
  }
  // The subject of DISTRICT, INTEGRATOR and ADMIN tokens changes no rule: viewers of those roles with the same estates share answers.
  viewer.rightsKey = JSON.stringify([viewer.role, viewer.scopeIds, viewer.residentId ?? null, viewer.householdId ?? null, viewer.staffId ?? null]);
  return Object.freeze(viewer);
}
