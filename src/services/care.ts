import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CareEvent, CarePlan, CareVisit, Community, Household, Staff, Ticket,
  type CareEventType, type CareOutcome, type TicketEvent,
} from '../entities';
import type { CareVisitFilter, EndCarePlanInput, RecordCareVisitInput, SetCarePlanInput } from '../generated/graphql';
import type { Context } from '../context';
import { AppError, badInput, forbidden, notFound, unauthenticated } from '../errors';
import { expectGlobalId } from '../ids';
import { appendEvents, ticketEntries, type LogEntry } from '../events/log';
import { actingStaff, applyMove } from './tickets';
import { text } from './ticket-input';
import { WORKER_ROLES, type Move } from './ticket-lifecycle';
import type { ListSpec, PageArgs, Paged } from './paging';

/**
 * The special-care channel: care plans per household (what kind of visit,
 * how often), their visits and what staff found. Visits fall due and go
 * overdue on the timer worker (care-timers.ts); recording an outcome closes
 * the visit's ticket and moves the schedule on.
 */

const DAY_MS = 24 * 3600_000;
const hidden = (type: string) => notFound(`No ${type} with this ID is visible to you`);

/** Who signs a change: the viewer, or the schedule itself. */
export interface Actor { role: string; subject: string; staffId: number | null }

/** A care event for a visit (flushed with the caller's next flush). */
export function careEvent(em: EntityManager, visit: CareVisit, type: CareEventType, actor: Actor, at: Date): CareEvent {
  return em.create(CareEvent, {
    visit, community: visit.community, household: visit.household, type,
    actorRole: actor.role, actorSubject: actor.subject, staff: actor.staffId ? em.getReference(Staff, actor.staffId) : null, at,
  });
}

/** The log entry of a care event: the household, grid and steward copied for the access rules and filters. */
export function careEntry(visit: CareVisit, event: CareEvent): LogEntry {
  return {
    kind: 'CARE', communityId: visit.community.id, careEventId: event.id, ticketId: visit.ticket?.id ?? null,
    householdId: visit.household.id, gridId: visit.grid?.id ?? null, staffIds: visit.steward ? [visit.steward.id] : null, at: event.at,
  };
}

/** Staff of the estate (not dashboards, not residents) change care plans and record visits. */
async function requireStaffOf(ctx: Context, communityId: number, what: string): Promise<Staff | null> {
  const { role } = ctx.viewer;
  if (!role || !WORKER_ROLES.includes(role)) throw forbidden(`Only staff of the estate ${what}`);
  const staff = await actingStaff(ctx);
  if (staff && staff.community.id !== communityId) throw forbidden('You work in another estate');
  return staff;
}

/**
 * Sets a household's care visits of one kind: creates the plan, or changes
 * how often and why (and revives an ended one). The first visit falls due at
 * `startsAt` (default now); while a visit is open its schedule is left alone.
 */
export async function setCarePlan(ctx: Context, input: SetCarePlanInput): Promise<CarePlan> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to set care plans');
  const household = await ctx.loaders.household.load(expectGlobalId(input.householdId, 'Household', 'householdId'));
  if (!household) throw hidden('Household');
  await requireStaffOf(ctx, household.community.id, 'set care plans');
  if (!Number.isInteger(input.everyDays) || input.everyDays < 1 || input.everyDays > 366) {
    throw badInput(`everyDays must be 1 to 366, got ${input.everyDays}`, 'everyDays');
  }
  const note = text(input.note, 'note', false);
  if (household.careNeeds.length === 0) throw badInput('This household has no care needs: a care plan follows from them', 'householdId');
  const startsAt = input.startsAt == null ? null : new Date(input.startsAt);

  const write = () => ctx.em.transactional(async (em) => {
    const now = new Date();
    const plan = await em.findOne(CarePlan, { household: household.id, kind: input.kind }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!plan) {
      return em.create(CarePlan, {
        community: em.getReference(Community, household.community.id), household: em.getReference(Household, household.id),
        kind: input.kind, everyDays: input.everyDays, note, active: true, nextDueAt: startsAt ?? now, createdAt: now,
      });
    }
    const open = await em.count(CareVisit, { plan: plan.id, outcome: null });
    plan.everyDays = input.everyDays;
    plan.note = note;
    if (open === 0 && (startsAt || !plan.active)) plan.nextDueAt = startsAt ?? now;
    plan.active = true;
    return plan;
  });
  try {
    return await write();
  } catch (error) {
    // Two first plans of one kind at once: the unique index decided; change the winner.
    if (error instanceof UniqueConstraintViolationException) return write();
    throw error;
  }
}

/** Ends a plan: no more visits fall due; an open one stays open until its outcome is recorded. */
export async function endCarePlan(ctx: Context, input: EndCarePlanInput): Promise<CarePlan> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to end care plans');
  const id = expectGlobalId(input.planId, 'CarePlan', 'planId');
  const visible = await ctx.loaders.carePlan.load(id);
  if (!visible) throw hidden('CarePlan');
  await requireStaffOf(ctx, visible.community.id, 'end care plans');
  return ctx.em.transactional(async (em) => {
    const plan = await em.findOneOrFail(CarePlan, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    plan.active = false;
    plan.nextDueAt = null;
    return plan;
  });
}

/** The move that takes a ticket one step towards CLOSED, from where it is; null when it is closed or cancelled. */
const TOWARDS_CLOSED: Partial<Record<Ticket['status'], Exclude<Move, 'rate'>>> = {
  SUBMITTED: 'acknowledge', ACKNOWLEDGED: 'start', REOPENED: 'start', IN_PROGRESS: 'resolve', RESOLVED: 'close',
};
const OUTCOME_NOTE: Record<CareOutcome, string> = { DONE: 'Care visit made', NOBODY_HOME: 'Care visit: nobody home', REFUSED: 'Care visit refused' };

/**
 * Records what a care visit found, in the contract's order of checks:
 * visible (NOT_FOUND), staff of the estate (FORBIDDEN), still open
 * (INVALID_TRANSITION), then the note. In one transaction: the outcome, the
 * visit's ticket walked to CLOSED (nobody else rates a scheduled visit), the
 * plan's next due time (a day later when nobody was home, else `everyDays`
 * after this one fell due, and never in the past), and the care event, last.
 */
export async function recordCareVisit(ctx: Context, input: RecordCareVisitInput): Promise<{ visit: CareVisit; logId: number | null }> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to record care visits');
  const id = expectGlobalId(input.visitId, 'CareVisit', 'visitId');
  const visible = await ctx.loaders.careVisit.load(id);
  if (!visible) throw hidden('CareVisit');
  const staff = await requireStaffOf(ctx, visible.community.id, 'record care visits');

  return ctx.em.transactional(async (em) => {
    // Visit, plan, ticket: the same order as the care timers, so none waits on another in a circle.
    const visit = await em.findOneOrFail(CareVisit, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (visit.outcome) {
      throw new AppError('INVALID_TRANSITION', `This visit's outcome was already recorded (${visit.outcome})`, { from: visit.outcome, move: 'record' });
    }
    const note = text(input.note, 'note', false);
    const now = new Date();
    visit.outcome = input.outcome;
    visit.outcomeNote = note;
    visit.recordedAt = now;
    visit.recordedBy = staff ? em.getReference(Staff, staff.id) : null;

    const plan = await em.findOneOrFail(CarePlan, visit.plan.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (plan.active) {
      const next = input.outcome === 'NOBODY_HOME' ? now.getTime() + DAY_MS : visit.dueAt.getTime() + plan.everyDays * DAY_MS;
      plan.nextDueAt = new Date(next > now.getTime() ? next : now.getTime() + plan.everyDays * DAY_MS);
    }

    let ticket: Ticket | null = null;
    const ticketEvents: TicketEvent[] = [];
    if (visit.ticket) {
      ticket = await em.findOneOrFail(Ticket, visit.ticket.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      for (let move = TOWARDS_CLOSED[ticket.status]; move; move = TOWARDS_CLOSED[ticket.status]) {
        ticketEvents.push(applyMove(em, ctx, ticket, move, now, () => (move === 'resolve' ? OUTCOME_NOTE[input.outcome] : null)));
      }
      if (ticketEvents.length) ticket.version += 1;
    }
    const event = careEvent(em, visit, input.outcome, { role: ctx.viewer.role!, subject: ctx.viewer.subject!, staffId: staff?.id ?? null }, now);
    await em.flush();
    const entries = [...(ticket ? ticketEntries(ticket, ticketEvents) : []), careEntry(visit, event)];
    return { visit, logId: await appendEvents(em, entries) };
  });
}

const VISITS_BY_PLAN: ListSpec<CareVisit> = { entity: CareVisit, orderBy: ['due_at', 'id'], descending: true, parentColumn: 'plan_id' };
const VISITS_BY_ESTATE: ListSpec<CareVisit> = { entity: CareVisit, orderBy: ['due_at', 'id'], descending: true, parentColumn: 'community_id' };

/** A household's care plans, by kind (what the row rule lets the viewer read: staff, or the household itself). */
export function householdCarePlans(ctx: Context, household: Household): Promise<CarePlan[]> {
  return ctx.loaders.children(CarePlan, 'household', { kind: 'asc', id: 'asc' }).load(household.id);
}

export function planVisits(ctx: Context, plan: CarePlan, args: PageArgs): Paged<CareVisit> {
  return ctx.loaders.childPage(VISITS_BY_PLAN, plan.id, args);
}

/** An estate's care visits, newest due first; dashboards are told to read the figures instead. */
export function communityCareVisits(ctx: Context, community: Community, filter: CareVisitFilter | null | undefined, args: PageArgs): Paged<CareVisit> {
  const { role } = ctx.viewer;
  if (role === 'DISTRICT' || role === 'INTEGRATOR') throw forbidden(`Care visits name households: ${role} tokens read the estate's figures`);
  const where: string[] = [];
  if (filter?.openOnly) where.push('x.outcome is null');
  if (filter?.overdueOnly) where.push('x.overdue_at is not null');
  const spec = where.length ? { ...VISITS_BY_ESTATE, where: { sql: where.join(' and '), bindings: [] } } : VISITS_BY_ESTATE;
  return ctx.loaders.childPage(spec, community.id, args);
}

export function visitEvents(ctx: Context, visit: CareVisit): Promise<CareEvent[]> {
  return ctx.loaders.children(CareEvent, 'visit', { id: 'asc' }).load(visit.id);
}

/** No outcome by the deadline, whether one was recorded since or not. */
export function isOverdue(visit: CareVisit, now = new Date()): boolean {
  return visit.overdueAt != null || (visit.recordedAt ?? now) > visit.deadlineAt;
}

/** Made by the deadline: true or false once known, null while open and still within it. */
export function doneOnTime(visit: CareVisit, now = new Date()): boolean | null {
  if (!visit.outcome) return now > visit.deadlineAt ? false : null;
  return visit.outcome === 'DONE' && visit.recordedAt! <= visit.deadlineAt;
}
