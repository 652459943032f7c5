import type { Role } from '../auth';
import type { TicketEventType, TicketStatus } from '../entities';
import { AppError } from '../errors';

/**
 * The ticket state machine as data: for each move, the states it may start
 * from and the state it leads to. Nothing else in the code decides whether a
 * move is legal, and the table is tested for every pair of states.
 *
 *   SUBMITTED → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → CLOSED
 *   SUBMITTED | ACKNOWLEDGED → CANCELLED        (before work starts)
 *   RESOLVED → REOPENED → IN_PROGRESS           (the reporter rejects a resolution)
 *   RESOLVED → CLOSED                           (rate: the resident reporter; close: staff, when no resident reported it)
 */
export const MOVES = {
  acknowledge: { from: ['SUBMITTED'], to: 'ACKNOWLEDGED', event: 'ACKNOWLEDGED' },
  start: { from: ['ACKNOWLEDGED', 'REOPENED'], to: 'IN_PROGRESS', event: 'STARTED' },
  resolve: { from: ['IN_PROGRESS'], to: 'RESOLVED', event: 'RESOLVED' },
  reopen: { from: ['RESOLVED'], to: 'REOPENED', event: 'REOPENED' },
  cancel: { from: ['SUBMITTED', 'ACKNOWLEDGED'], to: 'CANCELLED', event: 'CANCELLED' },
  rate: { from: ['RESOLVED'], to: 'CLOSED', event: 'CLOSED' },
  // A ticket with no resident behind it (a patrol's, a steward's) has nobody to rate it: staff close it.
  close: { from: ['RESOLVED'], to: 'CLOSED', event: 'CLOSED' },
} as const satisfies Record<string, { from: readonly TicketStatus[]; to: TicketStatus; event: TicketEventType }>;

export type Move = keyof typeof MOVES;

/** Assignment changes no status and is allowed until the ticket is resolved. */
export const ASSIGNABLE: readonly TicketStatus[] = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED'];

/** Every status pair that some move connects: the whole graph, for tests and documentation. */
export function allowedPairs(): [TicketStatus, TicketStatus, Move][] {
  return (Object.entries(MOVES) as [Move, (typeof MOVES)[Move]][]).flatMap(([move, m]) =>
    m.from.map((from): [TicketStatus, TicketStatus, Move] => [from, m.to, move]));
}

/** The move that leads from one status to another, if any. */
export function moveBetween(from: TicketStatus, to: TicketStatus): Move | null {
  return allowedPairs().find(([f, t]) => f === from && t === to)?.[2] ?? null;
}

/** The status a move leads to from `from`, or INVALID_TRANSITION naming both. */
export function transition(from: TicketStatus, move: Move): TicketStatus {
  const rule = MOVES[move];
  if (!(rule.from as readonly TicketStatus[]).includes(from)) {
    throw new AppError('INVALID_TRANSITION', `Cannot ${move} a ticket that is ${from}; allowed from ${rule.from.join(' or ')}`, {
      from, move, allowedFrom: [...rule.from],
    });
  }
  return rule.to;
}

/** Roles that work tickets (acknowledge, start, resolve) in their estates. */
export const WORKER_ROLES: readonly Role[] = ['STAFF', 'DISPATCHER', 'MANAGER', 'ADMIN'];
/** Roles that assign tickets to staff. */
export const ASSIGNER_ROLES: readonly Role[] = ['DISPATCHER', 'MANAGER', 'ADMIN'];
/** Roles that raise tickets. */
export const SUBMITTER_ROLES: readonly Role[] = ['RESIDENT', 'STAFF', 'DISPATCHER', 'MANAGER', 'ADMIN'];
