import type { EntityManager } from '@mikro-orm/postgresql';
import { CarePlan, CareVisit, Grid, Staff, type CareVisitKind } from '../entities';
import type { CareConfig } from '../config';
import type { Context } from '../context';
import type { Logger } from '../logger';
import type { Viewer } from '../access/viewer';
import { ticketEntries, type LogEntry } from '../events/log';
import type { DueWork } from '../events/timers';
import { insertTicket, record } from './tickets';
import { careEntry, careEvent, type Actor } from './care';

/** How the schedule signs what it does: no token did it. */
const SYSTEM: Actor = { role: 'SYSTEM', subject: 'care-schedule', staffId: null };
/** Plans and visits one claim handles of each; the rest wait for the next poll. */
const BATCH = 20;

/** The ticket a visit raises, in the estate's two languages as tickets are written there. */
const TITLES: Record<CareVisitKind, string> = {
  WATER_POWER_CHECK: '关爱探访：水电检查 Care visit: water and power check',
  SHOPPING: '关爱探访：代购 Care visit: shopping',
  CLEANING: '关爱探访：保洁 Care visit: cleaning',
  CALL: '关爱探访：电话问候 Care visit: call',
};

/**
 * insertTicket and record sign rows as a viewer; the schedule's viewer is the
 * server itself (role SYSTEM), which no token can be.
 */
const scheduleContext = {
  viewer: { role: SYSTEM.role, subject: SYSTEM.subject, communities: 'ALL', scope: 'ALL', scopeIds: 'ALL', rightsKey: 'system' } as unknown as Viewer,
} as Context;

/**
 * The care schedule, as due work for the server's TimerWorker
 * (src/events/timers.ts). In the worker's transaction it claims, with FOR
 * UPDATE SKIP LOCKED, plans whose next visit has fallen due (a visit, its
 * CARE ticket assigned to the grid's steward, a DUE event) and open visits
 * whose deadline has passed (an OVERDUE event, once). Claiming and marking
 * happen in one transaction, so each happens exactly once whatever the
 * number of instances, and what fell due while no instance ran happens at
 * the next start.
 */
export function careTimers(config: CareConfig, logger: Logger): DueWork {
  return async (em) => {
    const entries: LogEntry[] = [];
    const due: { id: number }[] = await em.execute(
      `select p.id from care_plan p where p.active and p.next_due_at <= now()
        order by p.next_due_at, p.id limit ? for update skip locked`, [BATCH]);
    for (const { id } of due) entries.push(...await fallDue(em, id, config));
    const late: { id: number }[] = await em.execute(
      `select v.id from care_visit v where v.outcome is null and v.overdue_at is null and v.deadline_at <= now()
        order by v.deadline_at, v.id limit ? for update skip locked`, [BATCH]);
    for (const { id } of late) entries.push(await markOverdue(em, id));
    if (due.length || late.length) logger.info({ due: due.length, overdue: late.length }, 'care schedule ran');
    return { handled: due.length + late.length, entries };
  };
}

/**
 * A plan's visit falls due: the visit (deadline: the window after now, so
 * a schedule that was late itself never makes staff late), its CARE ticket
 * assigned to the steward of the household's grid (unassigned while the post
 * is vacant), the plan waiting for the outcome, and a DUE event.
 */
async function fallDue(em: EntityManager, planId: number, config: CareConfig): Promise<LogEntry[]> {
  const plan = await em.findOneOrFail(CarePlan, planId);
  const [place]: { building_id: number; grid_id: number; steward_id: number | null; code: string }[] = await em.execute(
    `select h.building_id, b.grid_id, g.steward_id, c.code from household h join building b on b.id = h.building_id
       join grid g on g.id = b.grid_id join community c on c.id = h.community_id where h.id = ?`, [plan.household.id]);
  const now = new Date();
  const visit = em.create(CareVisit, {
    community: plan.community, plan, household: plan.household, grid: em.getReference(Grid, place.grid_id), kind: plan.kind,
    steward: place.steward_id ? em.getReference(Staff, place.steward_id) : null, ticket: null,
    dueAt: plan.nextDueAt!, deadlineAt: new Date(now.getTime() + config.visitWindowSeconds * 1000),
  });
  plan.nextDueAt = null;
  await em.flush();

  const { ticket, event } = await insertTicket(em, scheduleContext, {
    communityId: plan.community.id, estateCode: place.code, key: `care-visit-${visit.id}`, channel: 'CARE_SCHEDULE', category: 'CARE',
    priority: 'NORMAL', title: TITLES[plan.kind], description: '', buildingId: place.building_id, householdId: plan.household.id,
    spaceId: null, gridId: place.grid_id, reporterResidentId: null, reporterStaffId: null,
  }, now);
  const events = [event];
  if (place.steward_id) {
    ticket.assignee = em.getReference(Staff, place.steward_id);
    ticket.assignedAt = now;
    ticket.version += 1;
    events.push(record(em, scheduleContext, ticket, 'ASSIGNED', null, null, null, now));
  }
  visit.ticket = ticket;
  const dueEvent = careEvent(em, visit, 'DUE', SYSTEM, now);
  await em.flush();
  return [...ticketEntries(ticket, events), careEntry(visit, dueEvent)];
}

/** The deadline passed with no outcome: marked once, with an OVERDUE event. */
async function markOverdue(em: EntityManager, visitId: number): Promise<LogEntry> {
  const visit = await em.findOneOrFail(CareVisit, visitId);
  const now = new Date();
  visit.overdueAt = now;
  const event = careEvent(em, visit, 'OVERDUE', SYSTEM, now);
  await em.flush();
  return careEntry(visit, event);
}
