import { badInput } from './errors';

/** Every type that implements Node, by the name a global ID carries. */
export const NODE_TYPES = [
  'Community', 'Building', 'Household', 'Resident', 'Grid', 'Staff', 'PublicSpace', 'Ticket', 'Dispatch',
  'Booking', 'ResidentGroup', 'CommunityEvent', 'EventRegistration',
  'CarePlan', 'CareVisit', 'PatrolRoute', 'PatrolCheckpoint', 'PatrolRun', 'Drill', 'ResidentOrganisation', 'ReceptionMember', 'LiaisonMeeting',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Encodes a row id as an opaque global ID: base64url of `Type:id`. */
export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** Decodes a global ID; null when it is not one this API issued. */
export function fromGlobalId(globalId: string): { type: NodeType; id: number } | null {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 64) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9]\d{0,9})$/.exec(decoded);
  if (!match || !(NODE_TYPES as readonly string[]).includes(match[1])) return null;
  const id = Number(match[2]);
  if (id > 2147483647) return null;
  // Base64 decoding skips characters it does not know (a NUL, a space) and padding: only the exact encoding names the row.
  if (toGlobalId(match[1] as NodeType, id) !== globalId) return null;
  return { type: match[1] as NodeType, id };
}

/**
 * The row id behind a global ID that must name a `type`, or BAD_USER_INPUT
 * naming the argument, so a client sees which of its ids was wrong.
 */
export function expectGlobalId(globalId: string, type: NodeType, argument: string): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw badInput(`${argument} is not a valid ID`, argument);
  if (decoded.type !== type) throw badInput(`${argument} must be a ${type} ID, got a ${decoded.type} ID`, argument);
  return decoded.id;
}
