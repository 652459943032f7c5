import { Community, ReceptionMember, Staff, Ticket, TicketEscalation } from '../entities';
import type { EscalateTicketInput } from '../generated/graphql';
import type { Context } from '../context';
import { AppError, badInput, notFound } from '../errors';
import { fromGlobalId } from '../ids';
import { act, record, type TicketChange } from './tickets';
import { text } from './ticket-input';
import { ASSIGNABLE } from './ticket-lifecycle';

/**
 * "Small matters stay in the building, big matters stay in the community":
 * a ticket starts at building level (the grid's steward and squad) and may
 * be taken to community level once, taken over by a member of the reception
 * team or the estate's manager. The escalation is a row of its own and an
 * ESCALATED event in the ticket's timeline (and so on the log).
 */

type Taker = { kind: 'member'; row: ReceptionMember } | { kind: 'staff'; row: Staff };

/** Who takes the ticket over, as named: NOT_FOUND when it is not there for the viewer; null for an ID of neither type (a bad value). */
async function taker(ctx: Context, globalId: string): Promise<Taker | null> {
  const decoded = fromGlobalId(globalId);
  if (decoded?.type === 'ReceptionMember') {
    const row = await ctx.loaders.receptionMember.load(decoded.id);
    if (!row) throw notFound('No ReceptionMember with this ID is visible to you');
    return { kind: 'member', row };
  }
  if (decoded?.type === 'Staff') {
    const row = await ctx.loaders.staff.load(decoded.id);
    if (!row) throw notFound('No Staff with this ID is visible to you');
    return { kind: 'staff', row };
  }
  return null;
}

/**
 * Escalates a ticket to community level, with the ticket moves' order of
 * refusals: NOT_FOUND, FORBIDDEN (stewards, the desk and managers of its
 * estate), VERSION_CONFLICT, INVALID_TRANSITION (not open, or escalated
 * already), then the values.
 */
export async function escalateTicket(ctx: Context, input: EscalateTicketInput): Promise<TicketChange> {
  // Read before the transaction, which uses only its own connection: one not there is NOT_FOUND, like the ticket.
  let taken: Taker | null = null;
  const lookUps = async () => {
    taken = await taker(ctx, input.takenOverById);
  };
  return act(ctx, input.ticketId, input.expectedVersion, 'escalate', async (em, ticket, now) => {
    if (!ASSIGNABLE.includes(ticket.status)) {
      throw new AppError('INVALID_TRANSITION', `Cannot escalate a ticket that is ${ticket.status}; allowed while it is open`, { from: ticket.status, move: 'escalate' });
    }
    if (await em.count(TicketEscalation, { ticket: ticket.id })) {
      throw new AppError('INVALID_TRANSITION', 'This ticket was escalated to community level already', { from: 'COMMUNITY', move: 'escalate' });
    }
    if (input.to !== 'COMMUNITY') throw badInput('Tickets are escalated to COMMUNITY; every ticket starts at BUILDING', 'to');
    if (!taken) throw badInput('takenOverById must be a ReceptionMember ID or the Staff ID of a manager', 'takenOverById');
    const { kind, row } = taken as Taker;
    if (kind === 'staff' && row.role !== 'MANAGER') throw badInput('takenOverById must be a member of the reception team or a manager', 'takenOverById');
    if (row.community.id !== ticket.community.id) throw badInput('takenOverById must be of the ticket\'s estate', 'takenOverById');
    const note = text(input.note, 'note', false);
    em.create(TicketEscalation, {
      community: em.getReference(Community, ticket.community.id), ticket: em.getReference(Ticket, ticket.id), escalatedAt: now,
      escalatedBy: ctx.viewer.staffId ? em.getReference(Staff, ctx.viewer.staffId) : null,
      takenOverByStaff: kind === 'staff' ? em.getReference(Staff, row.id) : null,
      takenOverByMember: kind === 'member' ? em.getReference(ReceptionMember, row.id) : null, note,
    });
    return [record(em, ctx, ticket, 'ESCALATED', null, null, note, now)];
  }, lookUps);
}

/** A ticket's escalation, if it has one (as far as the viewer may read it). */
export async function ticketEscalation(ctx: Context, ticket: Ticket): Promise<TicketEscalation | null> {
  const [escalation] = await ctx.loaders.children(TicketEscalation, 'ticket', { id: 'asc' }).load(ticket.id);
  return escalation ?? null;
}
