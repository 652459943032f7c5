import type { EntityName } from '@mikro-orm/core';
import { badInput } from '../errors';
import { isIsoInstant } from '../instants';

/** Relay connection arguments as clients send them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/** No cursor this API issues is longer; anything longer is not one of ours. */
const MAX_CURSOR_LENGTH = 512;

/** What a keyset column holds, so a cursor's values can be checked before they reach SQL. */
export type ColumnKind =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'text'; maxLength: number }
  | { kind: 'timestamp' };

/** A validated page request: how many, which way, from where. */
export interface PageRequest {
  limit: number;
  backward: boolean;
  cursor: unknown[] | null;
}

/** What a resolver answers from the loaders: the value itself when a parent's statement read it already, else a promise of it (Loaders.now). */
export type Now<T> = T | Promise<T>;

/** A page as a nested-list resolver answers it. */
export type Paged<T> = Now<Connection<T>>;

/** One page of a connection, as the GraphQL connection types expect it. */
export interface Connection<T = unknown> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only when a client asks for it (the default resolver calls it). */
  totalCount: () => Promise<number>;
}

/** An SQL condition on alias `x` with its bindings, e.g. `x.status = any(?)`. */
export interface Condition {
  sql: string;
  bindings: readonly unknown[];
}

/**
 * How one list is stored and ordered. `orderBy` are column names, the last one
 * unique (normally `id`), all in the same direction, so a row-value comparison
 * `(a, id) > (?, ?)` is an exact keyset and an index on
 * `(parentColumn, ...orderBy)` serves every page.
 */
export interface ListSpec<T extends object = object> {
  entity: EntityName<T>;
  orderBy: readonly string[];
  /**
   * An order on personal columns (a household's unit, say), used only for
   * viewers who may read those columns on every row (staff roles). Everyone
   * else gets `orderBy`, so neither the order nor a cursor reveals them and a
   * forged cursor cannot probe them.
   */
  staffOrderBy?: readonly string[];
  descending?: boolean;
  /** The foreign key a nested list hangs from, e.g. `building_id`. */
  parentColumn?: string;
  where?: Condition;
  /** Where the list's size is kept rather than counted (see Tally). */
  tally?: Tally;
}

/**
 * A table that keeps the number of a table's rows (`where` included) by
 * `keys`: the parent column first, then every column the counted table's
 * access rule may test, each under its own name, so that the rule can be
 * tested on the tally's rows (tallyCondition in src/access/rows.ts). A count
 * whose viewer's rule tests any other column counts the rows instead.
 */
export interface Tally {
  table: string;
  /** The tally's column that holds the number. */
  column: string;
  keys: readonly string[];
  /**
   * The condition the tally's number counts under, the very object the list
   * or count carries as its `where` (none: every row). A spec whose `where`
   * is any other object (a filter added to a kept list) counts its rows.
   */
  where?: Condition;
}

/** Validates connection arguments: BAD_USER_INPUT for anything a client could get wrong. */
export function pageRequest(args: PageArgs, columns: readonly ColumnKind[]): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw badInput('Pass either first or last, not both', 'first');
  if (after != null && before != null) throw badInput('Pass either after or before, not both', 'after');
  if (after != null && last != null) throw badInput('after goes with first; use before with last', 'after');
  if (before != null && first != null) throw badInput('before goes with last; use after with first', 'before');
  for (const [name, value] of [['first', first], ['last', last]] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badInput(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, name);
    }
  }
  const backward = last != null || before != null;
  const limit = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const raw = backward ? before : after;
  const cursor = raw == null ? null : decodeCursor(raw, columns, backward ? 'before' : 'after');
  return { limit, backward, cursor };
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** A cursor's values, each checked against its column, or BAD_USER_INPUT: a forged cursor never reaches SQL. */
function decodeCursor(raw: string, columns: readonly ColumnKind[], argument: string): unknown[] {
  const invalid = () => badInput(`${argument} is not a cursor from this list`, argument);
  // Base64 decoding would skip characters outside its alphabet (a NUL, say): such a string is not a cursor we wrote.
  if (raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]*$/.test(raw)) throw invalid();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== columns.length) throw invalid();
  return values.map((value, i) => {
    const column = columns[i];
    if (column.kind === 'int') {
      if (!Number.isSafeInteger(value) || (value as number) < column.min || (value as number) > column.max) throw invalid();
      return value;
    }
    if (typeof value !== 'string') throw invalid();
    if (column.kind === 'text') {
      if (value.length > column.maxLength || value.includes('\u0000')) throw invalid();
      return value;
    }
    if (!isIsoInstant(value)) throw invalid();
    return value;
  });
}

/** The cursor of a raw row for the given order columns, each value in the form `decodeCursor` accepts. */
export function cursorOf(row: Record<string, unknown>, orderBy: readonly string[], columns: readonly ColumnKind[]): string {
  return encodeCursor(orderBy.map((c, i) => {
    const value = row[c];
    const kind = columns[i].kind;
    if (kind === 'int') return Number(value);
    if (kind === 'timestamp') return isoInstant(value as string | Date);
    return value;
  }));
}

/**
 * A timestamp as ISO-8601 in UTC with all its digits: the driver hands back
 * PostgreSQL's text (`2025-03-01 08:30:00.123456+00`, see db/rows.ts), and a
 * keyset must compare the exact stored value, microseconds included.
 */
function isoInstant(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  // PostgreSQL's text, or the same instant as a JSON row has it (`T`, `+00:00`).
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)\+00(?::00)?$/.exec(value);
  return match ? `${match[1]}T${match[2]}Z` : new Date(value).toISOString();
}

/** The ORDER BY and keyset condition for a request (on alias `x`; `outer` orders the same rows under another alias). */
export function keysetSql(orderBy: readonly string[], descending: boolean, request: PageRequest, outer = 'x') {
  const desc = request.backward !== descending;
  const cols = orderBy.map((c) => `x."${c}"`);
  const order = cols.map((c) => `${c} ${desc ? 'desc' : 'asc'}`).join(', ');
  const outerOrder = orderBy.map((c) => `${outer}."${c}" ${desc ? 'desc' : 'asc'}`).join(', ');
  const condition: Condition | null = request.cursor
    ? { sql: `(${cols.join(', ')}) ${desc ? '<' : '>'} (${cols.map(() => '?').join(', ')})`, bindings: request.cursor }
    : null;
  return { order, outerOrder, condition };
}

/** Conditions combined with AND (`true` when there are none). */
export function allOf(conditions: readonly (Condition | null | undefined)[]): Condition {
  const present = conditions.filter((c): c is Condition => Boolean(c) && c!.sql !== 'true');
  return {
    sql: present.length ? present.map((c) => `(${c.sql})`).join(' and ') : 'true',
    bindings: present.flatMap((c) => c.bindings),
  };
}

/** A Postgres int[] literal, bound as one value: `?::int[]`. */
export function intArray(ids: readonly number[]): string {
  return `{${ids.map((id) => Math.trunc(id)).join(',')}}`;
}

/** A Postgres text[] literal with every element quoted, bound as one value: `?::text[]`. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** A page of raw rows (one more than asked for, in query order) as a connection of mapped nodes. */
export function toConnection<T>(
  request: PageRequest, orderBy: readonly string[], columns: readonly ColumnKind[], rows: Record<string, unknown>[],
  map: (rows: Record<string, unknown>[]) => T[], totalCount: () => Promise<number>,
): Connection<T> {
  const more = rows.length > request.limit;
  const page = more ? rows.slice(0, request.limit) : rows;
  if (request.backward) page.reverse();
  const nodes = map(page);
  const edges = page.map((row, i) => new Edge(row, nodes[i], orderBy, columns));
  return {
    edges,
    pageInfo: new PageInfo(edges, request.backward ? request.cursor !== null : more, request.backward ? more : request.cursor !== null),
    totalCount,
  };
}

/** An edge whose cursor is written when a query asks for it (most ask for few or none: a ticket's last events, say). */
class Edge<T> {
  constructor(
    private readonly row: Record<string, unknown>, readonly node: T,
    private readonly orderBy: readonly string[], private readonly columns: readonly ColumnKind[],
  ) {}

  get cursor(): string {
    return cursorOf(this.row, this.orderBy, this.columns);
  }
}

class PageInfo {
  constructor(private readonly edges: readonly Edge<unknown>[], readonly hasNextPage: boolean, readonly hasPreviousPage: boolean) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges[this.edges.length - 1]?.cursor ?? null;
  }
}
