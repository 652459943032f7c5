import { createEstate, uniqueCode, type Estate } from './factories';
import type { TestServer } from './server';
import { sql } from './tickets';

/**
 * A small estate whose ticket history is written row by row at chosen local
 * times (UTC+8), so every satisfaction figure can be worked out by hand:
 * grid G01 (buildings B01, B02, 6 households) and grid G02 (building B03,
 * 2 households), tickets of January to April 2024 listed in FIXTURE below.
 */

/** A local (UTC+8) wall-clock time as an ISO instant. */
export function local(text: string): string {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`).toISOString();
}

const DUE = { EMERGENCY: 900, HIGH: 3600, NORMAL: 4 * 3600, LOW: 24 * 3600 } as const;

export interface PlannedTicket {
  name: string;
  /** 'G01', 'G02', or 'space' for a public space (no grid). */
  where: 'G01' | 'G02' | 'space';
  category: string;
  priority: keyof typeof DUE;
  created: string;
  /** Seconds from raising to acknowledgement. */
  ack?: number;
  resolved?: string;
  rated?: string;
  score?: number;
  cancelled?: string;
  /** Emergencies: seconds from dispatch (when raised) to on scene; absent: nobody on scene yet. */
  onScene?: number;
}

/**
 * The fixture, with what each ticket contributes (M = month of raising):
 * responses are `ack` seconds; emergencies are due 900 s after raising.
 */
export const FIXTURE: PlannedTicket[] = [
  { name: 'T1', where: 'G01', category: 'PLUMBING', priority: 'NORMAL', created: '2024-01-05 10:00', ack: 600, resolved: '2024-01-06 10:00', rated: '2024-01-07 10:00', score: 5 },
  { name: 'T2', where: 'G01', category: 'COMPLAINT', priority: 'NORMAL', created: '2024-01-10 10:00', ack: 1200, resolved: '2024-01-12 10:00', rated: '2024-02-02 10:00', score: 2 },
  { name: 'T3', where: 'G02', category: 'COMPLAINT', priority: 'LOW', created: '2024-01-20 10:00', ack: 3000 },
  { name: 'T4', where: 'G01', category: 'FIRE_SAFETY', priority: 'EMERGENCY', created: '2024-01-25 10:00', ack: 300, resolved: '2024-01-25 12:00', onScene: 600 },
  // 2024-01-31T23:00Z: still January in UTC, already February in the estate.
  { name: 'T5', where: 'G02', category: 'COMPLAINT', priority: 'NORMAL', created: '2024-02-01 07:00', ack: 60 },
  // On scene after 25 minutes: the 15-minute target missed.
  { name: 'T6', where: 'G02', category: 'SECURITY', priority: 'EMERGENCY', created: '2024-02-10 10:00', ack: 1500, resolved: '2024-02-10 13:00', rated: '2024-02-11 10:00', score: 3, onScene: 1500 },
  { name: 'T7', where: 'space', category: 'COMPLAINT', priority: 'NORMAL', created: '2024-02-15 10:00' },
  // Withdrawn five minutes in: nobody was dispatched, so it counts for no emergency figure.
  { name: 'T8', where: 'G01', category: 'SECURITY', priority: 'EMERGENCY', created: '2024-02-20 10:00', cancelled: '2024-02-20 10:05' },
  // Dispatched, never on scene, long past its target: missed.
  { name: 'T9', where: 'G01', category: 'FIRE_SAFETY', priority: 'EMERGENCY', created: '2024-03-05 10:00' },
  { name: 'T10', where: 'G01', category: 'PLUMBING', priority: 'NORMAL', created: '2024-03-10 10:00', ack: 100, resolved: '2024-03-11 10:00', rated: '2024-04-02 10:00', score: 4 },
];

export interface Fixture {
  estate: Estate;
  /** Grid row ids by code. */
  grids: { G01: number; G02: number };
}

/** The fixture estate: a second grid with one building of two households, and FIXTURE's tickets. */
export async function satisfactionFixture(t: TestServer, code = uniqueCode()): Promise<Fixture> {
  const estate = await createEstate(t.orm, { code, buildings: 2, householdsPerBuilding: 3, residentsPerHousehold: 1 });
  const id = estate.community.id;
  const [g2] = await sql(t, `insert into grid (community_id, code, name, grid_worker_name, grid_worker_phone)
    values (?, 'G02', 'Grid 2', '李强', '13800000002') returning id`, [id]);
  const [b3] = await sql(t, `insert into building (community_id, grid_id, code, floors) values (?, ?, 'B03', 12) returning id`, [id, g2.id]);
  await sql(t, `insert into household (community_id, building_id, unit, floor) values (?, ?, '0101', 1), (?, ?, '0102', 1)`, [id, b3.id, id, b3.id]);
  const grids = { G01: estate.grids[0].id, G02: g2.id as number };
  const buildings = { G01: estate.buildings[0].id, G02: b3.id as number };
  let seq = 0;
  for (const k of FIXTURE) {
    seq++;
    const created = local(k.created);
    const at = (offset: number | undefined) => (offset === undefined ? null : new Date(Date.parse(created) + offset * 1000).toISOString());
    const when = (text: string | undefined) => (text ? local(text) : null);
    const status = k.cancelled ? 'CANCELLED' : k.rated ? 'CLOSED' : k.resolved ? 'RESOLVED' : k.ack !== undefined ? 'ACKNOWLEDGED' : 'SUBMITTED';
    const [ticket] = await sql(t, `insert into ticket (community_id, number, year, seq, channel, category, priority, status, title,
        building_id, public_space_id, grid_id, created_at, acknowledged_at, resolved_at, closed_at, rated_at, rating_score, cancelled_at,
        response_due_at, resolve_due_at)
      values (?, ?, 2024, ?, 'HOTLINE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`, [
      id, `${code}-2024-${String(seq).padStart(6, '0')}`, seq, k.category, k.priority, status, `Fixture ${k.name}`,
      k.where === 'space' ? null : buildings[k.where], k.where === 'space' ? estate.spaces[0].id : null, k.where === 'space' ? null : grids[k.where],
      created, at(k.ack), when(k.resolved), when(k.rated), when(k.rated), k.score ?? null, when(k.cancelled),
      at(DUE[k.priority]), at(DUE[k.priority] * 10),
    ]);
    // Every emergency that was not withdrawn was dispatched when it was raised, with the estate's 15-minute target.
    if (k.priority === 'EMERGENCY' && !k.cancelled) {
      await sql(t, `insert into dispatch (community_id, ticket_id, building_id, grid_id, incident_type, status, dispatched_at, target_on_scene_at,
          on_scene_at, response_seconds) values (?, ?, ?, ?, 'FIRE', ?, ?, ?, ?, ?)`, [
        id, ticket.id, buildings[k.where as 'G01' | 'G02'], grids[k.where as 'G01' | 'G02'], k.onScene === undefined ? 'DISPATCHED' : 'ON_SCENE',
        created, at(900), at(k.onScene), k.onScene ?? null,
      ]);
    }
  }
  return { estate, grids };
}
