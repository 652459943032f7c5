import { DASHBOARD_ROLES, STAFF_ROLES } from '../auth';
import { intArray, textArray, type Condition } from '../services/paging';
import type { Viewer } from './viewer';

/**
 * Which rows a viewer may read, table by table. This is the one place that
 * decides it: every statement the data layer builds (by id, by parent, a
 * page, a count) and every live event a subscriber is offered passes the
 * table's rule, so no nesting, alias, batching or subscription can reach a
 * row outside the viewer's estates. A table without a rule cannot be read.
 *
 * A rule is data, compiled two ways from the same definition: to SQL for
 * statements and to a predicate on a raw row (column names as keys) for live
 * rows, so the two can never disagree.
 */
export type Rule =
  | boolean
  | { column: string; in: readonly (number | string)[] }
  /** The row's column is none of these values (a null is none of them). */
  | { column: string; notIn: readonly string[] }
  /** The row's array column holds `value`. */
  | { column: string; contains: number }
  | { and: readonly Rule[] }
  | { or: readonly Rule[] }
  /** The row's `via` column points at a row of `table` that the viewer may read (SQL only). */
  | { parentTable: string; via: string };

const and = (...rules: Rule[]): Rule => {
  const rest = rules.filter((r) => r !== true);
  if (rest.includes(false)) return false;
  return rest.length === 0 ? true : rest.length === 1 ? rest[0] : { and: rest };
};

/** Rows of the viewer's estates; nothing for an anonymous caller. */
function estate(viewer: Viewer): Rule {
  if (!viewer.role) return false;
  return viewer.scopeIds === 'ALL' ? true : { column: 'community_id', in: viewer.scopeIds };
}

/**
 * A RESIDENT sees the tickets of their own household and the ones they raised:
 * other households' tickets are personal data. Other roles see whole estates.
 */
function ownTickets(viewer: Viewer): Rule {
  if (viewer.role !== 'RESIDENT') return true;
  return { or: [{ column: 'household_id', in: [viewer.householdId ?? 0] }, { column: 'reporter_resident_id', in: [viewer.residentId ?? 0] }] };
}

/**
 * Care visits' tickets (channel CARE_SCHEDULE) say which household receives
 * care: dashboards never read one, as they never read a care plan or visit;
 * they count them in the figures (`countCondition`). A medical emergency
 * (category CARE too) is an incident like any other and stays visible.
 */
function noCareTickets(viewer: Viewer): Rule {
  return viewer.role !== null && DASHBOARD_ROLES.includes(viewer.role) ? { column: 'channel', notIn: ['CARE_SCHEDULE'] } : true;
}

/**
 * A dispatch's live events: a RESIDENT's only when the emergency's ticket is
 * theirs (the log copies its household and reporter); a STAFF token's only
 * when they were sent ("units see their own"); desks, managers and dashboards
 * see every dispatch of their estates.
 */
function ownDispatchEvents(viewer: Viewer): Rule {
  if (viewer.role === 'RESIDENT') return ownTickets(viewer);
  if (viewer.role === 'STAFF') return { column: 'staff_ids', contains: viewer.staffId ?? 0 };
  return true;
}

/** A RESIDENT reads a dispatch (its units, its events) only through a ticket of theirs. */
function throughTicket(viewer: Viewer, via: { parentTable: string; via: string }): Rule {
  return viewer.role === 'RESIDENT' ? and(estate(viewer), via) : estate(viewer);
}

/**
 * Satisfaction figures and surveys: the estates of the token, for every role
 * but RESIDENT. The figures are aggregates of every household's tickets and
 * ratings, which a resident may not read row by row; in a small grid or a
 * quiet month a count or an average tells one neighbour's complaint or score.
 */
function figures(viewer: Viewer): Rule {
  return viewer.role === 'RESIDENT' ? false : estate(viewer);
}

/**
 * Care plans, visits and their events say who needs care and why: staff of
 * the estate read them, a RESIDENT only their own household's; dashboards
 * (DISTRICT, INTEGRATOR) never read one, only count them (`countCondition`).
 */
function careRows(viewer: Viewer): Rule {
  if (viewer.role === 'RESIDENT') return { column: 'household_id', in: [viewer.householdId ?? 0] };
  return viewer.role !== null && STAFF_ROLES.includes(viewer.role);
}

/** The operator's working records (patrols, liaison meetings): staff and dashboards, not residents. */
function operatorRecords(viewer: Viewer): Rule {
  return viewer.role !== 'RESIDENT';
}

/** Rules by table. Public tables say so explicitly. */
const TABLES: Record<string, (viewer: Viewer) => Rule> = {
  community: () => true,
  public_space: () => true,
  // When a space is open is as public as the space.
  opening_hours: () => true,
  grid: estate,
  building: estate,
  staff: estate,
  household: estate,
  resident: estate,
  ticket: (v) => and(estate(v), ownTickets(v), noCareTickets(v)),
  // Where the ticket rule reads more than the estate (a resident's own tickets, a dashboard's tickets but care
  // visits), events follow their tickets; everyone else's follow the estate, on the event's own row.
  ticket_event: (v) => (v.role === 'RESIDENT' || (v.role !== null && DASHBOARD_ROLES.includes(v.role)) ? and(estate(v), { parentTable: 'ticket', via: 'ticket_id' }) : estate(v)),
  dispatch: (v) => throughTicket(v, { parentTable: 'ticket', via: 'ticket_id' }),
  dispatch_unit: (v) => throughTicket(v, { parentTable: 'dispatch', via: 'dispatch_id' }),
  dispatch_event: (v) => throughTicket(v, { parentTable: 'dispatch', via: 'dispatch_id' }),
  // Community life: every token of the estate reads its bookings, groups, events and registrations. Who booked,
  // who is a member and who registered is personal (@personal in the SDL): other residents see busy slots and counts.
  booking: estate,
  booking_change: estate,
  resident_group: estate,
  group_member: estate,
  community_event: estate,
  event_registration: estate,
  community_event_change: estate,
  // A reception day's issues are tickets: a resident reads the links of their own tickets only.
  event_issue: (v) => throughTicket(v, { parentTable: 'ticket', via: 'ticket_id' }),
  care_plan: (v) => and(estate(v), careRows(v)),
  care_visit: (v) => and(estate(v), careRows(v)),
  care_event: (v) => and(estate(v), careRows(v)),
  patrol_route: (v) => and(estate(v), operatorRecords(v)),
  patrol_checkpoint: (v) => and(estate(v), operatorRecords(v)),
  patrol_run: (v) => and(estate(v), operatorRecords(v)),
  patrol_pass: (v) => and(estate(v), operatorRecords(v)),
  patrol_anomaly: (v) => and(estate(v), operatorRecords(v)),
  drill: estate,
  // How often drills are due: reference data, the same for every estate.
  drill_policy: () => true,
  resident_organisation: estate,
  organisation_contact: estate,
  reception_member: estate,
  liaison_meeting: (v) => and(estate(v), operatorRecords(v)),
  liaison_meeting_ticket: (v) => and(estate(v), operatorRecords(v)),
  // An escalation follows its ticket: a RESIDENT sees those of their own tickets.
  ticket_escalation: (v) => (v.role === 'RESIDENT' ? and(estate(v), { parentTable: 'ticket', via: 'ticket_id' }) : estate(v)),
  // Log rows carry copies of the columns the rules of their kind read.
  event_log: (v) => and(estate(v), {
    or: [
      and({ column: 'kind', in: ['TICKET'] }, ownTickets(v), noCareTickets(v)),
      and({ column: 'kind', in: ['DISPATCH'] }, ownDispatchEvents(v)),
      // Bookings and events live as they read: the estate's tokens, personal fields nulled per viewer.
      { column: 'kind', in: ['BOOKING', 'COMMUNITY_EVENT'] },
      and({ column: 'kind', in: ['CARE'] }, careRows(v)),
    ],
  }),
  satisfaction_survey: figures,
  // Not a table: the estates a satisfaction request reports on (rows with a community_id), so that
  // which estates' figures a viewer gets is decided here like every other read.
  satisfaction_estate: figures,
};

/**
 * Tables the estate's figures count. A count shows no row, so every token
 * covering the estate may count these, including rows its row rule hides
 * (a dashboard counts care visits it may never read).
 */
const COUNTED: ReadonlySet<string> = new Set([
  'ticket', 'ticket_escalation', 'care_visit', 'patrol_run', 'patrol_pass', 'patrol_anomaly', 'drill', 'liaison_meeting', 'liaison_meeting_ticket',
  // Reception days (community events of kind RECEPTION_DAY), who came to them and the issues raised there.
  'community_event', 'event_registration', 'event_issue',
]);

/** The condition for counting `table`'s rows as `viewer` (figures only, never for reading rows). */
export function countCondition(table: string, viewer: Viewer, alias = 'x'): Condition {
  if (!COUNTED.has(table)) throw new Error(`figures may not count table "${table}": add it to COUNTED in src/access/rows.ts`);
  return toSql(estate(viewer), alias, viewer);
}

/** The rule for reading `table` as `viewer`; a table without a rule is a programming error. */
export function rowRule(table: string, viewer: Viewer): Rule {
  const rule = TABLES[table];
  if (!rule) throw new Error(`no access rule for table "${table}": add one to src/access/rows.ts before reading it`);
  return rule(viewer);
}

/** Tables that have a rule (for tests that walk them). */
export const RULED_TABLES: readonly string[] = Object.keys(TABLES);

const compiled = new WeakMap<Viewer, Map<string, Condition>>();
const compiledCounts = new WeakMap<Viewer, Map<string, { parent: Condition; rows: Condition }>>();

/**
 * `rowRule` for rows counted under a parent (the rows' `column` = the
 * parent's key, `parentKey` on alias `parent`): the rule's conditions on that
 * column as conditions on the parent's key (`parent`, tested once per
 * parent), and the rest on the rows (`rows`, on alias x). An estate's
 * residents counted under the estate keep "estate in the viewer's estates"
 * as one test of the estate, where beside the parent key PostgreSQL ran it
 * as a step over each of 36,000 index entries. Cached per viewer like rowCondition.
 */
export function countedCondition(
  table: string, column: string, viewer: Viewer, parent: string, parentKey = 'id',
): { parent: Condition; rows: Condition } {
  let byTable = compiledCounts.get(viewer);
  if (!byTable) compiledCounts.set(viewer, (byTable = new Map()));
  const key = `${table} ${column} ${parent} ${parentKey}`;
  let condition = byTable.get(key);
  if (!condition) {
    const rule = rowRule(table, viewer);
    const conjuncts = typeof rule === 'object' && 'and' in rule ? rule.and : [rule];
    const onParent = conjuncts.filter((r): r is { column: string; in: readonly (number | string)[] } => typeof r === 'object' && 'in' in r && r.column === column);
    const rest = and(...conjuncts.filter((r) => !onParent.includes(r as never)));
    condition = {
      parent: toSql(and(...onParent.map((r) => ({ column: parentKey, in: r.in }))), parent, viewer, 0),
      rows: toSql(rest, 'x', viewer, 0),
    };
    byTable.set(key, condition);
  }
  return condition;
}

/** The columns a rule tests, or null when it tests more than a row's own scalar columns (a parent row, an array). */
function ruleColumns(rule: Rule): string[] | null {
  if (typeof rule === 'boolean') return [];
  if ('parentTable' in rule || 'contains' in rule) return null;
  if ('column' in rule) return [rule.column];
  const parts = ('and' in rule ? rule.and : rule.or).map(ruleColumns);
  return parts.some((p) => p === null) ? null : (parts as string[][]).flat();
}

const compiledTallies = new WeakMap<Viewer, Map<string, Condition | null>>();

/**
 * `rowRule` for `table` tested on a tally of its rows (alias `alias`): a
 * table that keeps the number of `table`'s rows per value of `keys`, each
 * under the same column name. The rule passes a tally row exactly when it
 * passes every row the tally row counts, so the sum of the passing tally rows
 * is the count of the rows the viewer may read. Null when the rule tests any
 * column that is not a key: then the rows must be counted. Cached per viewer.
 */
export function tallyCondition(table: string, keys: readonly string[], viewer: Viewer, alias: string): Condition | null {
  let byTable = compiledTallies.get(viewer);
  if (!byTable) compiledTallies.set(viewer, (byTable = new Map()));
  const key = `${table} ${keys.join(',')} ${alias}`;
  let condition = byTable.get(key);
  if (condition === undefined) {
    const rule = rowRule(table, viewer);
    const columns = ruleColumns(rule);
    condition = columns && columns.every((c) => keys.includes(c)) ? toSql(rule, alias, viewer, 0) : null;
    byTable.set(key, condition);
  }
  return condition;
}

/** `rowRule` as SQL on `alias`, cached per viewer (viewers are cached per token). */
export function rowCondition(table: string, viewer: Viewer, alias = 'x'): Condition {
  let byTable = compiled.get(viewer);
  if (!byTable) compiled.set(viewer, (byTable = new Map()));
  const key = `${table} ${alias}`;
  let condition = byTable.get(key);
  if (!condition) byTable.set(key, (condition = toSql(rowRule(table, viewer), alias, viewer, 0)));
  return condition;
}

/** A rule as an SQL condition on `alias`. */
export function toSql(rule: Rule, alias: string, viewer: Viewer, depth = 0): Condition {
  if (rule === true) return { sql: 'true', bindings: [] };
  if (rule === false) return { sql: 'false', bindings: [] };
  if ('contains' in rule) return { sql: `? = any(${alias}."${rule.column}")`, bindings: [rule.contains] };
  if ('notIn' in rule) {
    if (rule.notIn.length === 0) return { sql: 'true', bindings: [] };
    return { sql: `not coalesce(${alias}."${rule.column}" = any(?::text[]), false)`, bindings: [textArray(rule.notIn)] };
  }
  if ('column' in rule) {
    const column = `${alias}."${rule.column}"`;
    if (rule.in.length === 0) return { sql: 'false', bindings: [] };
    if (rule.in.length === 1) return { sql: `${column} = ?`, bindings: [rule.in[0]] };
    return typeof rule.in[0] === 'number'
      ? { sql: `${column} = any(?::int[])`, bindings: [intArray(rule.in as number[])] }
      : { sql: `${column} = any(?::text[])`, bindings: [textArray(rule.in as string[])] };
  }
  if ('parentTable' in rule) {
    const parent = `p${depth}`;
    const inner = toSql(rowRule(rule.parentTable, viewer), parent, viewer, depth + 1);
    return {
      sql: `exists (select 1 from "${rule.parentTable}" ${parent} where ${parent}.id = ${alias}."${rule.via}" and (${inner.sql}))`,
      bindings: inner.bindings,
    };
  }
  const parts = ('and' in rule ? rule.and : rule.or).map((r) => toSql(r, alias, viewer, depth));
  return { sql: parts.map((p) => `(${p.sql})`).join('and' in rule ? ' and ' : ' or '), bindings: parts.flatMap((p) => p.bindings) };
}

/** A rule as a predicate on a raw row (column names as keys), for live rows already in memory. */
export function toPredicate(rule: Rule): (row: Record<string, unknown>) => boolean {
  if (rule === true) return () => true;
  if (rule === false) return () => false;
  if ('contains' in rule) {
    const { column, contains } = rule;
    return (row) => Array.isArray(row[column]) && (row[column] as unknown[]).includes(contains);
  }
  if ('notIn' in rule) {
    const { column } = rule;
    const excluded = new Set<unknown>(rule.notIn);
    return (row) => !excluded.has(row[column]);
  }
  if ('column' in rule) {
    const { column } = rule;
    const values = new Set<unknown>(rule.in);
    return (row) => values.has(row[column]);
  }
  if ('parentTable' in rule) throw new Error('a rule that reads a parent row can only run in SQL');
  const parts = ('and' in rule ? rule.and : rule.or).map(toPredicate);
  return 'and' in rule ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
}

/** Combines rules with AND (exported for services that add their own filters to a table's rule). */
export const allRules = and;
