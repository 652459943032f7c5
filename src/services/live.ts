import type { CommunityLifeFilter, TicketEventFilter } from '../generated/graphql';
import type { Context } from '../context';
import type { EventKind } from '../entities';
import { badInput, forbidden, unauthenticated } from '../errors';
import { expectGlobalId } from '../ids';
import { decodeCursor, type LogRow } from '../events/log';
import { LiveSubscription, type Delivery } from '../events/subscriptions';
import { allRules, rowRule, toPredicate, toSql, type Rule } from '../access/rows';
import { filterEstates } from './ticket-queries';

/** Events a subscriber may hold undelivered before it is closed as too slow. */
export const MAX_QUEUE = 1000;

/**
 * The ticket event stream of one subscriber: its filter and the log's access
 * rule for the viewer (its estates; a RESIDENT only their household's and
 * their own tickets).
 */
export async function ticketEventStream(ctx: Context, filter: TicketEventFilter | null | undefined, after: string | null | undefined): Promise<AsyncIterable<Delivery>> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to follow ticket events');
  const f = filter ?? {};
  const estates = await filterEstates(ctx, f.communityCodes, 'filter.communityCodes');
  const rules: Rule[] = [];
  if (f.gridId != null) rules.push({ column: 'grid_id', in: [expectGlobalId(f.gridId, 'Grid', 'filter.gridId')] });
  if (f.buildingId != null) rules.push({ column: 'building_id', in: [expectGlobalId(f.buildingId, 'Building', 'filter.buildingId')] });
  if (f.ticketId != null) rules.push({ column: 'ticket_id', in: [expectGlobalId(f.ticketId, 'Ticket', 'filter.ticketId')] });
  if (f.priorities?.length) rules.push({ column: 'priority', in: f.priorities });
  return stream(ctx, ['TICKET'], estates, rules, after);
}

/**
 * The dispatch event stream of one subscriber: the estates asked for (default
 * every estate the token covers) and the log's access rule (a STAFF token the
 * dispatches it was sent to; a RESIDENT those of their own tickets).
 */
export async function dispatchEventStream(ctx: Context, communityCodes: readonly string[] | null | undefined, after: string | null | undefined): Promise<AsyncIterable<Delivery>> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to follow dispatches');
  return stream(ctx, ['DISPATCH'], await filterEstates(ctx, communityCodes, 'communityCodes'), [], after);
}

/**
 * The community-life stream of one subscriber: bookings and events (with
 * their registrations) in one stream, narrowed to kinds, a space (a front
 * desk) or an event (an organiser; its booking included). Every token of the
 * estate may follow it; personal fields are nulled per viewer as anywhere.
 */
export async function communityLifeStream(ctx: Context, filter: CommunityLifeFilter | null | undefined, after: string | null | undefined): Promise<AsyncIterable<Delivery>> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to follow bookings and events');
  const f = filter ?? {};
  const estates = await filterEstates(ctx, f.communityCodes, 'filter.communityCodes');
  const kinds: EventKind[] = f.kinds?.length ? [...new Set(f.kinds)] : ['BOOKING', 'COMMUNITY_EVENT'];
  const rules: Rule[] = [];
  if (f.spaceId != null) rules.push({ column: 'public_space_id', in: [expectGlobalId(f.spaceId, 'PublicSpace', 'filter.spaceId')] });
  if (f.eventId != null) rules.push({ column: 'community_event_id', in: [expectGlobalId(f.eventId, 'CommunityEvent', 'filter.eventId')] });
  return stream(ctx, kinds, estates, rules, after);
}

/**
 * The care event stream of one subscriber: the estates asked for and the
 * log's access rule (staff of the estate every household's visits, a
 * RESIDENT their own household's). Dashboards are refused rather than
 * offered an empty stream: they read the estate's care figures.
 */
export async function careEventStream(ctx: Context, communityCodes: readonly string[] | null | undefined, after: string | null | undefined): Promise<AsyncIterable<Delivery>> {
  const { role } = ctx.viewer;
  if (!role) throw unauthenticated('Sign in to follow care visits');
  if (role === 'DISTRICT' || role === 'INTEGRATOR') throw forbidden(`Care events name households: ${role} tokens read the estate's figures`);
  return stream(ctx, ['CARE'], await filterEstates(ctx, communityCodes, 'communityCodes'), [], after);
}

/**
 * One subscriber's stream of some kinds: the filter and the log's access rule
 * for the viewer as one rule, run in SQL for replay and on every live row,
 * replayed from `after` then continued live.
 */
async function stream(ctx: Context, kinds: readonly EventKind[], estates: number[] | 'ALL', filter: Rule[], after: string | null | undefined): Promise<AsyncIterable<Delivery>> {
  const { viewer } = ctx;
  if (!ctx.events) throw new Error('the event bus is not running');
  const afterId = after == null ? null : decodeCursor(after);
  if (after != null && afterId === null) throw badInput('after is not a cursor from this stream', 'after');
  const rule = allRules({ column: 'kind', in: kinds }, ...(estates === 'ALL' ? [] : [{ column: 'community_id', in: estates }]), ...filter, rowRule('event_log', viewer));
  return new LiveSubscription({
    bus: ctx.events,
    viewer,
    after: afterId,
    where: toSql(rule, 'l', viewer),
    match: rowsPassing(rule),
    // The rule is data: equal JSON, equal rows.
    filterKey: JSON.stringify(rule),
    expiresAt: viewer.expiresAt === undefined ? Infinity : viewer.expiresAt * 1000,
    maxQueue: MAX_QUEUE,
    connection: ctx.connection,
  });
}

function rowsPassing(rule: Rule): (row: LogRow) => boolean {
  const visible = toPredicate(rule);
  return (row) => visible(row as unknown as Record<string, unknown>);
}
