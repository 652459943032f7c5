import { LockMode } from '@mikro-orm/core';
import { CommunityEvent, EventIssue, type Ticket } from '../entities';
import type { RaiseReceptionIssueInput } from '../generated/graphql';
import type { Context } from '../context';
import { AppError, badInput, forbidden, notFound, unauthenticated } from '../errors';
import { expectGlobalId } from '../ids';
import { appendEvents, ticketEntries } from '../events/log';
import { actingFor } from './bookings';
import { eventChange, eventEntry } from './community-events';
import { idempotent, insertTicket } from './tickets';
import { lookUp, text } from './ticket-input';

/**
 * The operator's reception day: residents meet the management face to face,
 * and every issue they raise becomes a WALK_IN ticket, linked to the day,
 * written in one transaction with the day's ISSUE_RAISED change.
 */

/** The ticket a reception-day issue became, its day, and the log position of the last entry appended. */
export interface ReceptionIssue {
  ticket: Ticket;
  event: CommunityEvent;
  logId: number | null;
}

const hidden = (type: string) => notFound(`No ${type} with this ID is visible to you`);

/**
 * Records an issue raised at a reception day (staff of the estate). Where it
 * is: the household or building named, else the day's space; its reporter
 * the resident named, if any. The same idempotencyKey from the same caller
 * returns the first ticket and writes nothing.
 */
export async function raiseReceptionIssue(ctx: Context, input: RaiseReceptionIssueInput): Promise<ReceptionIssue> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to record a reception-day issue');
  const event = await ctx.loaders.communityEvent.load(expectGlobalId(input.eventId, 'CommunityEvent', 'eventId'));
  if (!event) throw hidden('CommunityEvent');
  const communityId = event.community.id;
  // What the input names is looked up before who is acting counts (NOT_FOUND first); malformed IDs are bad values, refused below.
  const resident = await lookUp(input.residentId, 'Resident', ctx.loaders.resident);
  const household = await lookUp(input.householdId, 'Household', ctx.loaders.household);
  const named = await lookUp(input.buildingId, 'Building', ctx.loaders.building);
  const building = household ? await ctx.loaders.building.load(household.building.id) : named;
  const acting = await actingFor(ctx, communityId, 'record reception-day issues');
  if (acting.resident) throw forbidden('Staff record the issues residents raise at a reception day');
  if (event.status !== 'SCHEDULED') throw new AppError('INVALID_TRANSITION', 'The reception day was called off', { from: event.status, move: 'raiseIssue' });
  if (event.kind !== 'RECEPTION_DAY') throw badInput(`eventId must be a reception day, not a ${event.kind} event`, 'eventId');
  if (input.householdId != null && input.buildingId != null) throw badInput('Give at most one of householdId and buildingId', 'buildingId');
  if (input.residentId != null) expectGlobalId(input.residentId, 'Resident', 'residentId');
  if (input.householdId != null) expectGlobalId(input.householdId, 'Household', 'householdId');
  if (input.buildingId != null) expectGlobalId(input.buildingId, 'Building', 'buildingId');
  for (const [row, field] of [[resident, 'residentId'], [household, 'householdId'], [building, 'buildingId']] as const) {
    if (row && row.community.id !== communityId) throw badInput(`${field} must be of the reception day's estate`, field);
  }
  const key = text(input.idempotencyKey, 'idempotencyKey', true)!;
  const title = text(input.title, 'title', true)!;
  const description = text(input.description, 'description', false) ?? '';
  const estateCode = (await ctx.loaders.community.load(communityId))!.code;

  const same = async (ticket: Ticket): Promise<ReceptionIssue> => {
    const [link] = await ctx.em.fork().find(EventIssue, { ticket: ticket.id });
    if (!link || link.event.id !== event.id || ticket.title !== title) throw badInput('This idempotencyKey was already used for something else', 'idempotencyKey');
    const [row]: { id: string }[] = await ctx.em.fork().execute(
      `select l.id from event_log l where l.ticket_id = ? and l.kind = 'TICKET' order by l.id limit 1`, [ticket.id]);
    return { ticket, event, logId: row ? Number(row.id) : null };
  };
  return idempotent(ctx, key, same, async (em, now) => {
    // Share-locked: the day cannot be called off while an issue is being recorded against it.
    const day = await em.findOneOrFail(CommunityEvent, event.id, { lockMode: LockMode.PESSIMISTIC_READ });
    if (day.status !== 'SCHEDULED') throw new AppError('INVALID_TRANSITION', 'The reception day was called off', { from: day.status, move: 'raiseIssue' });
    const { ticket, event: submitted } = await insertTicket(em, ctx, {
      communityId, estateCode, key, channel: 'WALK_IN', category: input.category, priority: input.priority ?? 'NORMAL', title, description,
      buildingId: building?.id ?? null, householdId: household?.id ?? null, spaceId: building ? null : event.publicSpace.id,
      gridId: building?.grid.id ?? null, reporterResidentId: resident?.id ?? null, reporterStaffId: acting.staff?.id ?? null,
    }, now);
    em.create(EventIssue, { community: communityId, event: day, ticket } as never);
    const raised = eventChange(em, ctx, day, 'ISSUE_RAISED', now, { ticket });
    await em.flush();
    const logId = await appendEvents(em, [...ticketEntries(ticket, [submitted]), eventEntry(day, raised)]);
    return { ticket, event: day, logId };
  });
}
