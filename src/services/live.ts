import type { TicketEventFilter } from '../generated/graphql';
import type { Context } from '../context';
import { badInput, unauthenticated } from '../errors';
import { expectGlobalId } from '../ids';
import { decodeCursor, type LogRow } from '../events/log';
import { LiveSubscription, type Delivery } from '../events/subscriptions';
import { viewerHouseholdId } from './access';
import { filterEstates } from './ticket-queries';
import { intArray, textArray } from './paging';
import { CLOSE } from '../websocket';

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

  let resident: ((row: LogRow) => boolean) | null = null;
  let residentSql = 'true';
  let residentBindings: unknown[] = [];
  if (viewer.role === 'RESIDENT') {
    const household = (await viewerHouseholdId(ctx)) ?? 0;
    const residentId = viewer.residentId ?? 0;
    resident = (row) => row.household_id === household || row.reporter_resident_id === residentId;
    residentSql = '(l.household_id = ? or l.reporter_resident_id = ?)';
    residentBindings = [household, residentId];
  }
  const expiresAt = viewer.expiresAt === undefined ? Infinity : viewer.expiresAt * 1000;
  const connection = ctx.connection;

  return new LiveSubscription({
    bus: ctx.events,
    root: ctx.em,
    after: afterId,
    where: {
      sql: [`l.kind = 'TICKET'`, ...rules.map((r) => `l.${r.column} = any(?::${r.column === 'priority' ? 'text' : 'int'}[])`), residentSql].join(' and '),
      bindings: [...rules.map((r) => (r.column === 'priority' ? textArray(r.values as string[]) : intArray(r.values as number[]))), ...residentBindings],
    },
    match: (row) => {
      if (Date.now() >= expiresAt) {
        connection?.close(CLOSE.TOKEN_EXPIRED.code, CLOSE.TOKEN_EXPIRED.reason);
        return false;
      }
      return row.kind === 'TICKET' && rules.every((r) => r.values.includes(row[r.column] as never)) && (resident?.(row) ?? true);
    },
    maxQueue: MAX_QUEUE,
    onOverflow: () => connection?.close(CLOSE.TOO_SLOW.code, CLOSE.TOO_SLOW.reason),
  });
}
