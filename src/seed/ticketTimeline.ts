import type { TicketEventType, TicketPriority, TicketStatus } from '../entities';
import type { Rng } from './random';

/*
 * One demo ticket's life, from submission to rating. Times are whole seconds
 * since the epoch (UTC). The service levels are expressed as fractions of the
 * sla_policy targets, so the history follows whatever targets the database holds;
 * the per-quarter rates below are what make the reference estate's record
 * (emergencies answered in time from 2025, fewer misses every quarter) come out.
 */

/** 2026-01-01T00:00:00Z: the history ends here; whatever would happen later has not happened yet. */
const HISTORY_END = Date.UTC(2026, 0, 1) / 1000;
/** The estates keep Beijing time; working hours and daytime are local. */
export const LOCAL_OFFSET = 8 * 3600;

/** Share of responses later than the target, per quarter from 2024-Q1 to 2025-Q4. */
const RESPONSE_MISS = [0.09, 0.08, 0.07, 0.06, 0.03, 0.025, 0.02, 0.02];
/** Emergencies: the dispatch desk was reorganised for 2025 and has met the target since. */
const EMERGENCY_RESPONSE_MISS = [0.22, 0.17, 0.13, 0.09, 0, 0, 0, 0];
/** Share of resolutions later than the target (waiting for parts or a contractor). */
const RESOLVE_MISS = [0.08, 0.07, 0.06, 0.05, 0.03, 0.03, 0.02, 0.02];
/** Resolutions the reporter rejects once, in 2024 and in 2025. */
const REOPEN = [0.03, 0.02];
/** Requests withdrawn (or found to be duplicates) before work starts. */
const CANCEL = 0.03;
/** Residents rate most resolutions; an unrated one stays RESOLVED. */
const RATE = 0.85;

export type ActorRole = 'RESIDENT' | 'STAFF' | 'DISPATCHER' | 'MANAGER';
export interface Actor { role: ActorRole; staffId: number | null; residentId: number | null }

/** Milestones; null when the ticket never got (or has not yet got) there. */
export interface Timeline {
  status: TicketStatus;
  ackAt: number | null; assignedAt: number | null; startAt: number | null; resolveAt: number | null;
  reopenedAt: number | null; restartAt: number | null; reresolveAt: number | null;
  cancelledAt: number | null; ratedAt: number | null;
  /** Targets missed; ratings follow how a ticket went. */
  responseMissed: boolean; resolveMissed: boolean;
}

export interface TimelineInput {
  created: number; priority: TicketPriority; category: string; quarter: number;
  responseSeconds: number; resolveSeconds: number;
  /** A resident reporter can rate, reopen and withdraw; staff and anonymous callers cannot. */
  hasResident: boolean;
}

/** Routine work is started in working hours (08:00–20:00 local); a later start waits for the morning. */
function inWorkingHours(rng: Rng, t: number): number {
  const local = t + LOCAL_OFFSET;
  const hour = Math.floor((local % 86400) / 3600);
  if (hour >= 8 && hour < 20) return t;
  const morning = local - (local % 86400) + (hour >= 20 ? 86400 : 0) + 8 * 3600 - LOCAL_OFFSET;
  return morning + rng.int(0, 5400);
}

const WORK_FACTOR: Record<string, number> = { ELEVATOR: 1.6, COMPLAINT: 2, CARE: 0.8 };

/** Seconds of work on site: emergencies and urgent jobs run longer, lifts need parts, complaints need talking through. */
function workSeconds(rng: Rng, priority: TicketPriority, category: string): number {
  const u = rng.next();
  const base = priority === 'EMERGENCY' ? 1200 + 7800 * u
    : priority === 'HIGH' ? 1200 + 13000 * u
    : priority === 'NORMAL' ? 900 + 10000 * u * u
    : 900 + 6300 * u;
  return Math.floor(base * (WORK_FACTOR[category] ?? 1));
}

/** Draws the ticket's milestones and cuts them off at HISTORY_END. */
export function drawTimeline(rng: Rng, input: TimelineInput): Timeline {
  const { created, priority, category, quarter: q, hasResident } = input;
  const R = input.responseSeconds;
  const S = input.resolveSeconds;
  const emergency = priority === 'EMERGENCY';

  const responseMissed = rng.chance(emergency ? EMERGENCY_RESPONSE_MISS[q]! : RESPONSE_MISS[q]!);
  let ackDelay: number;
  if (responseMissed) ackDelay = R * (1.02 + 1.3 * rng.next());
  else if (emergency) ackDelay = q >= 4 ? R * (0.08 + 0.45 * rng.next()) : R * (0.25 + 0.7 * rng.next());
  else ackDelay = R * (0.01 + 0.9 * rng.next() ** 3);
  const ackAt = created + Math.max(20, Math.floor(ackDelay));
  const assignedAt = ackAt + (emergency ? rng.int(10, 60) : 30 + Math.floor(1200 * rng.next() ** 2));

  let startAt: number;
  if (emergency) {
    // From 2025 the crew is on scene inside the response target too.
    const budget = created + R - 30 - assignedAt;
    startAt = assignedAt + (q >= 4 ? Math.max(30, Math.min(budget, rng.int(60, 600))) : rng.int(120, 720));
  } else if (priority === 'HIGH') startAt = assignedAt + 300 + Math.floor(5400 * rng.next() ** 2);
  else if (priority === 'NORMAL') startAt = inWorkingHours(rng, assignedAt + 1200 + Math.floor(20000 * rng.next() ** 2));
  else startAt = inWorkingHours(rng, assignedAt + 3600 + Math.floor(150000 * rng.next() ** 2));

  let resolveAt = startAt + workSeconds(rng, priority, category);
  const resolveMissed = rng.chance(RESOLVE_MISS[q]!);
  if (resolveMissed) resolveAt = Math.max(resolveAt, created + Math.floor(S * (1.05 + 0.8 * rng.next())));

  const t: Timeline = {
    status: 'RESOLVED', ackAt, assignedAt, startAt, resolveAt, reopenedAt: null, restartAt: null, reresolveAt: null,
    cancelledAt: null, ratedAt: null, responseMissed, resolveMissed: resolveMissed || resolveAt > created + S,
  };

  if (!emergency && rng.chance(CANCEL)) {
    // Withdrawn before anyone started: half before the desk answered, half while waiting for the visit.
    if (rng.chance(0.55)) {
      t.cancelledAt = created + Math.max(60, Math.floor((ackAt - created) * (0.2 + 0.7 * rng.next())));
      t.ackAt = t.assignedAt = null;
    } else {
      const wait = 300 + Math.floor(20000 * rng.next() ** 2);
      t.cancelledAt = assignedAt + Math.min(wait, Math.max(1, Math.floor((startAt - assignedAt) / 2)));
    }
    t.startAt = t.resolveAt = null;
    t.status = 'CANCELLED';
    return cutOff(t);
  }

  let last = resolveAt;
  // An emergency is made safe and closed; any follow-up is a new ticket, so on-scene times stay those of the emergency.
  if (hasResident && !emergency && rng.chance(REOPEN[q >> 2]!)) {
    t.reopenedAt = resolveAt + 7200 + Math.floor(150000 * rng.next());
    const restart = t.reopenedAt + 1800 + Math.floor(40000 * rng.next());
    t.restartAt = inWorkingHours(rng, restart);
    t.reresolveAt = last = t.restartAt + Math.floor(workSeconds(rng, priority, category) * 0.8);
  }
  if (hasResident && rng.chance(RATE)) {
    t.ratedAt = last + 600 + Math.floor(250000 * rng.next() ** 2);
    t.status = 'CLOSED';
  }
  return cutOff(t);
}

/** What the ticket looked like at HISTORY_END: later milestones are dropped and the status set back. */
function cutOff(t: Timeline): Timeline {
  const steps: [keyof Timeline, TicketStatus][] = [
    ['ackAt', 'SUBMITTED'], ['assignedAt', 'ACKNOWLEDGED'], ['startAt', 'ACKNOWLEDGED'], ['resolveAt', 'IN_PROGRESS'],
    ['reopenedAt', 'RESOLVED'], ['restartAt', 'REOPENED'], ['reresolveAt', 'IN_PROGRESS'], ['ratedAt', 'RESOLVED'],
  ];
  if (t.cancelledAt !== null) {
    if (t.cancelledAt < HISTORY_END) return t;
    t.cancelledAt = null;
    t.status = t.ackAt === null ? 'SUBMITTED' : 'ACKNOWLEDGED';
  }
  let cut = false;
  for (const [key, before] of steps) {
    const at = t[key] as number | null;
    if (at === null) continue;
    if (!cut && at >= HISTORY_END) { cut = true; t.status = before; }
    if (cut) (t as unknown as Record<string, number | null>)[key] = null;
  }
  return t;
}

/** The people a ticket's events are attributed to. */
export interface TicketActors {
  submitter: Actor;
  /** The dispatcher (or, for complaints, a manager) who acknowledges and assigns. */
  desk: Actor;
  assignee: Actor;
  resident: Actor | null;
  canceller: Actor | null;
}

export type EventSink = (
  ticketId: number, type: TicketEventType, from: TicketStatus | null, to: TicketStatus | null, actor: Actor, note: string | null, at: number,
) => void;

/**
 * Replays a timeline as ticket_event rows, in order. The ticket's columns hold
 * the latest time of each milestone, so the last event of each kind matches them.
 * @returns how many events there are (the ticket's version).
 */
export function replay(
  id: number, t: Timeline, a: TicketActors, notes: { cancel: string | null; reopen: string | null; rating: string | null },
  created: number, sink: EventSink,
): number {
  let n = 1;
  sink(id, 'SUBMITTED', null, 'SUBMITTED', a.submitter, null, created);
  if (t.ackAt !== null) { n++; sink(id, 'ACKNOWLEDGED', 'SUBMITTED', 'ACKNOWLEDGED', a.desk, null, t.ackAt); }
  if (t.assignedAt !== null) { n++; sink(id, 'ASSIGNED', null, null, a.desk, null, t.assignedAt); }
  if (t.cancelledAt !== null) {
    sink(id, 'CANCELLED', t.ackAt === null ? 'SUBMITTED' : 'ACKNOWLEDGED', 'CANCELLED', a.canceller!, notes.cancel, t.cancelledAt);
    return n + 1;
  }
  if (t.startAt !== null) { n++; sink(id, 'STARTED', 'ACKNOWLEDGED', 'IN_PROGRESS', a.assignee, null, t.startAt); }
  if (t.resolveAt !== null) { n++; sink(id, 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', a.assignee, null, t.resolveAt); }
  if (t.reopenedAt !== null) { n++; sink(id, 'REOPENED', 'RESOLVED', 'REOPENED', a.resident!, notes.reopen, t.reopenedAt); }
  if (t.restartAt !== null) { n++; sink(id, 'STARTED', 'REOPENED', 'IN_PROGRESS', a.assignee, null, t.restartAt); }
  if (t.reresolveAt !== null) { n++; sink(id, 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', a.assignee, null, t.reresolveAt); }
  if (t.ratedAt !== null) {
    // Rating is what closes a ticket: both happen in the one request, at the same moment.
    sink(id, 'RATED', null, null, a.resident!, notes.rating, t.ratedAt);
    sink(id, 'CLOSED', 'RESOLVED', 'CLOSED', a.resident!, null, t.ratedAt);
    n += 2;
  }
  return n;
}
