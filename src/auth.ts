import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { unauthenticated } from './errors';
import { fromGlobalId } from './ids';

export const ROLES = ['RESIDENT', 'STAFF', 'DISPATCHER', 'MANAGER', 'DISTRICT', 'INTEGRATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work inside an estate and so may see its residents' personal data. */
export const STAFF_ROLES: readonly Role[] = ['STAFF', 'DISPATCHER', 'MANAGER', 'ADMIN'];

/** Roles whose token subject is a Staff ID. */
export const STAFF_SUBJECT_ROLES: readonly Role[] = ['STAFF', 'DISPATCHER', 'MANAGER'];

/** Dashboard roles: they count and watch estates' workings, never a household's circumstances or free text. */
export const DASHBOARD_ROLES: readonly Role[] = ['DISTRICT', 'INTEGRATOR'];

/** The longest `sub` a token may carry: it is stored with every change the token makes. */
export const MAX_SUBJECT_LENGTH = 200;
/** An estate code as the database stores it. */
const ESTATE_CODE = /^[A-Za-z0-9_-]{1,8}$/;
/** True for a string that could be an estate code; anything else names no estate and never reaches SQL. */
export const isEstateCode = (value: string): boolean => ESTATE_CODE.test(value);
/** The most estates one token may list. */
const MAX_TOKEN_ESTATES = 100;

/** What a verified token says, before the database confirms its subject (see access/viewer.ts). */
export interface VerifiedToken {
  role: Role;
  subject: string;
  /** Estate codes the token covers; 'ALL' only for an ADMIN token without the claim. */
  communities: readonly string[] | 'ALL';
  /** Row id of the Resident (RESIDENT) or Staff (STAFF, DISPATCHER, MANAGER) the token names. */
  residentId?: number;
  staffId?: number;
  /** Seconds since the epoch when the token stops being valid. Always present. */
  expiresAt: number;
}

const ALGORITHM = 'HS256';

/**
 * The token of an `Authorization` header value (or the graphql-ws
 * `connection_init` value). No header: null (anonymous). A header that is there
 * but not a bearer token is UNAUTHENTICATED, never silently anonymous.
 */
export function bearerToken(header: unknown): string | null {
  if (header === undefined || header === null || header === '') return null;
  if (typeof header !== 'string') throw unauthenticated('The authorization value must be a string "Bearer <token>"');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated('The authorization header must be "Bearer <token>"');
  return match[1];
}

/**
 * Verifies an HS256 JWT and reads the claims the contract defines. `exp` is
 * required and at most `maxLifetimeSeconds` away: a token that never expires
 * would keep its WebSocket open for ever and could never be withdrawn.
 */
export async function verifyToken(token: string, secret: Uint8Array, maxLifetimeSeconds: number): Promise<VerifiedToken> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, secret, { algorithms: [ALGORITHM], requiredClaims: ['exp'] }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired');
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'exp') {
      throw unauthenticated('The token must carry an expiry time: a numeric exp claim');
    }
    throw unauthenticated('The token is not valid');
  }
  const exp = payload.exp!;
  if (exp - Date.now() / 1000 > maxLifetimeSeconds) {
    throw unauthenticated(`The token expires too far ahead: tokens may live at most ${maxLifetimeSeconds} seconds`);
  }
  const role = payload.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw unauthenticated(`The token's role must be one of ${ROLES.join(', ')}`);
  }
  const subject = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : null;
  if (!subject) throw unauthenticated('The token has no subject (sub)');
  // The subject is stored with every change the token makes: it must fit there and be printable.
  if (subject.length > MAX_SUBJECT_LENGTH || /[\u0000-\u001f\u007f]/.test(subject)) {
    throw unauthenticated(`The token's sub must be at most ${MAX_SUBJECT_LENGTH} printable characters`);
  }

  let communities: VerifiedToken['communities'];
  const claim = payload.communities;
  if (claim === undefined && role === 'ADMIN') {
    communities = 'ALL';
  } else if (Array.isArray(claim) && claim.length > 0 && claim.length <= MAX_TOKEN_ESTATES
    && claim.every((c) => typeof c === 'string' && ESTATE_CODE.test(c))) {
    communities = Object.freeze([...new Set(claim as string[])]);
  } else {
    throw unauthenticated(`The token must list the estates it may see in "communities": 1 to ${MAX_TOKEN_ESTATES} estate codes`);
  }

  const claims: VerifiedToken = { role: role as Role, subject, communities, expiresAt: exp };
  if (role === 'RESIDENT' || STAFF_SUBJECT_ROLES.includes(role as Role)) {
    const expected = role === 'RESIDENT' ? 'Resident' : 'Staff';
    const decoded = fromGlobalId(subject);
    if (!decoded || decoded.type !== expected) {
      throw unauthenticated(`A ${role} token's sub must be a ${expected} ID`);
    }
    if (expected === 'Resident') claims.residentId = decoded.id;
    else claims.staffId = decoded.id;
  }
  return claims;
}

/** What `signToken` puts in a token. */
export interface TokenClaims {
  sub: string;
  role: Role;
  communities?: string[];
}

/** Signs a token the server accepts; used by `npm run token` and the tests. */
export async function signToken(claims: TokenClaims, secret: Uint8Array, expiresIn: string | number = '12h'): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secret);
}
