import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventKind } from '../entities';
import { intArray } from '../services/paging';

/** The channel every instance LISTENs on. Notifications carry the newest log id, never a payload. */
export const EVENTS_CHANNEL = 'gridkeeper_events';

/**
 * The key of the log lock, taken by the database's `event_log_order` trigger
 * (migrations/Migration20261201155255.ts) before it allocates each id.
 *
 * Why: sequence values can be handed out in one order and committed in
 * another, so a reader that sees id 11 might not yet see id 10 and would skip
 * it for good. Taking this transaction-scoped lock before allocating the id
 * makes allocation order equal commit order: whoever holds the lock allocates
 * the next id and commits (PostgreSQL makes the commit visible before it
 * releases the lock) before the next writer can allocate. So when a reader
 * sees id N, every id below N is committed or was rolled back and will never
 * appear: readers can page by `id > last` with no gap and no duplicate.
 *
 * The lock and the allocation live in the trigger, the one path every insert
 * goes through, so no writer can forget a step; an insert that brings its own
 * id is refused. The price is that appends run one at a time from the first
 * append to the commit: writers append as the last step of their transaction.
 */
export const LOG_LOCK_KEY = 0x67_6b_6c_67; // "gklg"

/** One row of the log as read back. */
export interface LogRow {
  id: number;
  kind: EventKind;
  community_id: number;
  ticket_event_id: number | null;
  dispatch_event_id: number | null;
  booking_change_id: number | null;
  community_event_change_id: number | null;
  care_event_id: number | null;
  ticket_id: number | null;
  dispatch_id: number | null;
  booking_id: number | null;
  community_event_id: number | null;
  public_space_id: number | null;
  building_id: number | null;
  grid_id: number | null;
  household_id: number | null;
  reporter_resident_id: number | null;
  priority: string | null;
  channel: string | null;
  staff_ids: number[] | null;
  at: Date;
}

/** What a writer appends: the kind, the event row it points at, and the columns filters and access rules read. */
export interface LogEntry {
  kind: EventKind;
  communityId: number;
  ticketEventId?: number | null;
  dispatchEventId?: number | null;
  bookingChangeId?: number | null;
  communityEventChangeId?: number | null;
  careEventId?: number | null;
  ticketId?: number | null;
  dispatchId?: number | null;
  bookingId?: number | null;
  communityEventId?: number | null;
  publicSpaceId?: number | null;
  buildingId?: number | null;
  gridId?: number | null;
  householdId?: number | null;
  reporterResidentId?: number | null;
  priority?: string | null;
  /** A ticket's channel: dashboards are not offered care visits' tickets. */
  channel?: string | null;
  staffIds?: readonly number[] | null;
  at: Date;
}

const COLUMNS = [
  'kind', 'community_id', 'ticket_event_id', 'dispatch_event_id', 'booking_change_id', 'community_event_change_id', 'care_event_id',
  'ticket_id', 'dispatch_id', 'booking_id', 'community_event_id', 'public_space_id', 'building_id', 'grid_id',
  'household_id', 'reporter_resident_id', 'priority', 'channel', 'staff_ids', 'at',
] as const;

/**
 * Appends entries (their events already flushed) to the log inside the
 * caller's transaction, in the given order; the database orders and notifies
 * (see LOG_LOCK_KEY). Call it as the last statement before commit: the log
 * lock is held from here until then. Returns the newest id appended, null
 * when there was nothing.
 */
export async function appendEvents(em: EntityManager, entries: readonly LogEntry[]): Promise<number | null> {
  if (entries.length === 0) return null;
  const values = entries.map(() => `(${COLUMNS.map((c) => (c === 'staff_ids' ? '?::int[]' : '?')).join(', ')})`).join(', ');
  const bindings = entries.flatMap((e) => [
    e.kind, e.communityId, e.ticketEventId ?? null, e.dispatchEventId ?? null, e.bookingChangeId ?? null, e.communityEventChangeId ?? null,
    e.careEventId ?? null, e.ticketId ?? null, e.dispatchId ?? null, e.bookingId ?? null, e.communityEventId ?? null, e.publicSpaceId ?? null,
    e.buildingId ?? null, e.gridId ?? null, e.householdId ?? null, e.reporterResidentId ?? null, e.priority ?? null, e.channel ?? null,
    e.staffIds ? intArray(e.staffIds) : null, e.at.toISOString(),
  ]);
  const rows: { id: string | number }[] = await em.execute(
    `insert into event_log (${COLUMNS.join(', ')}) values ${values} returning id`, bindings);
  return Math.max(...rows.map((r) => Number(r.id)));
}

/** The log entries of ticket events: the ticket's columns, copied so filters need no join. */
export function ticketEntries(
  ticket: { id: number; community: { id: number }; building?: { id: number } | null; grid?: { id: number } | null; household?: { id: number } | null; reporterResident?: { id: number } | null; priority: string; channel: string },
  events: readonly { id: number; at: Date }[],
): LogEntry[] {
  return events.map((e) => ({
    kind: 'TICKET', communityId: ticket.community.id, ticketEventId: e.id, ticketId: ticket.id,
    buildingId: ticket.building?.id ?? null, gridId: ticket.grid?.id ?? null, householdId: ticket.household?.id ?? null,
    reporterResidentId: ticket.reporterResident?.id ?? null, priority: ticket.priority, channel: ticket.channel, at: e.at,
  }));
}

/** The newest id in the log (0 when it is empty). */
export async function newestLogId(em: EntityManager): Promise<number> {
  const [row] = await em.execute('select coalesce(max(id), 0) as id from event_log');
  return Number(row.id);
}

/** Clients see cursors as opaque strings. */
export function encodeCursor(id: number): string {
  return Buffer.from(`ev:${id}`).toString('base64url');
}

/** The log id behind a cursor, or null when it is not one of ours (exactly as `encodeCursor` writes it). */
export function decodeCursor(cursor: string): number | null {
  const match = /^ev:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match && encodeCursor(Number(match[1])) === cursor ? Number(match[1]) : null;
}
