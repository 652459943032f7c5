import { entityNameOf } from '../db/rows';
import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { badInput, hidden, unauthenticated } from '../errors';
import { fromGlobalId, type NodeType } from '../ids';

/** Types anyone may fetch without a token. */
const PUBLIC_TYPES: ReadonlySet<NodeType> = new Set(['Community', 'PublicSpace']);

function loaderFor(ctx: Context, type: NodeType): DataLoader<number, object | null> {
  const { loaders } = ctx;
  const byType: Record<NodeType, () => DataLoader<number, object | null>> = {
    Community: () => loaders.community,
    Building: () => loaders.building,
    Household: () => loaders.household,
    Resident: () => loaders.resident,
    Grid: () => loaders.grid,
    Staff: () => loaders.staff,
    PublicSpace: () => loaders.publicSpace,
    Ticket: () => loaders.ticket,
    Dispatch: () => loaders.dispatch,
    Booking: () => loaders.booking,
    ResidentGroup: () => loaders.residentGroup,
    CommunityEvent: () => loaders.communityEvent,
    EventRegistration: () => loaders.eventRegistration,
    CarePlan: () => loaders.carePlan,
    CareVisit: () => loaders.careVisit,
    PatrolRoute: () => loaders.patrolRoute,
    PatrolCheckpoint: () => loaders.patrolCheckpoint,
    PatrolRun: () => loaders.patrolRun,
    Drill: () => loaders.drill,
    ResidentOrganisation: () => loaders.residentOrganisation,
    ReceptionMember: () => loaders.receptionMember,
    LiaisonMeeting: () => loaders.liaisonMeeting,
  };
  return byType[type]();
}

/**
 * Any object by global ID. A malformed ID is BAD_USER_INPUT; an object that
 * does not exist or that the viewer may not read (the data layer never reads
 * it) is NOT_FOUND with the same message, so a token cannot probe other
 * estates' IDs.
 */
export async function loadNode(ctx: Context, globalId: string): Promise<object> {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw badInput('id is not a valid ID', 'id');
  const { type, id } = decoded;
  if (!PUBLIC_TYPES.has(type) && !ctx.viewer.role) throw unauthenticated(`Sign in to fetch a ${type}`);
  const entity = await loaderFor(ctx, type).load(id);
  if (!entity) throw hidden(type);
  return entity;
}

/** The GraphQL type name of an entity, for the Node interface. */
export function nodeTypeOf(entity: object): NodeType {
  return entityNameOf(entity) as NodeType;
}
