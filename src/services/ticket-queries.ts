import { Ticket, TicketEvent, type Building, type Community, type Grid, type Household, type Resident } from '../entities';
import type { TicketFilter } from '../generated/graphql';
import type { Context } from '../context';
import { forbidden, unauthenticated, badInput } from '../errors';
import { expectGlobalId } from '../ids';
import { assertInScope, inScope, ownsTicket, scopeIds, ticketOwner, type TicketOwner } from './access';
import { allOf, intArray, textArray, type Condition, type Connection, type ListSpec, type PageArgs } from './paging';

/** Reading tickets: who sees which, filters, nested lists and timelines. */

const NEWEST_FIRST = { entity: Ticket, table: 'ticket', orderBy: ['created_at', 'id'], descending: true } as const;
const TIMELINE: ListSpec<TicketEvent> = { entity: TicketEvent, table: 'ticket_event', orderBy: ['id'], parentColumn: 'ticket_id' };

/** The parents a ticket list hangs from, and their columns (each indexed with created_at, id). */
const PARENT_COLUMNS = {
  community: 'community_id',
  grid: 'grid_id',
  building: 'building_id',
  household: 'household_id',
  resident: 'reporter_resident_id',
} as const;

/**
 * The SQL form of `ownsTicket` on a table with household_id and
 * reporter_resident_id: other households' tickets are personal data.
 */
export function ownedBy(owner: TicketOwner, alias: string): Condition {
  return { sql: `${alias}.household_id = ? or ${alias}.reporter_resident_id = ?`, bindings: [owner.householdId ?? 0, owner.residentId] };
}

async function residentCondition(ctx: Context): Promise<Condition | null> {
  const owner = await ticketOwner(ctx);
  return owner && ownedBy(owner, 'x');
}

/** True when the viewer may see this ticket at all. */
export async function ticketVisible(ctx: Context, ticket: Ticket): Promise<boolean> {
  if (!(await inScope(ctx, ticket.community.id))) return false;
  const owner = await ticketOwner(ctx);
  return !owner || ownsTicket(owner, ticket.household?.id, ticket.reporterResident?.id);
}

/** A nested ticket list (community, grid, building, household, resident), newest first. */
export async function ticketsOf(
  ctx: Context, parent: keyof typeof PARENT_COLUMNS, entity: Community | Grid | Building | Household | Resident, args: PageArgs,
): Promise<Connection<Ticket>> {
  if (parent === 'community') await assertInScope(ctx, entity.id);
  const condition = await residentCondition(ctx);
  const spec: ListSpec<Ticket> = { ...NEWEST_FIRST, parentColumn: PARENT_COLUMNS[parent], where: condition ?? undefined };
  return ctx.loaders.childPage(spec, condition ? `resident:${condition.bindings.join(':')}` : 'all', entity.id, args);
}

/** A ticket's events, oldest first. */
export function ticketTimeline(ctx: Context, ticket: Ticket, args: PageArgs): Promise<Connection<TicketEvent>> {
  return ctx.loaders.childPage(TIMELINE, 'all', ticket.id, args);
}

/**
 * The root `tickets` list: the filter turned into SQL conditions on the
 * columns the ticket indexes lead with, newest first.
 */
export async function listTickets(ctx: Context, filter: TicketFilter | null | undefined, args: PageArgs): Promise<Connection<Ticket>> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to list tickets');
  const f = filter ?? {};
  const conditions: Condition[] = [];
  const estates = await filterEstates(ctx, f.communityCodes);
  if (estates !== 'ALL') conditions.push(oneOf('community_id', estates));
  if (f.statuses?.length) conditions.push(oneOf('status', f.statuses));
  if (f.priorities?.length) conditions.push(oneOf('priority', f.priorities));
  if (f.categories?.length) conditions.push(oneOf('category', f.categories));
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
  const resident = await residentCondition(ctx);
  if (resident) conditions.push(resident);
  return ctx.loaders.page({ ...NEWEST_FIRST, where: allOf(conditions) }, args);
}

/** The estates a ticket filter covers: the requested ones, each of which the token must cover; default all it covers. */
export async function filterEstates(ctx: Context, codes: readonly string[] | null | undefined, field = 'filter.communityCodes'): Promise<number[] | 'ALL'> {
  const scope = await scopeIds(ctx);
  if (!codes || codes.length === 0) return scope === 'ALL' ? 'ALL' : [...scope];
  if (codes.length > 100) throw badInput(`${field} takes at most 100 codes`, field);
  const found = await ctx.loaders.communityByCode.loadMany([...codes]);
  return codes.map((code, i) => {
    const community = found[i];
    const covered = community && !(community instanceof Error) && (scope === 'ALL' || scope.has(community.id));
    if (!covered) {
      if (scope === 'ALL') throw badInput(`No estate has the code "${code}"`, field);
      throw forbidden(`Your token does not cover estate "${code}"`);
    }
    return (community as Community).id;
  });
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

function toDate(value: unknown, field: string): Date | null {
  if (value == null) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw badInput(`${field} is not a valid date-time`, field);
  return date;
}
