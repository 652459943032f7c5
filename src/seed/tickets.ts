import type { Knex } from '@mikro-orm/postgresql';
import { TICKET_PRIORITIES, type StaffRole, type TicketPriority } from '../entities';
import { toGlobalId } from '../ids';
import { BulkWriter, withBulkChecks, type ColumnSpec } from './bulk';
import type { Rng } from './random';
import { assignRatings, planEstateTickets, type EstateData, type PlannedTicket, type SlaTargets } from './ticketPlan';
import { replay, type Actor, type EventSink } from './ticketTimeline';
import { seedDispatches, type DispatchSeedSummary } from './dispatches';

/*
 * Two years (2024–2025) of ticket history for the demo estates, written inside
 * the demo load's transaction. The reference estate follows its published
 * record; the others share its operating model with their own numbers.
 */

/** What the ticket history added. */
export interface TicketSeedSummary { tickets: number; ticketEvents: number; dispatches: number; dispatchEvents: number }

/** The reference estate's yearly satisfaction: 78.80% in 2024, 84.37% in 2025 (scores out of 5). */
const REFERENCE = { code: 'LH', ratings: { 2024: 3.94, 2025: 84.37 / 20 } };
/** Rows per statement: a few MB of parameters each, small enough to be on the wire before the next is built. */
const TICKET_BATCH = 10_000;
const EVENT_BATCH = 25_000;

const TICKET_COLUMNS: ColumnSpec = [
  ['id', 'int'], ['community_id', 'int'], ['number', 'text'], ['year', 'smallint'], ['seq', 'int'], ['channel', 'text'], ['category', 'text'],
  ['priority', 'text'], ['status', 'text'], ['title', 'text'], ['description', 'text'], ['building_id', 'int'],
  ['household_id', 'int'], ['public_space_id', 'int'], ['grid_id', 'int'], ['reporter_resident_id', 'int'],
  ['reporter_staff_id', 'int'], ['assignee_id', 'int'], ['version', 'int'], ['created_at', 'epoch'],
  ['acknowledged_at', 'epoch'], ['assigned_at', 'epoch'], ['started_at', 'epoch'], ['resolved_at', 'epoch'],
  ['closed_at', 'epoch'], ['cancelled_at', 'epoch'], ['reopened_at', 'epoch'], ['response_due_at', 'epoch'],
  ['resolve_due_at', 'epoch'], ['rating_score', 'smallint'], ['rating_comment', 'text'], ['rated_at', 'epoch'],
];
const EVENT_COLUMNS: ColumnSpec = [
  ['ticket_id', 'int'], ['community_id', 'int'], ['type', 'text'], ['from_status', 'text'], ['to_status', 'text'], ['actor_role', 'text'],
  ['actor_subject', 'text'], ['actor_staff_id', 'int'], ['actor_resident_id', 'int'], ['note', 'text'], ['at', 'epoch'],
];

type Row = Record<string, any>;

/** Groups rows by a key, keeping their order. */
function groupBy(rows: Row[], key: string): Map<number, Row[]> {
  const out = new Map<number, Row[]>();
  for (const row of rows) {
    const list = out.get(row[key]);
    if (list) list.push(row);
    else out.set(row[key], [row]);
  }
  return out;
}

/** Reads back the estates just loaded, in id order, shaped for drawing tickets. */
async function loadEstates(trx: Knex.Transaction, communityIds: readonly number[]): Promise<EstateData[]> {
  const q = async (sql: string) => ((await trx.raw(sql, [communityIds as number[]])) as { rows: Row[] }).rows;
  const scope = 'where community_id = any(?) order by id';
  const communities = await q('select id, code from community where id = any(?) order by id');
  const grids = groupBy(await q(`select id, community_id from grid ${scope}`), 'community_id');
  const staff = groupBy(await q(`select id, community_id, grid_id, role from staff ${scope}`), 'community_id');
  const buildings = groupBy(await q(`select id, community_id, grid_id, code, floors from building ${scope}`), 'community_id');
  const households = groupBy(
    await q(`select id, community_id, building_id, unit, floor, cardinality(care_needs) > 0 as care from household ${scope}`), 'community_id');
  const residents = groupBy(await q(`select id, community_id, household_id from resident ${scope}`), 'community_id');
  const spaces = groupBy(await q(`select id, community_id, name from public_space ${scope}`), 'community_id');

  return communities.map(({ id, code }): EstateData => {
    const index = (rows: Row[]) => new Map(rows.map((r, i) => [r.id as number, i]));
    const gridRows = grids.get(id) ?? [];
    const gridIndex = index(gridRows);
    const estate: EstateData = {
      id, code,
      grids: gridRows.map((g) => ({ id: g.id, squad: new Map() })),
      estateStaff: new Map(),
      buildings: (buildings.get(id) ?? []).map((b) => ({ id: b.id, grid: gridIndex.get(b.grid_id)!, code: b.code, floors: b.floors })),
      households: [], residents: [],
      spaces: (spaces.get(id) ?? []).map((s) => ({ id: s.id, name: s.name })),
    };
    for (const s of staff.get(id) ?? []) {
      const roles = s.grid_id === null ? estate.estateStaff : estate.grids[gridIndex.get(s.grid_id)!]!.squad;
      const list = roles.get(s.role as StaffRole);
      if (list) list.push(s.id);
      else roles.set(s.role as StaffRole, [s.id]);
    }
    const buildingIndex = index(buildings.get(id) ?? []);
    const homeRows = households.get(id) ?? [];
    const homeIndex = index(homeRows);
    estate.households = homeRows.map((h) => ({
      id: h.id, building: buildingIndex.get(h.building_id)!, unit: h.unit, floor: h.floor, care: h.care, residents: [],
    }));
    for (const r of residents.get(id) ?? []) {
      const household = homeIndex.get(r.household_id)!;
      estate.households[household]!.residents.push(r.id);
      estate.residents.push({ id: r.id, household });
    }
    return estate;
  });
}

/** Per estate: sorted by submission time and numbered from 1 in each (UTC) year, as the counter would have. */
function number(code: string, tickets: PlannedTicket[]): void {
  tickets.sort((a, b) => a.created - b.created);
  let year = 0;
  let seq = 0;
  for (const t of tickets) {
    if (t.year !== year) { year = t.year; seq = 0; }
    t.seq = ++seq;
    t.number = `${code}-${year}-${String(seq).padStart(6, '0')}`;
  }
}

/**
 * Writes the ticket history of the given estates: tickets, their events and the
 * numbering counters. Must run inside the demo load's transaction, after the
 * estates' people and places exist.
 * @param root the demo's seeded generator; each estate draws from its own derived stream.
 */
export async function seedTickets(trx: Knex.Transaction, root: Rng, communityIds: readonly number[]): Promise<TicketSeedSummary> {
  // The targets are data: whatever the sla_policy table says is what the history was measured against.
  const rows = async (sql: string, bindings: Knex.RawBinding[]) => ((await trx.raw(sql, bindings)) as { rows: Row[] }).rows;
  const policy = await rows('select priority, response_minutes, resolve_minutes from sla_policy', []);
  const sla = Object.fromEntries(policy.map((p) => [p.priority, {
    responseSeconds: p.response_minutes * 60, resolveSeconds: p.resolve_minutes * 60,
  }])) as Record<TicketPriority, SlaTargets>;
  for (const p of TICKET_PRIORITIES) if (!sla[p]) throw new Error(`seedTickets: sla_policy has no row for ${p}`);

  const estates = await loadEstates(trx, communityIds);
  const codeOrder = new Map(estates.map((e, i) => [e.id, i]));
  const all: PlannedTicket[] = [];
  for (const estate of estates) {
    const rng = root.derive(`tickets:${estate.code}`);
    const reference = estate.code === REFERENCE.code;
    // Other estates: similar volume per household, part of the complaint drop, their own satisfaction.
    const volume = reference ? 1 : 0.92 + 0.16 * rng.next();
    const reform = reference ? 1 : 0.35 + 0.5 * rng.next();
    const before = 3.75 + 0.3 * rng.next();
    const ratings = reference ? REFERENCE.ratings : { 2024: before, 2025: Math.min(4.45, before + 0.12 + 0.2 * rng.next()) };
    const tickets = planEstateTickets(estate, rng, sla, { volume, reform });
    assignRatings(tickets, rng, ratings);
    number(estate.code, tickets);
    for (const t of tickets) all.push(t);
  }
  // Ids follow submission time across estates, as they would have in a running system.
  all.sort((a, b) => a.created - b.created || codeOrder.get(a.communityId)! - codeOrder.get(b.communityId)! || a.seq - b.seq);

  // Ids come from the table's own sequence up front, so every batch can be built before the last one is in.
  const ids = (await rows(`select nextval(pg_get_serial_sequence('ticket', 'id'))::int as id from generate_series(1, ?)`, [all.length]))
    .map((r) => r.id as number).sort((a, b) => a - b);

  const subjects = new Map<number, string>();
  const subject = (a: Actor) => {
    // Residents and staff share no key space here: staff ids are stored negated.
    const key = a.staffId !== null ? -a.staffId : a.residentId!;
    let s = subjects.get(key);
    if (s === undefined) {
      s = a.staffId !== null ? toGlobalId('Staff', a.staffId) : toGlobalId('Resident', a.residentId!);
      subjects.set(key, s);
    }
    return s;
  };
  const ticketWriter = new BulkWriter(trx, 'ticket', TICKET_COLUMNS);
  const eventWriter = new BulkWriter(trx, 'ticket_event', EVENT_COLUMNS);
  const countOnly: EventSink = () => {};
  // The seed loads with triggers off (see withBulkChecks), so it writes the event's estate itself.
  let eventCommunity = 0;
  const toEvents: EventSink = (id, type, from, to, actor, note, at) =>
    eventWriter.push(id, eventCommunity, type, from, to, actor.role, subject(actor), actor.staffId, actor.residentId, note, at);

  let dispatchSummary: DispatchSeedSummary = { dispatches: 0, dispatchEvents: 0 };
  await withBulkChecks(trx, ['ticket', 'ticket_event', 'dispatch', 'dispatch_unit', 'dispatch_event'], async () => {
    for (let i = 0; i < all.length; i++) {
      const t = all[i]!;
      const l = t.timeline;
      ticketWriter.push(
        ids[i]!, t.communityId, t.number, t.year, t.seq, t.channel, t.category, t.priority, l.status, t.title, t.description,
        t.buildingId, t.householdId, t.spaceId, t.gridId, t.reporterResidentId, t.reporterStaffId, t.assigneeId,
        replay(0, l, t.actors, t.notes, t.created, countOnly), // version: 1 + every change after submission
        t.created, l.ackAt, l.assignedAt, l.restartAt ?? l.startAt, l.reresolveAt ?? l.resolveAt, l.ratedAt, l.cancelledAt, l.reopenedAt,
        t.created + t.sla.responseSeconds, t.created + t.sla.resolveSeconds, t.score, t.notes.rating, l.ratedAt,
      );
      if (ticketWriter.pending >= TICKET_BATCH) await ticketWriter.send();
    }
    await ticketWriter.finish();
    // Events go in ticket by ticket, so their ids rise with time within each ticket.
    for (let i = 0; i < all.length; i++) {
      const t = all[i]!;
      eventCommunity = t.communityId;
      replay(ids[i]!, t.timeline, t.actors, t.notes, t.created, toEvents);
      if (eventWriter.pending >= EVENT_BATCH) await eventWriter.send();
    }
    await eventWriter.finish();
    // Its own stream of numbers: the tickets above come out the same with or without it.
    dispatchSummary = await seedDispatches(trx, root.derive('dispatches'), estates, all.map((t, i) => ({ id: ids[i]!, t })));
  });

  // New tickets continue each estate's numbering where the history stops.
  await rows(
    `insert into ticket_counter (community_id, year, last_number)
     select community_id, year, max(seq) from ticket where community_id = any(?) group by community_id, year`,
    [communityIds as number[]],
  );
  return { tickets: ticketWriter.rows, ticketEvents: eventWriter.rows, ...dispatchSummary };
}
