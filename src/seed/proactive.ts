import type { Knex } from '@mikro-orm/postgresql';
import { withBulkChecks } from './bulk';
import type { PhoneIssuer } from './names';
import type { Rng } from './random';
import { seedCare } from './care';
import { seedDrills, seedPatrols } from './patrols';
import { seedLiaison } from './liaison';
import { REFERENCE_CODE, type Estate } from './records';

/*
 * The proactive side of the demo estates, written inside the demo load's
 * transaction after the ticket history: care plans with a year (2025) of
 * visits, patrol routes with the last four weeks of runs, two years of
 * drills, residents' organisations, the reception team and a year of
 * liaison meetings and reception days. Each part draws from its own stream
 * (`root.derive(...)`), so nothing before it changes.
 */

type Row = Record<string, any>;

/** What this part of the demo added. */
export interface ProactiveSummary {
  carePlans: number; careVisits: number; careEvents: number; patrolRoutes: number; patrolRuns: number; drills: number;
  organisations: number; liaisonMeetings: number;
}

/** The estates just loaded, in id order, with what the records are drawn from. */
async function loadEstates(trx: Knex.Transaction, communityIds: readonly number[]): Promise<Estate[]> {
  const q = async (sql: string) => ((await trx.raw(sql, [communityIds as number[]])) as { rows: Row[] }).rows;
  const scope = 'where community_id = any(?) order by id';
  const by = (rows: Row[]) => {
    const out = new Map<number, Row[]>();
    for (const r of rows) out.set(r.community_id, [...(out.get(r.community_id) ?? []), r]);
    return out;
  };
  const homes = by(await q(`select h.id, h.community_id, b.grid_id, h.care_needs from household h join building b on b.id = h.building_id
    where h.community_id = any(?) and cardinality(h.care_needs) > 0 order by h.id`));
  const buildings = by(await q(`select id, community_id, grid_id, code from building ${scope}`));
  const grids = by(await q(`select id, community_id, steward_id from grid ${scope}`));
  const staff = by(await q(`select id, community_id, grid_id, role, name, phone from staff ${scope}`));
  const spaces = by(await q(`select id, community_id, name from public_space ${scope}`));
  return (await q('select id, code from community where id = any(?) order by id')).map((c): Estate => ({
    id: c.id, code: c.code, reference: c.code === REFERENCE_CODE,
    careHomes: (homes.get(c.id) ?? []).map((h) => ({ id: h.id, grid: h.grid_id, needs: h.care_needs })),
    buildings: (buildings.get(c.id) ?? []).map((b) => ({ id: b.id, grid: b.grid_id, code: b.code })),
    stewards: new Map((grids.get(c.id) ?? []).map((g) => [g.id as number, g.steward_id as number | null])),
    staff: (staff.get(c.id) ?? []).map((s) => ({ id: s.id, grid: s.grid_id, role: s.role, name: s.name, phone: s.phone })),
    spaces: (spaces.get(c.id) ?? []).map((s) => ({ id: s.id, name: s.name })),
  }));
}

/**
 * Writes the proactive records of the given estates. Must run inside the demo
 * load's transaction, after the ticket history (liaison meetings link some of
 * its tickets).
 */
export async function seedProactive(trx: Knex.Transaction, root: Rng, communityIds: readonly number[], phones: PhoneIssuer): Promise<ProactiveSummary> {
  const estates = await loadEstates(trx, communityIds);
  const tables = ['care_plan', 'care_visit', 'care_event', 'patrol_route', 'patrol_checkpoint', 'patrol_run', 'patrol_pass', 'drill',
    'resident_organisation', 'organisation_contact', 'reception_member', 'liaison_meeting', 'liaison_meeting_ticket'];
  return withBulkChecks(trx, tables, async () => {
    const care = await seedCare(trx, root.derive('care'), estates);
    const patrols = await seedPatrols(trx, root.derive('patrols'), estates);
    const drills = await seedDrills(trx, root.derive('drills'), estates);
    const liaison = await seedLiaison(trx, root.derive('liaison'), estates, phones);
    return { ...care, ...patrols, drills, ...liaison };
  });
}
