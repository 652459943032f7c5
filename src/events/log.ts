import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ticket, TicketEvent } from '../entities';

/** The channel every instance LISTENs on. Notifications carry the newest log id, never a payload. */
export const EVENTS_CHANNEL = 'gridkeeper_events';

/**
 * Serialises appends to the log. Sequence values can be handed out in one
 * order and committed in another, so a reader that sees id 11 might not yet
 * see id 10 and would skip it for good. Taking this transaction-scoped lock
 * before allocating the id, as the last step before commit, makes allocation
 * order equal commit order: whoever holds the lock allocates the next id and
 * commits (PostgreSQL makes the commit visible before it releases the lock)
 * before the next writer can allocate. So when a reader sees id N, every id
 * below N is committed or was rolled back and will never appear: readers can
 * page by `id > last` with no gap and no duplicate. The price is that log
 * appends (not the rest of the transactions) run one at a time, for the few
 * microseconds between the append and the commit.
 */
export const LOG_LOCK_KEY = 0x67_6b_6c_67; // "gklg"

/** One row of the log as read back. */
export interface LogRow {
  id: number;
  kind: 'TICKET' | 'DISPATCH';
  community_id: number;
  ticket_event_id: number | null;
  ticket_id: number | null;
  building_id: number | null;
  grid_id: number | null;
  household_id: number | null;
  reporter_resident_id: number | null;
  priority: string | null;
  at: Date;
}

/**
 * Appends the given ticket events (already flushed) to the log and notifies
 * listeners, inside the caller's transaction. Call it as the last statement
 * before commit: the log lock is held until then. Returns the newest log id
 * appended (a client's cursor to follow from), null when there was nothing.
 */
export async function appendTicketEvents(em: EntityManager, ticket: Ticket, events: readonly TicketEvent[]): Promise<number | null> {
  if (events.length === 0) return null;
  await em.execute('select pg_advisory_xact_lock(?)', [LOG_LOCK_KEY]);
  const values = events.map(() => `('TICKET', ?, ?, ?, ?, ?, ?, ?, ?, ?)`).join(', ');
  const bindings = events.flatMap((e) => [
    ticket.community.id, e.id, ticket.id, ticket.building?.id ?? null, ticket.grid?.id ?? null,
    ticket.household?.id ?? null, ticket.reporterResident?.id ?? null, ticket.priority, e.at.toISOString(),
  ]);
  const rows: { id: string | number }[] = await em.execute(
    `insert into event_log (kind, community_id, ticket_event_id, ticket_id, building_id, grid_id, household_id, reporter_resident_id, priority, at)
     values ${values} returning id`,
    bindings,
  );
  const newest = Math.max(...rows.map((r) => Number(r.id)));
  await em.execute('select pg_notify(?, ?)', [EVENTS_CHANNEL, String(newest)]);
  return newest;
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
