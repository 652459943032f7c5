import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Community, PatrolAnomaly, PatrolCheckpoint, PatrolPass, PatrolRoute, PatrolRun, Staff,
  type PatrolAnomalyKind, type Ticket, type TicketCategory, type TicketPriority,
} from '../entities';
import type { CreatePatrolRouteInput, FinishPatrolInput, PassCheckpointInput, ReportAnomalyInput, StartPatrolInput } from '../generated/graphql';
import type { Context } from '../context';
import { AppError, badInput, forbidden, notFound, unauthenticated } from '../errors';
import { expectGlobalId } from '../ids';
import { appendEvents, ticketEntries } from '../events/log';
import { actingStaff, idempotent, insertTicket } from './tickets';
import { text } from './ticket-input';
import { communityOf, findPlace, label, placeOf } from './places';
import type { ListSpec, PageArgs, Paged } from './paging';

/**
 * Patrols: routes with ordered checkpoints, runs walked by security, the
 * checkpoints passed and missed, and anomalies that become PATROL tickets in
 * the same transaction. Whether a route is overdue to start is derived from
 * its last run (see `nextStartDueAt`): a late patrol is a state anyone can
 * read at any moment, not something that happens once, so it needs no timer.
 */

const hidden = (type: string) => notFound(`No ${type} with this ID is visible to you`);
const invalid = (message: string, move: string) => new AppError('INVALID_TRANSITION', message, { move });

/** The ticket an anomaly raises: category and priority by kind. */
const ANOMALY_TICKET: Record<PatrolAnomalyKind, { category: TicketCategory; priority: TicketPriority; title: string }> = {
  BLOCKED_FIRE_LANE: { category: 'FIRE_SAFETY', priority: 'HIGH', title: '巡查：消防通道堵塞 Patrol: fire lane blocked' },
  EBIKE_IN_CORRIDOR: { category: 'FIRE_SAFETY', priority: 'HIGH', title: '巡查：电动车楼道停放充电 Patrol: e-bike in a corridor' },
  BROKEN_LIGHT: { category: 'ELECTRICAL', priority: 'NORMAL', title: '巡查：照明损坏 Patrol: broken light' },
  FIRE_EQUIPMENT: { category: 'FIRE_SAFETY', priority: 'HIGH', title: '巡查：消防器材缺失 Patrol: fire equipment' },
  SECURITY: { category: 'SECURITY', priority: 'HIGH', title: '巡查：治安隐患 Patrol: security' },
  OTHER: { category: 'OTHER', priority: 'NORMAL', title: '巡查发现问题 Patrol: other' },
};

/** Creates a route with its checkpoints (managers of the estate). */
export async function createPatrolRoute(ctx: Context, input: CreatePatrolRouteInput): Promise<PatrolRoute> {
  const community = await communityOf(ctx, input.communityCode);
  for (const c of input.checkpoints.slice(0, 51)) await findPlace(ctx, c);
  const { role } = ctx.viewer;
  if (role !== 'MANAGER' && role !== 'ADMIN') throw forbidden('Only managers create patrol routes');
  const code = label(input.code, 'code', 16);
  const name = label(input.name, 'name', 120);
  if (!Number.isInteger(input.everyMinutes) || input.everyMinutes < 1 || input.everyMinutes > 10080) {
    throw badInput(`everyMinutes must be 1 to 10080, got ${input.everyMinutes}`, 'everyMinutes');
  }
  if (input.checkpoints.length < 1 || input.checkpoints.length > 50) throw badInput('A route has 1 to 50 checkpoints', 'checkpoints');
  const points: { name: string; buildingId: number | null; spaceId: number | null }[] = [];
  for (const [i, c] of input.checkpoints.entries()) {
    const at = await placeOf(ctx, c, community.id, `checkpoints[${i}]`);
    points.push({ name: label(c.name, `checkpoints[${i}].name`, 120), ...at });
  }
  try {
    return await ctx.em.transactional(async (em) => {
      const route = em.create(PatrolRoute, { community: em.getReference(Community, community.id), code, name, everyMinutes: input.everyMinutes, createdAt: new Date() });
      points.forEach((p, i) => em.create(PatrolCheckpoint, {
        community: route.community, route, position: i + 1, name: p.name, building: p.buildingId, publicSpace: p.spaceId,
      } as never));
      return route;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw badInput(`The estate already has a route ${code}`, 'code');
    throw error;
  }
}

/** Starts a run: security staff of the estate; one run of a route at a time, one open run per guard. */
export async function startPatrol(ctx: Context, input: StartPatrolInput): Promise<PatrolRun> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to start a patrol');
  const routeId = expectGlobalId(input.routeId, 'PatrolRoute', 'routeId');
  const route = await ctx.loaders.patrolRoute.load(routeId);
  if (!route) throw hidden('PatrolRoute');
  const staff = await actingStaff(ctx);
  if (ctx.viewer.role !== 'STAFF' || staff?.role !== 'SECURITY') throw forbidden('Only security staff walk patrols');
  if (staff.community.id !== route.community.id) throw forbidden('You work in another estate');
  try {
    return await ctx.em.transactional(async (em) => {
      const now = new Date();
      const run = em.create(PatrolRun, {
        community: em.getReference(Community, route.community.id), route: em.getReference(PatrolRoute, routeId),
        staff: em.getReference(Staff, staff.id), status: 'IN_PROGRESS', startedAt: now, finishedAt: null,
      });
      const checkpoints = await em.find(PatrolCheckpoint, { route: routeId }, { orderBy: { position: 'asc' } });
      for (const c of checkpoints) {
        em.create(PatrolPass, { community: run.community, run, checkpoint: c, position: c.position, status: 'PENDING', passedAt: null });
      }
      return run;
    });
  } catch (error) {
    // The partial unique indexes on open runs decided, also between two guards starting at once.
    if (error instanceof UniqueConstraintViolationException) throw invalid('This route is being walked, or you are walking another one: finish that run first', 'start');
    throw error;
  }
}

/** The run, visible and acted on by its guard (or, for `finish`, the desk and managers); locked for the change. */
async function onRun(ctx: Context, runGlobalId: string, move: 'pass' | 'finish' | 'report'): Promise<PatrolRun> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to act on a patrol');
  const run = await ctx.loaders.patrolRun.load(expectGlobalId(runGlobalId, 'PatrolRun', 'runId'));
  if (!run) throw hidden('PatrolRun');
  const mine = ctx.viewer.staffId !== undefined && run.staff.id === ctx.viewer.staffId;
  const desk = ['DISPATCHER', 'MANAGER', 'ADMIN'].includes(ctx.viewer.role);
  if (!mine && !(move === 'finish' && desk)) throw forbidden(move === 'finish' ? 'Only the guard, the desk and managers finish a patrol' : 'Only the guard walking this patrol can do that');
  const staff = await actingStaff(ctx);
  if (staff && staff.community.id !== run.community.id) throw forbidden('You work in another estate');
  return run;
}

async function lockOpen(em: EntityManager, runId: number, move: string): Promise<PatrolRun> {
  const run = await em.findOneOrFail(PatrolRun, runId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (run.status !== 'IN_PROGRESS') throw invalid(`Cannot ${move} on a run that is ${run.status}`, move);
  return run;
}

/** Passes a checkpoint in order: every PENDING checkpoint before it is marked MISSED. */
export async function passCheckpoint(ctx: Context, input: PassCheckpointInput): Promise<PatrolRun> {
  const visible = await onRun(ctx, input.runId, 'pass');
  return ctx.em.transactional(async (em) => {
    const run = await lockOpen(em, visible.id, 'pass a checkpoint');
    const checkpointId = expectGlobalId(input.checkpointId, 'PatrolCheckpoint', 'checkpointId');
    const pass = await em.findOne(PatrolPass, { run: run.id, checkpoint: checkpointId });
    if (!pass) throw badInput('checkpointId is not a checkpoint of this run\'s route', 'checkpointId');
    if (pass.status !== 'PENDING') throw invalid(`Checkpoint ${pass.position} was already ${pass.status.toLowerCase()}: checkpoints go in order`, 'pass');
    await em.nativeUpdate(PatrolPass, { run: run.id, status: 'PENDING', position: { $lt: pass.position } }, { status: 'MISSED' });
    pass.status = 'PASSED';
    pass.passedAt = new Date();
    return run;
  });
}

/** Finishes a run: every checkpoint not reached is MISSED. */
export async function finishPatrol(ctx: Context, input: FinishPatrolInput): Promise<PatrolRun> {
  const visible = await onRun(ctx, input.runId, 'finish');
  return ctx.em.transactional(async (em) => {
    const run = await lockOpen(em, visible.id, 'finish');
    await em.nativeUpdate(PatrolPass, { run: run.id, status: 'PENDING' }, { status: 'MISSED' });
    run.status = 'FINISHED';
    run.finishedAt = new Date();
    return run;
  });
}

/**
 * Reports an anomaly found on a run: the anomaly and a PATROL ticket about
 * the checkpoint's building or public space, in one transaction (with the
 * ticket's SUBMITTED event on the log), or nothing. The same key again
 * returns the first anomaly and writes nothing.
 */
export async function reportAnomaly(ctx: Context, input: ReportAnomalyInput): Promise<{ anomaly: PatrolAnomaly; logId: number | null }> {
  const visible = await onRun(ctx, input.runId, 'report');
  if (visible.status !== 'IN_PROGRESS') throw invalid(`Cannot report on a run that is ${visible.status}`, 'report');
  const checkpoint = await ctx.loaders.patrolCheckpoint.load(expectGlobalId(input.checkpointId, 'PatrolCheckpoint', 'checkpointId'));
  if (!checkpoint || checkpoint.route.id !== visible.route.id) throw badInput('checkpointId is not a checkpoint of this run\'s route', 'checkpointId');
  const key = text(input.idempotencyKey, 'idempotencyKey', true)!;
  const note = text(input.note, 'note', false);
  const building = checkpoint.building ? await ctx.loaders.building.load(checkpoint.building.id) : null;
  const community = (await ctx.loaders.community.load(visible.community.id))!;
  const staffId = ctx.viewer.staffId!;
  const kind = ANOMALY_TICKET[input.kind];

  const same = async (ticket: Ticket) => {
    const anomaly = await ctx.em.fork().findOne(PatrolAnomaly, { ticket: ticket.id });
    if (!anomaly || anomaly.run.id !== visible.id || anomaly.kind !== input.kind || anomaly.checkpoint.id !== checkpoint.id) {
      throw badInput('This idempotencyKey was already used for something else', 'idempotencyKey');
    }
    const [row]: { id: string }[] = await ctx.em.fork().execute(
      `select l.id from event_log l where l.ticket_id = ? and l.kind = 'TICKET' order by l.id limit 1`, [ticket.id]);
    return { anomaly, logId: row ? Number(row.id) : null };
  };
  return idempotent(ctx, key, same, async (em, now) => {
    await lockOpen(em, visible.id, 'report an anomaly');
    const { ticket, event } = await insertTicket(em, ctx, {
      communityId: community.id, estateCode: community.code, key, channel: 'PATROL', category: kind.category, priority: kind.priority,
      title: `${kind.title} · ${checkpoint.name}`.slice(0, 200), description: note ?? '',
      buildingId: building?.id ?? null, householdId: null, spaceId: checkpoint.publicSpace?.id ?? null, gridId: building?.grid.id ?? null,
      reporterResidentId: null, reporterStaffId: staffId,
    }, now);
    const anomaly = em.create(PatrolAnomaly, {
      community: em.getReference(Community, community.id), run: em.getReference(PatrolRun, visible.id),
      checkpoint: em.getReference(PatrolCheckpoint, checkpoint.id), kind: input.kind, note, ticket, staff: em.getReference(Staff, staffId), reportedAt: now,
    });
    await em.flush();
    return { anomaly, logId: await appendEvents(em, ticketEntries(ticket, [event])) };
  });
}

const RUNS: ListSpec<PatrolRun> = { entity: PatrolRun, orderBy: ['started_at', 'id'], descending: true, parentColumn: 'route_id' };

/** The estate's routes; residents are not told how security walks. */
export function communityRoutes(ctx: Context, community: Community): Promise<PatrolRoute[]> {
  if (ctx.viewer.role === 'RESIDENT') throw forbidden('Patrol routes are for staff and dashboards');
  return ctx.loaders.children(PatrolRoute, 'community', { code: 'asc', id: 'asc' }).load(community.id);
}

export function routeCheckpoints(ctx: Context, route: PatrolRoute): Promise<PatrolCheckpoint[]> {
  return ctx.loaders.children(PatrolCheckpoint, 'route', { position: 'asc' }).load(route.id);
}

export function routeRuns(ctx: Context, route: PatrolRoute, args: PageArgs): Paged<PatrolRun> {
  return ctx.loaders.childPage(RUNS, route.id, args);
}

/** The newest run of a route, if any. */
export async function lastRun(ctx: Context, route: PatrolRoute): Promise<PatrolRun | null> {
  const page = await routeRuns(ctx, route, { first: 1 });
  return page.edges[0]?.node ?? null;
}

/** When the next run must start: the last one's start plus the interval (the route's creation when never walked). */
export async function nextStartDueAt(ctx: Context, route: PatrolRoute): Promise<Date> {
  const last = await lastRun(ctx, route);
  return new Date((last?.startedAt ?? route.createdAt).getTime() + route.everyMinutes * 60_000);
}

/** Late to start: nobody is walking it and the next start is past due. */
export async function routeOverdue(ctx: Context, route: PatrolRoute, now = new Date()): Promise<boolean> {
  const last = await lastRun(ctx, route);
  if (last?.status === 'IN_PROGRESS') return false;
  return now > new Date((last?.startedAt ?? route.createdAt).getTime() + route.everyMinutes * 60_000);
}

export function runPasses(ctx: Context, run: PatrolRun): Promise<PatrolPass[]> {
  return ctx.loaders.children(PatrolPass, 'run', { position: 'asc' }).load(run.id);
}

export function runAnomalies(ctx: Context, run: PatrolRun): Promise<PatrolAnomaly[]> {
  return ctx.loaders.children(PatrolAnomaly, 'run', { id: 'asc' }).load(run.id);
}
