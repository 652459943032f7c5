import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Building, Community, Dispatch, DispatchEvent, DispatchTimer, DispatchUnit, Grid, Household, PublicSpace, Staff, Ticket,
  type Building as BuildingRow, type DispatchEventType, type DispatchStatus, type Household as HouseholdRow, type PublicSpace as PublicSpaceRow,
} from '../entities';
import type { DispatchActionInput, RaiseEmergencyInput, SetDutyInput } from '../generated/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { prefetchOf } from '../prefetch';
import { AppError, badInput, forbidden, notFound, unauthenticated } from '../errors';
import { expectGlobalId } from '../ids';
import { appendEvents, ticketEntries, type LogEntry } from '../events/log';
import { MOVES } from './ticket-lifecycle';
import { actingStaff, applyMove, idempotent, insertTicket } from './tickets';
import { text } from './ticket-input';
import { DESK_ROLES, DISPATCH_MOVES, INCIDENT_CATEGORY, INCIDENT_TITLE, RAISER_ROLES, dispatchTransition, type DispatchMove } from './dispatch-lifecycle';
import { firstUnits } from './dispatch-units';
import type { ListSpec, PageArgs, Paged } from './paging';

/**
 * Emergency dispatch: raising one (an EMERGENCY ticket and a dispatch in one
 * transaction), moving it along (the ticket goes with it), and who is on duty.
 * Escalation and missed targets are timers (dispatch-timers.ts).
 */

/** A dispatch after a change, and the log position of the last event the change appended. */
export interface DispatchChange {
  dispatch: Dispatch;
  logId: number | null;
}

const hidden = (type: string) => notFound(`No ${type} with this ID is visible to you`);

/** The log entry of a dispatch event: who it was sent to ("units see their own"), and its ticket's columns. */
export function dispatchEntry(dispatch: Dispatch, ticket: Pick<Ticket, 'id' | 'household' | 'reporterResident' | 'priority'>, event: DispatchEvent, unitIds: readonly number[]): LogEntry {
  return {
    kind: 'DISPATCH', communityId: dispatch.community.id, dispatchEventId: event.id, dispatchId: dispatch.id, ticketId: ticket.id,
    buildingId: dispatch.building?.id ?? null, gridId: dispatch.grid?.id ?? null, householdId: ticket.household?.id ?? null,
    reporterResidentId: ticket.reporterResident?.id ?? null, priority: ticket.priority, staffIds: unitIds, at: event.at,
  };
}

/** A dispatch event, recorded as the viewer (or as the system, for timers). */
export function dispatchEvent(
  em: EntityManager, dispatch: Dispatch, type: DispatchEventType, from: DispatchStatus | null, to: DispatchStatus | null,
  actor: { role: string; subject: string }, at: Date, extra: { staffId?: number | null; note?: string | null } = {},
): DispatchEvent {
  return em.create(DispatchEvent, {
    dispatch, community: dispatch.community, type, fromStatus: from, toStatus: to,
    staff: extra.staffId ? em.getReference(Staff, extra.staffId) : null,
    actorRole: actor.role, actorSubject: actor.subject, note: extra.note ?? null, at,
  });
}

/**
 * Raises an emergency: an EMERGENCY ticket and its dispatch in one
 * transaction, the right people on duty sent at once (the building's grid
 * squad first, then the estate; the manager when nobody is on duty), the
 * on-scene target from the estate's row, and timers for escalation and the
 * target. The same idempotencyKey from the same caller returns the first
 * dispatch and writes nothing.
 */
export async function raiseEmergency(ctx: Context, input: RaiseEmergencyInput): Promise<DispatchChange> {
  const { role } = ctx.viewer;
  if (!role) throw unauthenticated('Sign in to raise an emergency');
  // Everything the input names is looked up before anything else is judged (the contract's order).
  let building: BuildingRow | null = null;
  let space: PublicSpaceRow | null = null;
  if (input.buildingId != null) {
    building = await ctx.loaders.building.load(expectGlobalId(input.buildingId, 'Building', 'buildingId'));
    if (!building) throw hidden('Building');
  }
  if (input.spaceId != null) {
    space = await ctx.loaders.publicSpace.load(expectGlobalId(input.spaceId, 'PublicSpace', 'spaceId'));
    // Public spaces are public; raising an emergency in one still needs a token for its estate.
    if (!space || !(ctx.viewer.scope === 'ALL' || ctx.viewer.scope.has(space.community.id))) throw hidden('PublicSpace');
  }
  let household: HouseholdRow | null = null;
  if (input.householdId != null) {
    household = await ctx.loaders.household.load(expectGlobalId(input.householdId, 'Household', 'householdId'));
    if (!household) throw hidden('Household');
  }
  if (!RAISER_ROLES.includes(role)) throw forbidden(`${role} tokens cannot raise emergencies: call the hotline`);
  const place = building ?? space;
  const staff = await actingStaff(ctx);
  if (staff && place && staff.community.id !== place.community.id) throw forbidden('You can raise emergencies only in the estate you work in');
  if (!place) throw badInput('Give exactly one of buildingId and spaceId', 'buildingId');
  if (building && space) throw badInput('Give exactly one of buildingId and spaceId', 'buildingId');
  const communityId = place.community.id;
  const gridId = building?.grid.id ?? null;
  if (household && household.building.id !== building?.id) throw badInput('householdId must be a household of buildingId', 'householdId');
  const key = text(input.idempotencyKey, 'idempotencyKey', true)!;
  const description = text(input.description, 'description', false) ?? '';
  const community = (await ctx.loaders.community.load(communityId))!;

  const same = async (ticket: Ticket): Promise<DispatchChange> => {
    const dispatch = await ctx.em.fork().findOne(Dispatch, { ticket: ticket.id });
    if (!dispatch || dispatch.incidentType !== input.incidentType || (dispatch.building?.id ?? null) !== (building?.id ?? null)
      || (dispatch.publicSpace?.id ?? null) !== (space?.id ?? null)) {
      throw badInput('This idempotencyKey was already used for something else', 'idempotencyKey');
    }
    const [row]: { id: string }[] = await ctx.em.fork().execute(
      `select l.id from event_log l where l.dispatch_id = ? and l.kind = 'DISPATCH' order by l.id limit 1`, [dispatch.id]);
    return { dispatch, logId: row ? Number(row.id) : null };
  };
  return idempotent(ctx, key, same, async (em, now) => {
    const { ticket, event } = await insertTicket(em, ctx, {
      communityId: community.id, estateCode: community.code, key, channel: role === 'STAFF' ? 'PATROL' : 'HOTLINE',
      category: INCIDENT_CATEGORY[input.incidentType], priority: 'EMERGENCY', title: INCIDENT_TITLE[input.incidentType], description,
      buildingId: building?.id ?? null, householdId: household?.id ?? null, spaceId: space?.id ?? null, gridId,
      reporterResidentId: null, reporterStaffId: staff?.id ?? null,
    }, now);
    // In a public space (no grid) the estate's own crew comes first.
    const { units, managerFallback } = await firstUnits(em, { communityId: community.id, gridId, incidentType: input.incidentType });
    const dispatch = em.create(Dispatch, {
      community: em.getReference(Community, community.id), ticket,
      building: building ? em.getReference(Building, building.id) : null, publicSpace: space ? em.getReference(PublicSpace, space.id) : null,
      grid: gridId ? em.getReference(Grid, gridId) : null, household: household ? em.getReference(Household, household.id) : null,
      incidentType: input.incidentType, status: 'DISPATCHED', version: 1, dispatchedAt: now,
      targetOnSceneAt: new Date(now.getTime() + community.emergencyTargetMinutes * 60_000), escalations: 0, managerFallback,
    });
    units.forEach((unit, i) => em.create(DispatchUnit, {
      dispatch, community: dispatch.community, staff: em.getReference(Staff, unit.staffId), role: unit.role, reason: unit.reason, position: i + 1, dispatchedAt: now,
    }));
    const dispatched = dispatchEvent(em, dispatch, 'DISPATCHED', null, 'DISPATCHED', actorOf(ctx), now, {
      note: managerFallback ? 'Nobody suitable was on duty: sent to the estate manager' : null,
    });
    em.create(DispatchTimer, { dispatch, kind: 'ACK_TIMEOUT', dueAt: new Date(now.getTime() + ctx.settings.ackTimeoutSeconds * 1000) });
    em.create(DispatchTimer, { dispatch, kind: 'TARGET', dueAt: dispatch.targetOnSceneAt });
    await em.flush();
    const logId = await appendEvents(em, [...ticketEntries(ticket, [event]), dispatchEntry(dispatch, ticket, dispatched, units.map((u) => u.staffId))]);
    return { dispatch, logId };
  });
}

function actorOf(ctx: Context): { role: string; subject: string } {
  return { role: ctx.viewer.role!, subject: ctx.viewer.subject! };
}

/**
 * Moves a dispatch on (acknowledge, arrive, clear), in the contract's order of
 * checks: visible (NOT_FOUND, as for one that does not exist), allowed
 * (FORBIDDEN: the units sent, the desk and managers of its estate),
 * expectedVersion (VERSION_CONFLICT), the move (INVALID_TRANSITION), then the
 * note. The ticket moves along where it can.
 */
export async function moveDispatch(ctx: Context, input: DispatchActionInput, move: DispatchMove): Promise<DispatchChange> {
  const { role, staffId } = ctx.viewer;
  if (!role) throw unauthenticated('Sign in to act on a dispatch');
  const id = expectGlobalId(input.dispatchId, 'Dispatch', 'dispatchId');
  const visible = await ctx.loaders.dispatch.load(id);
  if (!visible) throw hidden('Dispatch');
  const units = await dispatchUnits(ctx, visible);
  const sent = staffId !== undefined && units.some((u) => u.staff.id === staffId);
  if (!DESK_ROLES.includes(role) && !(role === 'STAFF' && sent)) throw forbidden('Only the units sent, the desk and managers act on a dispatch');
  const staff = await actingStaff(ctx);
  if (staff && staff.community.id !== visible.community.id) throw forbidden('You work in another estate');

  return ctx.em.transactional(async (em) => {
    // Dispatch before ticket, always: the same order everywhere, so two moves never wait on each other.
    const dispatch = await em.findOneOrFail(Dispatch, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (input.expectedVersion != null && input.expectedVersion !== dispatch.version) {
      throw new AppError('VERSION_CONFLICT', `The dispatch changed since you saw it: it is at version ${dispatch.version}, you sent ${input.expectedVersion}`, {
        currentVersion: dispatch.version,
      });
    }
    const from = dispatch.status;
    dispatch.status = dispatchTransition(from, move);
    const note = text(input.note, 'note', false);
    const now = new Date();
    if (move === 'acknowledge') {
      dispatch.acknowledgedAt = now;
      if (sent) await em.nativeUpdate(DispatchUnit, { dispatch: id, staff: staffId!, acknowledgedAt: null }, { acknowledgedAt: now });
    }
    if (move === 'arrive') {
      dispatch.onSceneAt = now;
      dispatch.responseSeconds = Math.round((now.getTime() - dispatch.dispatchedAt.getTime()) / 1000);
    }
    if (move === 'clear') dispatch.clearedAt = now;
    dispatch.version += 1;
    const event = dispatchEvent(em, dispatch, DISPATCH_MOVES[move].event, from, dispatch.status, actorOf(ctx), now, { staffId: sent ? staffId : null, note });

    const ticket = await em.findOneOrFail(Ticket, dispatch.ticket.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const ticketMove = DISPATCH_MOVES[move].ticket;
    const ticketEvents = (MOVES[ticketMove].from as readonly string[]).includes(ticket.status)
      ? [applyMove(em, ctx, ticket, ticketMove, now, () => note)] : [];
    if (ticketEvents.length) ticket.version += 1;
    await em.flush();
    const unitIds = (await em.find(DispatchUnit, { dispatch: id })).map((u) => u.staff.id);
    const logId = await appendEvents(em, [...ticketEntries(ticket, ticketEvents), dispatchEntry(dispatch, ticket, event, unitIds)]);
    return { dispatch, logId };
  });
}

/** Puts a member of staff on or off duty: themselves, or anyone of their estate for the desk and managers. */
export async function setDuty(ctx: Context, input: SetDutyInput): Promise<Staff> {
  const { role, staffId } = ctx.viewer;
  if (!role) throw unauthenticated('Sign in to change who is on duty');
  const targetId = input.staffId != null ? expectGlobalId(input.staffId, 'Staff', 'staffId') : staffId;
  if (targetId === undefined) throw badInput('staffId is required: this token names no member of staff', 'staffId');
  const target = await ctx.loaders.staff.load(targetId);
  if (!target) throw hidden('Staff');
  if (targetId !== staffId && !DESK_ROLES.includes(role)) throw forbidden('Only the desk and managers put others on or off duty');
  if (ctx.viewer.staffCommunityId !== undefined && ctx.viewer.staffCommunityId !== target.community.id) throw forbidden('You work in another estate');
  await ctx.em.nativeUpdate(Staff, { id: targetId }, { onDuty: input.onDuty });
  return { ...target, onDuty: input.onDuty };
}

const TIMELINE: ListSpec<DispatchEvent> = { entity: DispatchEvent, orderBy: ['id'], parentColumn: 'dispatch_id' };
const NEWEST_FIRST: ListSpec<Dispatch> = { entity: Dispatch, orderBy: ['dispatched_at', 'id'], descending: true, parentColumn: 'community_id' };

/** The dispatch raised with a ticket, if any. */
export async function dispatchOfTicket(ctx: Context, ticket: Ticket): Promise<Dispatch | null> {
  if (ticket.priority !== 'EMERGENCY') return null;
  const [dispatch] = await ctx.loaders.children(Dispatch, 'ticket', { id: 'asc' }).load(ticket.id);
  return dispatch ?? null;
}

/** The members of staff sent, in the order they were sent. */
export function dispatchUnits(ctx: Context, dispatch: Dispatch, info?: GraphQLResolveInfo): Promise<DispatchUnit[]> {
  return ctx.loaders.children(DispatchUnit, 'dispatch', { position: 'asc' }, prefetchOf(info, 'DispatchUnit', false)).load(dispatch.id);
}

export function dispatchTimeline(ctx: Context, dispatch: Dispatch, args: PageArgs, info?: GraphQLResolveInfo): Paged<DispatchEvent> {
  return ctx.loaders.childPage(TIMELINE, dispatch.id, args, prefetchOf(info, 'DispatchEvent', true));
}

/** An estate's dispatches, newest first. */
export function communityDispatches(ctx: Context, community: Community, args: PageArgs, info?: GraphQLResolveInfo): Paged<Dispatch> {
  return ctx.loaders.childPage(NEWEST_FIRST, community.id, args, prefetchOf(info, 'Dispatch', true));
}

/** On scene by the target: true or false once known, null while still within it. */
export function withinTarget(dispatch: Dispatch, now = new Date()): boolean | null {
  if (dispatch.onSceneAt) return dispatch.onSceneAt <= dispatch.targetOnSceneAt;
  return now > dispatch.targetOnSceneAt ? false : null;
}
