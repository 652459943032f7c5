import type { EntityManager } from '@mikro-orm/postgresql';
import { Dispatch, DispatchEvent, DispatchTimer, DispatchUnit, Staff, Ticket, type TimerKind } from '../entities';
import type { DispatchConfig } from '../config';
import type { Logger } from '../logger';
import type { LogEntry } from '../events/log';
import type { DueWork } from '../events/timers';
import { dispatchEntry, dispatchEvent } from './dispatch';
import { nextUnit } from './dispatch-units';

/** How timer events are signed in the timeline: no token made them. */
const SYSTEM = { role: 'SYSTEM', subject: 'dispatch-timers' } as const;
/** Timers one claim handles; the rest wait for the next poll. */
const BATCH = 20;

/**
 * The dispatch timers, as due work for the server's TimerWorker
 * (src/events/timers.ts): claims due timer rows with FOR UPDATE SKIP LOCKED,
 * acts on each (escalate a dispatch nobody acknowledged, record a missed
 * target) and marks it fired, all in the worker's transaction, so each fires
 * exactly once whatever the number of instances. A dispatch another
 * transaction holds is skipped and tried again at the next poll.
 */
export function dispatchTimers(config: DispatchConfig, logger: Logger): DueWork {
  return async (em) => {
    const due: { id: number; dispatch_id: number; kind: TimerKind }[] = await em.execute(
      `select t.id, t.dispatch_id, t.kind from dispatch_timer t
        where t.fired_at is null and t.due_at <= now()
        order by t.due_at, t.id limit ? for update skip locked`, [BATCH]);
    const entries: LogEntry[] = [];
    let handled = 0;
    for (const timer of due) {
      // Skip a dispatch a move holds right now: this timer stays due and is looked at again.
      const [held]: { id: number }[] = await em.execute('select id from dispatch where id = ? for update skip locked', [timer.dispatch_id]);
      if (!held) continue;
      const dispatch = await em.findOneOrFail(Dispatch, timer.dispatch_id);
      const now = new Date();
      const event = timer.kind === 'ACK_TIMEOUT' ? await escalate(em, dispatch, now, config) : targetMissed(em, dispatch, now);
      await em.execute('update dispatch_timer set fired_at = ? where id = ?', [now.toISOString(), timer.id]);
      handled++;
      if (!event) continue;
      dispatch.version += 1;
      await em.flush();
      const ticket = await em.findOneOrFail(Ticket, dispatch.ticket.id);
      const units = (await em.find(DispatchUnit, { dispatch: dispatch.id })).map((u) => u.staff.id);
      entries.push(dispatchEntry(dispatch, ticket, event, units));
      logger.info({ dispatchId: dispatch.id, type: event.type }, 'dispatch timer fired');
    }
    return { handled, entries };
  };
}

/**
 * Nobody acknowledged in time: send the next unit (the next on-duty
 * candidate, then the estate's manager) and wait again; nothing when the
 * dispatch was acknowledged meanwhile or the manager was sent already.
 */
async function escalate(em: EntityManager, dispatch: Dispatch, now: Date, config: DispatchConfig): Promise<DispatchEvent | null> {
  if (dispatch.status !== 'DISPATCHED') return null;
  const units = await em.find(DispatchUnit, { dispatch: dispatch.id }, { orderBy: { position: 'asc' } });
  const next = await nextUnit(em, { communityId: dispatch.community.id, gridId: dispatch.grid?.id ?? null, incidentType: dispatch.incidentType }, units.map((u) => u.staff.id));
  if (!next) return null;
  em.create(DispatchUnit, {
    dispatch, community: dispatch.community, staff: em.getReference(Staff, next.staffId), role: next.role, reason: next.reason,
    position: units.length + 1, dispatchedAt: now,
  });
  dispatch.escalations += 1;
  // After the manager there is nobody further up: no more waiting.
  if (next.reason !== 'MANAGER') em.create(DispatchTimer, { dispatch, kind: 'ACK_TIMEOUT', dueAt: new Date(now.getTime() + config.ackTimeoutSeconds * 1000) });
  return dispatchEvent(em, dispatch, 'ESCALATED', null, null, SYSTEM, now, { staffId: next.staffId });
}

/** The target passed with nobody on scene. */
function targetMissed(em: EntityManager, dispatch: Dispatch, now: Date): DispatchEvent | null {
  if (dispatch.status !== 'DISPATCHED' && dispatch.status !== 'ACKNOWLEDGED') return null;
  return dispatchEvent(em, dispatch, 'TARGET_MISSED', null, null, SYSTEM, now);
}
