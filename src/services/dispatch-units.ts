import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncidentType, StaffRole, UnitReason } from '../entities';
import { intArray } from './paging';

/** A member of staff chosen to go, and why. */
export interface Unit {
  staffId: number;
  role: StaffRole;
  reason: UnitReason;
}

/** Where a dispatch is and what it needs: who goes is decided from these. */
export interface Incident {
  communityId: number;
  gridId: number | null;
  incidentType: IncidentType;
}

/**
 * On-duty staff of the estate who do one of the jobs the incident type needs
 * (incident_response, data), best first: the job's position, then the
 * building's grid squad before the rest of the estate (for a public space,
 * the estate's own crew before the grids' squads), then by id. Everyone
 * in `exclude` (already sent) is left out.
 */
async function candidates(em: EntityManager, incident: Incident, exclude: readonly number[]) {
  // Nearest first: the grid's squad; for a public space (no grid), the estate's own crew.
  const rows: { id: number; role: StaffRole; position: number; squad: boolean }[] = await em.execute(
    `select s.id, s.role, r.position, coalesce(s.grid_id = ?, false) as squad
       from staff s join incident_response r on r.role = s.role and r.incident_type = ?
      where s.community_id = ? and s.on_duty and s.id <> all(?::int[])
      order by r.position, (s.grid_id is not distinct from ?) desc, s.id`,
    [incident.gridId, incident.incidentType, incident.communityId, intArray(exclude), incident.gridId],
  );
  return rows.map((r) => ({ staffId: r.id, role: r.role, position: r.position, reason: (r.squad ? 'SQUAD' : 'ESTATE') as UnitReason }));
}

/** The estate's manager: on duty first, else any (an emergency always reaches someone). */
async function manager(em: EntityManager, communityId: number, exclude: readonly number[]): Promise<Unit | null> {
  const [row]: { id: number }[] = await em.execute(
    `select s.id from staff s where s.community_id = ? and s.role = 'MANAGER' and s.id <> all(?::int[])
      order by s.on_duty desc, s.id limit 1`, [communityId, intArray(exclude)]);
  return row ? { staffId: row.id, role: 'MANAGER', reason: 'MANAGER' } : null;
}

/**
 * Who goes first: for each job the incident needs, the best on-duty
 * candidate. With nobody suitable on duty, the estate's manager, and the
 * dispatch says so (`managerFallback`).
 */
export async function firstUnits(em: EntityManager, incident: Incident): Promise<{ units: Unit[]; managerFallback: boolean }> {
  const picked = new Map<number, Unit>();
  for (const c of await candidates(em, incident, [])) {
    if (![...picked.values()].some((u) => u.staffId === c.staffId) && !picked.has(c.position)) picked.set(c.position, c);
  }
  if (picked.size > 0) return { units: [...picked.values()].map(({ staffId, role, reason }) => ({ staffId, role, reason })), managerFallback: false };
  const fallback = await manager(em, incident.communityId, []);
  return { units: fallback ? [fallback] : [], managerFallback: true };
}

/**
 * Who goes next when nobody acknowledged in time: the next on-duty candidate
 * not yet sent, then the estate's manager; null when even the manager was
 * sent already.
 */
export async function nextUnit(em: EntityManager, incident: Incident, sent: readonly number[]): Promise<Unit | null> {
  const [next] = await candidates(em, incident, sent);
  if (next) return { staffId: next.staffId, role: next.role, reason: 'ESCALATION' };
  return manager(em, incident.communityId, sent);
}
