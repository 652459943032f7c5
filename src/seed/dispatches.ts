import type { Knex } from '@mikro-orm/postgresql';
import type { DispatchStatus, IncidentType, StaffRole, TicketCategory } from '../entities';
import { toGlobalId } from '../ids';
import { BulkWriter, type ColumnSpec } from './bulk';
import type { Rng } from './random';
import type { EstateData, PlannedTicket } from './ticketPlan';

/*
 * The dispatches of the demo history's emergencies: every EMERGENCY ticket was
 * dispatched when it was raised, acknowledged when the ticket was, on scene
 * when work started and cleared when it was first resolved. The ticket
 * history is what makes the record: from 2025 every emergency is on scene
 * within the estate's target (see ticketTimeline.ts). Units follow the same
 * rules as live dispatch: the jobs the incident needs (incident_response),
 * the building's grid squad first, then the estate, the manager when nobody
 * does that job. The history predates escalation timers, so it has none.
 */

const DISPATCH_COLUMNS: ColumnSpec = [
  ['id', 'int'], ['community_id', 'int'], ['ticket_id', 'int'], ['building_id', 'int'], ['public_space_id', 'int'], ['grid_id', 'int'],
  ['household_id', 'int'], ['incident_type', 'text'], ['status', 'text'], ['version', 'int'], ['dispatched_at', 'epoch'],
  ['target_on_scene_at', 'epoch'], ['acknowledged_at', 'epoch'], ['on_scene_at', 'epoch'], ['response_seconds', 'int'],
  ['cleared_at', 'epoch'], ['manager_fallback', 'boolean'],
];
const UNIT_COLUMNS: ColumnSpec = [
  ['dispatch_id', 'int'], ['community_id', 'int'], ['staff_id', 'int'], ['role', 'text'], ['reason', 'text'], ['position', 'smallint'],
  ['dispatched_at', 'epoch'], ['acknowledged_at', 'epoch'],
];
const EVENT_COLUMNS: ColumnSpec = [
  ['dispatch_id', 'int'], ['community_id', 'int'], ['type', 'text'], ['from_status', 'text'], ['to_status', 'text'], ['staff_id', 'int'],
  ['actor_role', 'text'], ['actor_subject', 'text'], ['at', 'epoch'],
];

/** What kind of emergency an emergency ticket of each category was. */
const INCIDENT: Partial<Record<TicketCategory, IncidentType>> = {
  PLUMBING: 'WATER_LEAK', ELECTRICAL: 'POWER_OUTAGE', ELEVATOR: 'ELEVATOR_ENTRAPMENT', SECURITY: 'SECURITY', FIRE_SAFETY: 'FIRE', CARE: 'MEDICAL',
};

/** What the dispatch history added. */
export interface DispatchSeedSummary { dispatches: number; dispatchEvents: number }

/**
 * Writes a dispatch, its units and its events for every emergency in
 * `tickets` (with their row ids), inside the demo load's transaction.
 */
export async function seedDispatches(
  trx: Knex.Transaction, rng: Rng, estates: readonly EstateData[], tickets: readonly { id: number; t: PlannedTicket }[],
): Promise<DispatchSeedSummary> {
  const rows = async (sql: string, bindings: Knex.RawBinding[] = []) => ((await trx.raw(sql, bindings)) as { rows: Record<string, any>[] }).rows;
  const jobs = new Map<IncidentType, StaffRole[]>();
  for (const r of await rows('select incident_type, role from incident_response order by incident_type, position')) {
    jobs.set(r.incident_type, [...(jobs.get(r.incident_type) ?? []), r.role]);
  }
  const targets = new Map((await rows('select id, emergency_target_minutes from community')).map((c) => [c.id as number, c.emergency_target_minutes * 60]));
  const byId = new Map(estates.map((e) => [e.id, e]));
  const emergencies = tickets.filter(({ t }) => t.priority === 'EMERGENCY' && t.timeline.status !== 'CANCELLED');
  const ids = (await rows(`select nextval(pg_get_serial_sequence('dispatch', 'id'))::int as id from generate_series(1, ?)`, [emergencies.length]))
    .map((r) => r.id as number).sort((a, b) => a - b);

  const dispatches = new BulkWriter(trx, 'dispatch', DISPATCH_COLUMNS);
  const units = new BulkWriter(trx, 'dispatch_unit', UNIT_COLUMNS);
  const events = new BulkWriter(trx, 'dispatch_event', EVENT_COLUMNS);
  emergencies.forEach(({ id: ticketId, t }, i) => {
    const id = ids[i]!;
    const estate = byId.get(t.communityId)!;
    const incident = t.category === 'FIRE_SAFETY' && rng.chance(0.2) ? 'GAS_LEAK' : INCIDENT[t.category] ?? 'SECURITY';
    const squad = estate.grids.find((g) => g.id === t.gridId)?.squad;
    const sent: { staffId: number; role: StaffRole; reason: string }[] = [];
    for (const role of jobs.get(incident) ?? []) {
      const inSquad = squad?.get(role) ?? [];
      const pool = inSquad.length ? inSquad : estate.estateStaff.get(role) ?? estate.grids.flatMap((g) => g.squad.get(role) ?? []);
      const staffId = pool.length ? rng.pick(pool) : null;
      if (staffId !== null && !sent.some((u) => u.staffId === staffId)) sent.push({ staffId, role, reason: inSquad.length ? 'SQUAD' : 'ESTATE' });
    }
    const managerFallback = sent.length === 0;
    if (managerFallback) sent.push({ staffId: estate.estateStaff.get('MANAGER')![0]!, role: 'MANAGER', reason: 'MANAGER' });

    const { ackAt, startAt } = t.timeline;
    const clearedAt = t.timeline.resolveAt;
    const target = t.created + targets.get(t.communityId)!;
    const status: DispatchStatus = clearedAt !== null ? 'CLEARED' : startAt !== null ? 'ON_SCENE' : ackAt !== null ? 'ACKNOWLEDGED' : 'DISPATCHED';
    const desk = t.actors.submitter;
    const first = sent[0]!;
    const timeline: [string, string | null, string | null, number | null, string, string, number][] = [
      ['DISPATCHED', null, 'DISPATCHED', null, desk.role, desk.staffId !== null ? toGlobalId('Staff', desk.staffId) : 'seed', t.created],
    ];
    if (ackAt !== null) timeline.push(['ACKNOWLEDGED', 'DISPATCHED', 'ACKNOWLEDGED', first.staffId, 'STAFF', toGlobalId('Staff', first.staffId), ackAt]);
    if ((startAt ?? Infinity) > target && target < (clearedAt ?? Infinity)) timeline.push(['TARGET_MISSED', null, null, null, 'SYSTEM', 'dispatch-timers', target]);
    if (startAt !== null) timeline.push(['ON_SCENE', 'ACKNOWLEDGED', 'ON_SCENE', first.staffId, 'STAFF', toGlobalId('Staff', first.staffId), startAt]);
    if (clearedAt !== null) timeline.push(['CLEARED', 'ON_SCENE', 'CLEARED', first.staffId, 'STAFF', toGlobalId('Staff', first.staffId), clearedAt]);
    timeline.sort((a, b) => a[6] - b[6]);

    dispatches.push(
      id, t.communityId, ticketId, t.spaceId === null ? t.buildingId : null, t.spaceId, t.gridId, t.householdId, incident, status,
      timeline.length, t.created, target, ackAt, startAt, startAt === null ? null : startAt - t.created, clearedAt, managerFallback ? 'true' : 'false',
    );
    sent.forEach((u, k) => units.push(id, t.communityId, u.staffId, u.role, u.reason, k + 1, t.created, k === 0 ? ackAt : null));
    for (const [type, from, to, staffId, role, subject, at] of timeline) events.push(id, t.communityId, type, from, to, staffId, role, subject, at);
  });
  for (const writer of [dispatches, units, events]) await writer.finish();
  return { dispatches: dispatches.rows, dispatchEvents: events.rows };
}
