import type { TicketEventFilter } from '../generated/graphql';
import type { Context } from '../context';
import { badInput, unauthenticated } from '../errors';
import { expectGlobalId } from '../ids';
import { decodeCursor } from '../events/log';
import { CLOSE, LiveSubscription, type Delivery } from '../events/subscriptions';
import { ownsTicket, ticketOwner } from './access';
import { filterEstates, ownedBy } from './ticket-queries';
import { allOf, intArray, textArray } from './paging';

/** Events a subscriber may hold undelivered before it is closed as too slow. */
export const MAX_QUEUE = 1000;

type Column = 'community_id' | 'grid_id' | 'building_id' | 'ticket_id' | 'household_id' | 'reporter_resident_id' | 'priority';

/** One rule of a stream filter: the row's column must hold one of the values. */
interface Rule {
  column: Column;
  values: readonly (number | string)[];
}

/**
 * The ticket event stream of one subscriber: its filter narrowed to what the
 * token may see (its estates; a RESIDENT only their household's and their own
 * tickets), checked on every event, replayed from `after` then live.
 */
export async function ticketEventStream(ctx: Context, filter: TicketEventFilter | null | undefined, after: string | null | undefined): Promise<AsyncIterable<Delivery>> {
  const { viewer } = ctx;
  if (!viewer.role) throw unauthenticated('Sign in to follow ticket events');
  if (!ctx.events) throw new Error('the event bus is not running');
  const f = filter ?? {};
  const rules: Rule[] = [];
  const estates = await filterEstates(ctx, f.communityCodes, 'filter.communityCodes');
  if (estates !== 'ALL') rules.push({ column: 'community_id', values: estates });
  if (f.gridId != null) rules.push({ column: 'grid_id', values: [expectGlobalId(f.gridId, 'Grid', 'filter.gridId')] });
  if (f.buildingId != null) rules.push({ column: 'building_id', values: [expectGlobalId(f.buildingId, 'Building', 'filter.buildingId')] });
  if (f.ticketId != null) rules.push({ column: 'ticket_id', values: [expectGlobalId(f.ticketId, 'Ticket', 'filter.ticketId')] });
  if (f.priorities?.length) rules.push({ column: 'priority', values: f.priorities });
  const afterId = after == null ? null : decodeCursor(after);
  if (after != null && afterId === null) throw badInput('after is not a cursor from this stream', 'after');

  const owner = await ticketOwner(ctx);
  const expiresAt = viewer.expiresAt === undefined ? Infinity : viewer.expiresAt * 1000;
  const connection = ctx.connection;

  return new LiveSubscription({
    bus: ctx.events,
    root: ctx.em,
    after: afterId,
    // The same rules twice: as SQL for replay, as a predicate for live rows.
    where: allOf([
      { sql: `l.kind = 'TICKET'`, bindings: [] },
      ...rules.map((r) => r.column === 'priority'
        ? { sql: `l.priority = any(?::text[])`, bindings: [textArray(r.values as string[])] }
        : { sql: `l.${r.column} = any(?::int[])`, bindings: [intArray(r.values as number[])] }),
      owner && ownedBy(owner, 'l'),
    ]),
    match: (row) => {
      if (Date.now() >= expiresAt) {
        connection?.close(CLOSE.TOKEN_EXPIRED.code, CLOSE.TOKEN_EXPIRED.reason);
        return false;
      }
      return row.kind === 'TICKET' && rules.every((r) => r.values.includes(row[r.column] as never))
        && (!owner || ownsTicket(owner, row.household_id, row.reporter_resident_id));
    },
    maxQueue: MAX_QUEUE,
    onOverflow: () => connection?.close(CLOSE.TOO_SLOW.code, CLOSE.TOO_SLOW.reason),
  });
}
