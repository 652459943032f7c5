import type { Role } from '../auth';
import type { DispatchEventType, DispatchStatus, IncidentType, TicketCategory } from '../entities';
import { AppError } from '../errors';
import type { Move } from './ticket-lifecycle';

/**
 * The dispatch state machine as data, like the ticket's: for each move, the
 * states it may start from, the state it leads to, its event, and the ticket
 * move that goes along with it (made only when the ticket is where that move
 * starts, so a ticket someone already moved on is left as it is).
 *
 *   DISPATCHED → ACKNOWLEDGED → ON_SCENE → CLEARED
 */
export const DISPATCH_MOVES = {
  acknowledge: { from: ['DISPATCHED'], to: 'ACKNOWLEDGED', event: 'ACKNOWLEDGED', ticket: 'acknowledge' },
  arrive: { from: ['ACKNOWLEDGED'], to: 'ON_SCENE', event: 'ON_SCENE', ticket: 'start' },
  clear: { from: ['ON_SCENE'], to: 'CLEARED', event: 'CLEARED', ticket: 'resolve' },
} as const satisfies Record<string, { from: readonly DispatchStatus[]; to: DispatchStatus; event: DispatchEventType; ticket: Move }>;

export type DispatchMove = keyof typeof DISPATCH_MOVES;

/** The status a move leads to from `from`, or INVALID_TRANSITION naming both. */
export function dispatchTransition(from: DispatchStatus, move: DispatchMove): DispatchStatus {
  const rule = DISPATCH_MOVES[move];
  if (!(rule.from as readonly DispatchStatus[]).includes(from)) {
    throw new AppError('INVALID_TRANSITION', `Cannot ${move} a dispatch that is ${from}; allowed from ${rule.from.join(' or ')}`, {
      from, move, allowedFrom: [...rule.from],
    });
  }
  return rule.to;
}

/** Roles that raise emergencies: the hotline desk, managers, and staff who find one on their rounds. */
export const RAISER_ROLES: readonly Role[] = ['STAFF', 'DISPATCHER', 'MANAGER', 'ADMIN'];
/** Roles that move any dispatch of their estate; a STAFF token moves only dispatches it was sent to. */
export const DESK_ROLES: readonly Role[] = ['DISPATCHER', 'MANAGER', 'ADMIN'];

/** The ticket category an emergency is filed under. */
export const INCIDENT_CATEGORY: Record<IncidentType, TicketCategory> = {
  FIRE: 'FIRE_SAFETY', WATER_LEAK: 'PLUMBING', ELEVATOR_ENTRAPMENT: 'ELEVATOR', POWER_OUTAGE: 'ELECTRICAL',
  GAS_LEAK: 'FIRE_SAFETY', SECURITY: 'SECURITY', MEDICAL: 'CARE',
};

/** How an emergency's ticket is titled: the desk writes the details in its description. */
export const INCIDENT_TITLE: Record<IncidentType, string> = {
  FIRE: 'Emergency: fire', WATER_LEAK: 'Emergency: water leak', ELEVATOR_ENTRAPMENT: 'Emergency: someone trapped in a lift',
  POWER_OUTAGE: 'Emergency: power outage', GAS_LEAK: 'Emergency: gas leak', SECURITY: 'Emergency: security incident', MEDICAL: 'Emergency: medical',
};
