import { Ticket, TicketEvent, type Building, type Community, type Grid, type Household, type Resident } from '../entities';
import type { TicketFilter } from '../generated/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { prefetchOf } from '../prefetch';
import { ALL_TICKETS, TICKETS_OF, TIMELINE } from '../lists';
import type { Viewer } from '../access/viewer';
import { isEstateCode } from '../auth';
import { forbidden, notFound, unauthenticated, badInput, preview } from '../errors';
import { expectGlobalId } from '../ids';
import { allOf, intArray, textArray, type Condition, type Connection, type PageArgs, type Paged } from './paging';

/**
 * Reading tickets: filters, nested lists and timelines. Which tickets a viewer
 * may read at all (their estates; a RESIDENT their household's and their own)
 * is the ticket table's rule in access/rows.ts, applied to every statement.
 */


/** A nested ticket list (community, grid, building, household, resident), newest first. */
export function ticketsOf(
  ctx: Context, parent: keyof typeof TICKETS_OF, entity: Community | Grid | Building | Household | Resident, args: PageArgs, info?: GraphQLResolveInfo,
): Paged<Ticket> {
  return ctx.loaders.childPage(TICKETS_OF[parent], entity.id, args, prefetchOf(info, 'Ticket', true));
}

const TICKET_NUMBER = /^[A-Za-z0-9_-]{1,8}-\d{4}-\d{6,9}$/;

/** A ticket by its number; one that does not exist and one the viewer may not see answer alike. */
export async function ticketByNumber(ctx: Context, number: string): Promise<Ticket> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to fetch a ticket');
  const ticket = TICKET_NUMBER.test(number) ? await ctx.loaders.ticketByNumber.load(number) : null;
  if (!ticket) throw notFound(`No ticket numbered "${preview(number)}" is visible to you`);
  return ticket;
}

/** A ticket's events, oldest first. */
export function ticketTimeline(ctx: Context, ticket: Ticket, args: PageArgs, info?: GraphQLResolveInfo): Paged<TicketEvent> {
  return ctx.loaders.childPage(TIMELINE, ticket.id, args, prefetchOf(info, 'TicketEvent', true));
}

/**
 * The root `tickets` list: the filter turned into SQL conditions on the
 * columns the ticket indexes lead with, newest first.
 */
export async function listTickets(ctx: Context, filter: TicketFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<Ticket>> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to list tickets');
  const f = filter ?? {};
  const conditions: Condition[] = [];
  const estates = await filterEstates(ctx, f.communityCodes);
  if (estates !== 'ALL') conditions.push(oneOf('community_id', estates));
  if (f.statuses?.length) conditions.push(oneOfEnum('status', f.statuses));
  if (f.priorities?.length) conditions.push(oneOfEnum('priority', f.priorities));
  if (f.categories?.length) conditions.push(oneOfEnum('category', f.categories));
  const byId: [keyof TicketFilter, 'Grid' | 'Building' | 'Household' | 'Staff', string][] = [
    ['gridId', 'Grid', 'grid_id'], ['buildingId', 'Building', 'building_id'],
    ['householdId', 'Household', 'household_id'], ['assigneeId', 'Staff', 'assignee_id'],
  ];
  for (const [field, type, column] of byId) {
    const value = f[field];
    if (value != null) conditions.push({ sql: `x.${column} = ?`, bindings: [expectGlobalId(value as string, type, `filter.${field}`)] });
  }
  const after = toDate(f.createdAfter, 'filter.createdAfter');
  const before = toDate(f.createdBefore, 'filter.createdBefore');
  if (after && before && after >= before) throw badInput('filter.createdAfter must be before filter.createdBefore', 'filter.createdAfter');
  if (after) conditions.push({ sql: 'x.created_at >= ?', bindings: [after.toISOString()] });
  if (before) conditions.push({ sql: 'x.created_at < ?', bindings: [before.toISOString()] });
  return ctx.loaders.page({ ...ALL_TICKETS, where: allOf(conditions) }, args, prefetchOf(info, 'Ticket', true));
}

/**
 * The estates a filter covers: the requested ones, each of which the token
 * must cover (an estate that does not exist answers the same as one the token
 * does not cover); by default every estate it covers.
 */
export async function filterEstates(ctx: Context, codes: readonly string[] | null | undefined, field = 'filter.communityCodes'): Promise<number[] | 'ALL'> {
  const { scope } = ctx.viewer;
  if (!codes || codes.length === 0) return scope === 'ALL' ? 'ALL' : [...scope];
  if (codes.length > 100) throw badInput(`${field} takes at most 100 codes`, field);
  // A token for some estates knows their ids: any other code is one it does not cover, whether or not it names an estate.
  const known = ctx.viewer.estateIds;
  if (scope !== 'ALL' && known) return codes.map((code) => coveredEstate(ctx.viewer, code, known.has(code) ? { id: known.get(code)! } : null, field));
  const found = await ctx.loaders.communityByCode.loadMany(codes.map((code) => (isEstateCode(code) ? code : '')));
  return codes.map((code, i) => coveredEstate(ctx.viewer, code, found[i], field));
}

/**
 * The row id of the estate `code` names, when the viewer's token covers it
 * (`community`: what the code was found to name, if anything). An estate that
 * does not exist answers the same as one the token does not cover:
 * FORBIDDEN, or BAD_USER_INPUT for a token that covers every estate.
 */
export function coveredEstate(viewer: Viewer, code: string, community: Pick<Community, 'id'> | Error | null | undefined, field = 'filter.communityCodes'): number {
  const { scope } = viewer;
  const covered = community && !(community instanceof Error) && (scope === 'ALL' || scope.has(community.id));
  if (!covered) {
    if (scope === 'ALL') throw badInput(`No estate has the code "${preview(code)}"`, field);
    throw forbidden(`Your token does not cover estate "${preview(code)}"`);
  }
  return (community as Pick<Community, 'id'>).id;
}

/**
 * `column` is one of `values`. A single value is a plain equality: the planner
 * then walks the (estate, priority, created_at) indexes in order instead of
 * filtering a scan, which matters at two years of history.
 */
function oneOf(column: string, values: readonly (string | number)[]): Condition {
  if (values.length === 1) return { sql: `x.${column} = ?`, bindings: [values[0]] };
  return typeof values[0] === 'number'
    ? { sql: `x.${column} = any(?::int[])`, bindings: [intArray(values as number[])] }
    : { sql: `x.${column} = any(?::text[])`, bindings: [textArray(values as string[])] };
}

/**
 * A condition on an enum column with the values written into the statement:
 * PostgreSQL then settles on one plan per connection for each combination
 * (there are few), where a bound value made it plan the page anew at every
 * execution (it cannot tell how many tickets a bound priority selects). Only
 * the enum's own names are written, which GraphQL has checked against the
 * schema; anything else is bound.
 */
function oneOfEnum(column: string, values: readonly string[]): Condition {
  if (!values.every((v) => /^[A-Z][A-Z0-9_]{0,39}$/.test(v))) return oneOf(column, values);
  const literals = [...new Set(values)].sort().map((v) => `'${v}'`);
  return { sql: literals.length === 1 ? `x.${column} = ${literals[0]}` : `x.${column} in (${literals.join(', ')})`, bindings: [] };
}

function toDate(value: unknown, field: string): Date | null {
  if (value == null) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw badInput(`${field} is not a valid date-time`, field);
  return date;
}
