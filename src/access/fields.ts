import { defaultFieldResolver, isNonNullType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { MapperKind, getDirective, mapSchema } from '@graphql-tools/utils';
import { DASHBOARD_ROLES, STAFF_ROLES } from '../auth';
import type { Context } from '../context';
import { forbidden, unauthenticated } from '../errors';
import type { Viewer } from './viewer';
import { READS_OWN_PROPERTY } from '../columns';

/**
 * Field rules declared in the SDL. `@personal(of: …)` marks personal data and
 * `@scoped` the non-public fields of public objects (see schema/base.graphql),
 * so the whole personal surface can be reviewed in schema/ and no resolver has
 * to remember a check. Both rules look at the row's own estate and household,
 * never only at the role. Rows already passed the row rules (access/rows.ts)
 * when they were read; these decide which of their fields a viewer may see.
 */

export type PersonalData = 'HOUSEHOLD' | 'TEXT' | 'STAFF_CONTACT';

/** Whose data a row is: its estate and, for household data, its household. */
export interface Owner {
  community: number;
  household?: number | null;
}

type Ref = { id: number } | null | undefined;
type Row = Record<string, unknown> & { id: number; community: { id: number } };

/**
 * The owner of each type's rows. A type with a @personal or @scoped field
 * needs one here: building the schema fails otherwise.
 */
const OWNERS: Record<string, (row: Row) => Owner> = {
  Community: (c) => ({ community: c.id }),
  Household: (h) => ({ community: h.community.id, household: h.id }),
  Resident: (r) => ({ community: r.community.id, household: (r.household as Ref)?.id ?? null }),
  Staff: (s) => ({ community: s.community.id }),
  GridWorker: (g) => ({ community: g.community.id }),
  Ticket: (t) => ({ community: t.community.id, household: (t.household as Ref)?.id ?? null }),
  TicketRating: (t) => ({ community: t.community.id, household: (t.household as Ref)?.id ?? null }),
  TicketEvent: (e) => ({ community: e.community.id }),
  DispatchEvent: (e) => ({ community: e.community.id }),
  SatisfactionSurvey: (s) => ({ community: s.community.id }),
  PublicSpace: (s) => ({ community: s.community.id }),
  // A booking, a membership and a registration belong to the household of the resident behind them (none for staff bookings).
  Booking: (b) => ({ community: b.community.id, household: (b.household as Ref)?.id ?? null }),
  GroupMember: (m) => ({ community: m.community.id, household: (m.household as Ref)?.id ?? null }),
  EventRegistration: (r) => ({ community: r.community.id, household: (r.household as Ref)?.id ?? null }),
  ResidentGroup: (g) => ({ community: g.community.id }),
  CommunityEvent: (e) => ({ community: e.community.id }),
  CarePlan: (c) => ({ community: c.community.id, household: (c.household as Ref)?.id ?? null }),
  CareVisit: (c) => ({ community: c.community.id, household: (c.household as Ref)?.id ?? null }),
  PatrolAnomaly: (a) => ({ community: a.community.id }),
  Drill: (d) => ({ community: d.community.id }),
  // Contact people of organisations are no household's: only staff roles read them.
  OrganisationContact: (c) => ({ community: c.community.id, household: null }),
  ReceptionMember: (m) => ({ community: m.community.id }),
  LiaisonMeeting: (m) => ({ community: m.community.id }),
  TicketEscalation: (e) => ({ community: e.community.id }),
};


function covers(viewer: Viewer, community: number): boolean {
  return viewer.scope === 'ALL' || viewer.scope.has(community);
}

/** A field of a public object that needs a token covering the object's estate. */
export function checkScoped(viewer: Viewer, owner: Owner): void {
  if (!viewer.role) throw unauthenticated('Sign in with a token for this estate to see this data');
  if (!covers(viewer, owner.community)) throw forbidden('Your token does not cover this estate');
}

/** Personal data of `kind` owned by `owner`: returns when the viewer may read it, throws otherwise. */
export function checkPersonal(viewer: Viewer, kind: PersonalData, owner: Owner): void {
  const { role } = viewer;
  if (!role) throw unauthenticated('Sign in to see personal data');
  if (!covers(viewer, owner.community)) throw forbidden('Your token does not cover this estate');
  if (STAFF_ROLES.includes(role)) return;
  if (kind === 'TEXT') {
    if (DASHBOARD_ROLES.includes(role)) throw forbidden(`Free text may hold personal data and is not available to ${role} tokens`);
    return;
  }
  if (kind === 'HOUSEHOLD' && role === 'RESIDENT') {
    if (owner.household != null && owner.household === viewer.householdId) return;
    throw forbidden('Residents see personal data of their own household only');
  }
  throw forbidden(kind === 'STAFF_CONTACT'
    ? `Staff contact details are not available to ${role} tokens`
    : `Personal data is not available to ${role} tokens`);
}

/** The schema with the @personal and @scoped rules wrapped around the marked fields' resolvers. */
export function applyFieldRules(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      const personal = getDirective(schema, config, 'personal')?.[0];
      const scoped = getDirective(schema, config, 'scoped')?.[0];
      if (!personal && !scoped) return config;
      const where = `${typeName}.${fieldName}`;
      const owner = OWNERS[typeName];
      if (!owner) throw new Error(`${where} is marked @${personal ? 'personal' : 'scoped'} but ${typeName} has no owner in src/access/fields.ts`);
      // A denial nulls the field; a non-null field would null its parent and wipe out the answer around it.
      if (isNonNullType(config.type)) throw new Error(`${where} may be denied, so it must be nullable`);
      const resolve = (config.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<Row, Context>;
      const kind = (personal?.of ?? 'HOUSEHOLD') as PersonalData;
      const check = personal
        ? (viewer: Viewer, row: Row) => checkPersonal(viewer, kind, owner(row))
        : (viewer: Viewer, row: Row) => checkScoped(viewer, owner(row));
      const guarded: GraphQLFieldResolver<Row, Context> = (row, args, ctx, info) => {
        check(ctx.viewer, row);
        return resolve(row, args, ctx, info);
      };
      // Around a plain property, the field still reads just that property (src/columns.ts plans the columns by it).
      if (!config.resolve) Object.defineProperty(guarded, READS_OWN_PROPERTY, { value: true });
      return { ...config, resolve: guarded };
    },
  });
}

/** Every field marked @personal or @scoped, as `Type.field` → rule (for tests and review). */
export function fieldRules(schema: GraphQLSchema): Map<string, string> {
  const found = new Map<string, string>();
  mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      const personal = getDirective(schema, config, 'personal')?.[0];
      if (personal) found.set(`${typeName}.${fieldName}`, `personal:${personal.of ?? 'HOUSEHOLD'}`);
      if (getDirective(schema, config, 'scoped')?.[0]) found.set(`${typeName}.${fieldName}`, 'scoped');
      return config;
    },
  });
  return found;
}
