import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { unauthenticated } from './errors';
import { fromGlobalId } from './ids';

export const ROLES = ['RESIDENT', 'STAFF', 'DISPATCHER', 'MANAGER', 'DISTRICT', 'INTEGRATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work inside an estate and so may see its residents' personal data. */
export const STAFF_ROLES: readonly Role[] = ['STAFF', 'DISPATCHER', 'MANAGER', 'ADMIN'];

/**
 * Who is asking. `role: null` is an anonymous caller (public data only).
 * `communities: 'ALL'` only for an ADMIN token without the claim.
 */
export interface Viewer {
  role: Role | null;
  subject: string | null;
  communities: readonly string[] | 'ALL';
  /** Row id of the Resident (RESIDENT) or Staff (STAFF, DISPATCHER, MANAGER) the token names. */
  residentId?: number;
  staffId?: number;
  /** Seconds since the epoch when the token stops being valid. */
  expiresAt?: number;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: null, subject: null, communities: [] as string[] });

const ALGORITHM = 'HS256';

/**
 * Turns an `Authorization` header value (or the graphql-ws `connection_init`
 * value) into a Viewer. No header: anonymous. A header that is there but not a
 * valid token is UNAUTHENTICATED, never silently anonymous.
 */
export async function viewerFromAuthorization(header: unknown, secret: Uint8Array): Promise<Viewer> {
  if (header === undefined || header === null || header === '') return ANONYMOUS;
  if (typeof header !== 'string') throw unauthenticated('The authorization value must be a string "Bearer <token>"');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated('The authorization header must be "Bearer <token>"');
  return verifyToken(match[1], secret);
}

/** Verifies an HS256 JWT and reads the claims the contract defines. */
export async function verifyToken(token: string, secret: Uint8Array): Promise<Viewer> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, secret, { algorithms: [ALGORITHM] }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired');
    throw unauthenticated('The token is not valid');
  }
  const role = payload.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw unauthenticated(`The token's role must be one of ${ROLES.join(', ')}`);
  }
  const subject = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : null;
  if (!subject) throw unauthenticated('The token has no subject (sub)');

  let communities: Viewer['communities'];
  const claim = payload.communities;
  if (claim === undefined && role === 'ADMIN') {
    communities = 'ALL';
  } else if (Array.isArray(claim) && claim.length > 0 && claim.every((c) => typeof c === 'string' && c !== '')) {
    communities = Object.freeze([...new Set(claim as string[])]);
  } else {
    throw unauthenticated('The token must list the estates it may see in "communities"');
  }

  const viewer: Viewer = { role: role as Role, subject, communities, expiresAt: payload.exp };
  if (role === 'RESIDENT' || role === 'STAFF' || role === 'DISPATCHER' || role === 'MANAGER') {
    const expected = role === 'RESIDENT' ? 'Resident' : 'Staff';
    const decoded = fromGlobalId(subject);
    if (!decoded || decoded.type !== expected) {
      throw unauthenticated(`A ${role} token's sub must be a ${expected} ID`);
    }
    if (expected === 'Resident') viewer.residentId = decoded.id;
    else viewer.staffId = decoded.id;
  }
  return Object.freeze(viewer);
}

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
