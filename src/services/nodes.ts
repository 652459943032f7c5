import { entityNameOf } from '../db/rows';
import type { EntityName } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Booking, Building, CarePlan, CareVisit, Community, CommunityEvent, Dispatch, Drill, EventRegistration, Grid, Household, LiaisonMeeting,
  PatrolCheckpoint, PatrolRoute, PatrolRun, PublicSpace, ReceptionMember, Resident, ResidentGroup, ResidentOrganisation, Staff, Ticket,
} from '../entities';
import { prefetchOf } from '../prefetch';
import type { Context } from '../context';
import { badInput, hidden, unauthenticated } from '../errors';
import { fromGlobalId, type NodeType } from '../ids';

/** Types anyone may fetch without a token. */
const PUBLIC_TYPES: ReadonlySet<NodeType> = new Set(['Community', 'PublicSpace']);

/** The entity behind each Node type. */
const ENTITIES: Record<NodeType, EntityName<any>> = {
  Community, Building, Household, Resident, Grid, Staff, PublicSpace, Ticket, Dispatch, Booking, ResidentGroup, CommunityEvent,
  EventRegistration, CarePlan, CareVisit, PatrolRoute, PatrolCheckpoint, PatrolRun, Drill, ResidentOrganisation, ReceptionMember, LiaisonMeeting,
};

/**
 * Any object by global ID. A malformed ID is BAD_USER_INPUT; an object that
 * does not exist or that the viewer may not read (the data layer never reads
 * it) is NOT_FOUND with the same message, so a token cannot probe other
 * estates' IDs.
 */
export async function loadNode(ctx: Context, globalId: string, info?: GraphQLResolveInfo): Promise<object> {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw badInput('id is not a valid ID', 'id');
  const { type, id } = decoded;
  if (!PUBLIC_TYPES.has(type) && !ctx.viewer.role) throw unauthenticated(`Sign in to fetch a ${type}`);
  // What the query selects on the object (its relations, its nested lists) is read in the same statement.
  const entity = await ctx.loaders.byIdWith(ENTITIES[type], prefetchOf(info, type, false)).load(id);
  if (!entity) throw hidden(type);
  return entity;
}

/** The GraphQL type name of an entity, for the Node interface. */
export function nodeTypeOf(entity: object): NodeType {
  return entityNameOf(entity) as NodeType;
}
