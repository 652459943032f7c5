import type { CommunityEventKind, GroupTheme } from '../entities';
import type { CommunityLifeFiguresFilter } from '../generated/graphql';
import type { Context } from '../context';
import { badInput, forbidden, unauthenticated } from '../errors';
import { rowCondition } from '../access/rows';
import { LOCAL_OFFSET_SQL } from '../local-time';
import { intArray } from './paging';
import { isoDate } from './satisfaction-periods';
import { filterEstates } from './ticket-queries';

/**
 * Community-life figures: space utilisation per space and month, event
 * attendance per estate, month and kind, group membership per estate and
 * theme. Counts only, never a name or a free-text field, so district
 * dashboards and integrators read them like managers do. Months are the
 * estates' local months; every statement carries its tables' row rules.
 */

/** Roles that read the figures. */
export const FIGURE_ROLES: readonly string[] = ['MANAGER', 'DISTRICT', 'INTEGRATOR', 'ADMIN'];
/** The longest span one request covers. */
export const MAX_MONTHS = 36;

/** What a request covers, checked; each list is computed only when asked for. */
export interface Figures {
  estates: number[] | 'ALL';
  /** Local dates, inclusive: `YYYY-MM-DD`. */
  from: string;
  to: string;
}

export interface SpaceUtilisationRow {
  communityId: number; spaceId: number; month: string; bookings: number; bookedHours: number; openHours: number; utilisation: number | null;
}
export interface EventAttendanceRow {
  communityId: number; month: string; kind: CommunityEventKind; events: number; capacity: number;
  registrations: number; waitlisted: number; attended: number; attendanceRate: number | null;
}
export interface GroupMembershipRow { communityId: number; theme: GroupTheme; groups: number; members: number }

/** Checks who asks and what for: MANAGER, DISTRICT, INTEGRATOR and ADMIN, estates the token covers, at most 36 months. */
export async function communityLifeFigures(ctx: Context, filter: CommunityLifeFiguresFilter): Promise<Figures> {
  const { role } = ctx.viewer;
  if (!role) throw unauthenticated('Sign in to read figures');
  if (!FIGURE_ROLES.includes(role)) throw forbidden(`Figures are for managers, district dashboards and integrators, not ${role} tokens`);
  const estates = await filterEstates(ctx, filter.communityCodes, 'filter.communityCodes');
  const from = isoDate(filter.from, 'filter.from');
  const to = isoDate(filter.to, 'filter.to');
  if (to < from) throw badInput('filter.to must not be before filter.from', 'filter.to');
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  if (months > MAX_MONTHS) throw badInput(`The figures cover at most ${MAX_MONTHS} months, got ${months}`, 'filter.to');
  return { estates, from, to };
}

/** `x.community_id` among the estates asked for, as SQL on `alias`. */
function inEstates(figures: Figures, alias: string): { sql: string; bindings: unknown[] } {
  return figures.estates === 'ALL' ? { sql: 'true', bindings: [] } : { sql: `${alias}.community_id = any(?::int[])`, bindings: [intArray(figures.estates)] };
}

/** Local midnight at the start of `from` and after `to`, as instants. */
const RANGE_SQL = `(?::date)::timestamp at time zone interval '${LOCAL_OFFSET_SQL}'`;
const END_SQL = `((?::date) + 1)::timestamp at time zone interval '${LOCAL_OFFSET_SQL}'`;
const LOCAL_MONTH = (column: string) => `to_char(${column} at time zone interval '${LOCAL_OFFSET_SQL}', 'YYYY-MM')`;

/**
 * Per space and month: confirmed bookings starting in the month, their hours,
 * and the hours the space was open (its opening hours over the month's days
 * within the range).
 */
export async function spaceUtilisation(ctx: Context, figures: Figures): Promise<SpaceUtilisationRow[]> {
  const estates = inEstates(figures, 's');
  const spaceRule = rowCondition('public_space', ctx.viewer, 's');
  const bookingRule = rowCondition('booking', ctx.viewer, 'x');
  const hoursRule = rowCondition('opening_hours', ctx.viewer, 'h');
  const rows: Record<string, unknown>[] = await ctx.em.execute(
    `with days as (select d::date as day from generate_series(?::date, ?::date, interval '1 day') d),
          spaces as (select s.id, s.code, s.community_id from public_space s where (${estates.sql}) and (${spaceRule.sql})),
          opened as (
            select h.public_space_id as space_id, to_char(days.day, 'YYYY-MM') as month,
                   sum(extract(epoch from h.closes_at - h.opens_at)) / 3600 as hours
              from opening_hours h join spaces on spaces.id = h.public_space_id
              join days on extract(isodow from days.day) = h.weekday
             where (${hoursRule.sql}) group by 1, 2),
          booked as (
            select x.public_space_id as space_id, ${LOCAL_MONTH('x.starts_at')} as month,
                   count(*)::int as bookings, sum(extract(epoch from x.ends_at - x.starts_at)) / 3600 as hours
              from booking x join spaces on spaces.id = x.public_space_id
             where x.status = 'CONFIRMED' and x.starts_at >= ${RANGE_SQL} and x.starts_at < ${END_SQL} and (${bookingRule.sql})
             group by 1, 2)
     select spaces.community_id, spaces.id as space_id, m.month, coalesce(b.bookings, 0)::int as bookings,
            coalesce(b.hours, 0)::float8 as booked_hours, coalesce(o.hours, 0)::float8 as open_hours
       from spaces join community c on c.id = spaces.community_id
       cross join (select distinct to_char(day, 'YYYY-MM') as month from days) m
       left join opened o on o.space_id = spaces.id and o.month = m.month
       left join booked b on b.space_id = spaces.id and b.month = m.month
      order by c.code, spaces.code, m.month`,
    [figures.from, figures.to, ...estates.bindings, ...spaceRule.bindings, ...hoursRule.bindings, figures.from, figures.to, ...bookingRule.bindings]);
  return rows.map((r) => {
    const bookedHours = round(Number(r.booked_hours));
    const openHours = round(Number(r.open_hours));
    return {
      communityId: Number(r.community_id), spaceId: Number(r.space_id), month: String(r.month), bookings: Number(r.bookings),
      bookedHours, openHours, utilisation: openHours > 0 ? round(bookedHours / openHours, 4) : null,
    };
  });
}

/** Per estate, local month and kind: events that took place (not cancelled), their places, registrations and attendance. */
export async function eventAttendance(ctx: Context, figures: Figures): Promise<EventAttendanceRow[]> {
  const estates = inEstates(figures, 'e');
  const rule = rowCondition('community_event', ctx.viewer, 'e');
  const registrationRule = rowCondition('event_registration', ctx.viewer, 'r');
  const rows: Record<string, unknown>[] = await ctx.em.execute(
    `select e.community_id, ${LOCAL_MONTH('e.starts_at')} as month, e.kind, count(*)::int as events, sum(e.capacity)::int as capacity,
            coalesce(sum(r.confirmed), 0)::int as registrations, coalesce(sum(r.waitlisted), 0)::int as waitlisted, coalesce(sum(r.attended), 0)::int as attended
       from community_event e join community c on c.id = e.community_id
       left join lateral (select count(*) filter (where r.status = 'CONFIRMED') as confirmed, count(*) filter (where r.status = 'WAITLISTED') as waitlisted,
                                 count(*) filter (where r.attended_at is not null) as attended
                            from event_registration r where r.event_id = e.id and (${registrationRule.sql})) r on true
      where e.status = 'SCHEDULED' and e.starts_at >= ${RANGE_SQL} and e.starts_at < ${END_SQL} and (${estates.sql}) and (${rule.sql})
      group by e.community_id, c.code, 2, e.kind order by c.code, 2, e.kind`,
    [...registrationRule.bindings, figures.from, figures.to, ...estates.bindings, ...rule.bindings]);
  return rows.map((r) => ({
    communityId: Number(r.community_id), month: String(r.month), kind: r.kind as CommunityEventKind, events: Number(r.events),
    capacity: Number(r.capacity), registrations: Number(r.registrations), waitlisted: Number(r.waitlisted), attended: Number(r.attended),
    attendanceRate: Number(r.registrations) > 0 ? round(Number(r.attended) / Number(r.registrations), 4) : null,
  }));
}

/** Per estate and theme: groups and memberships as they are now. */
export async function groupMembership(ctx: Context, figures: Figures): Promise<GroupMembershipRow[]> {
  const estates = inEstates(figures, 'g');
  const rule = rowCondition('resident_group', ctx.viewer, 'g');
  const memberRule = rowCondition('group_member', ctx.viewer, 'm');
  const rows: Record<string, unknown>[] = await ctx.em.execute(
    `select g.community_id, g.theme, count(distinct g.id)::int as groups, count(m.id)::int as members
       from resident_group g join community c on c.id = g.community_id
       left join group_member m on m.group_id = g.id and (${memberRule.sql})
      where (${estates.sql}) and (${rule.sql}) group by g.community_id, c.code, g.theme order by c.code, g.theme`,
    [...memberRule.bindings, ...estates.bindings, ...rule.bindings]);
  return rows.map((r) => ({ communityId: Number(r.community_id), theme: r.theme as GroupTheme, groups: Number(r.groups), members: Number(r.members) }));
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
