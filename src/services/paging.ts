import type { EntityManager } from '@mikro-orm/postgresql';
import { Utils, type EntityName } from '@mikro-orm/core';
import { mapRows } from '../db/rows';
import { badInput } from '../errors';

/** Relay connection arguments as clients send them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** A validated page request: how many, which way, from where. */
export interface PageRequest {
  limit: number;
  backward: boolean;
  cursor: unknown[] | null;
  /** Identical requests share one batched query; this is their grouping key. */
  key: string;
}

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
  table: string;
  orderBy: readonly string[];
  descending?: boolean;
  /** The foreign key a nested list hangs from, e.g. `building_id`. */
  parentColumn?: string;
  where?: Condition;
}

/** Validates connection arguments: BAD_USER_INPUT for anything a client could get wrong. */
export function pageRequest(args: PageArgs, spec: ListSpec<object>): PageRequest {
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
  const cursor = raw == null ? null : decodeCursor(raw, spec.orderBy.length, backward ? 'before' : 'after');
  return { limit, backward, cursor, key: JSON.stringify([limit, backward, cursor]) };
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(raw: string, length: number, argument: string): unknown[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const ok =
    Array.isArray(values) &&
    values.length === length &&
    values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) &&
    Number.isSafeInteger(values[length - 1]);
  if (!ok) throw badInput(`${argument} is not a cursor from this list`, argument);
  return values as unknown[];
}

function cursorOf(row: Record<string, unknown>, spec: ListSpec<object>): string {
  return encodeCursor(spec.orderBy.map((c) => {
    const v = row[c];
    return v instanceof Date ? v.toISOString() : v;
  }));
}

/** The ORDER BY and keyset condition for a request (alias `x`). */
function keysetSql(spec: ListSpec<object>, request: PageRequest) {
  const desc = request.backward !== Boolean(spec.descending);
  const cols = spec.orderBy.map((c) => `x."${c}"`);
  const order = cols.map((c) => `${c} ${desc ? 'desc' : 'asc'}`).join(', ');
  const condition = request.cursor
    ? { sql: `(${cols.join(', ')}) ${desc ? '<' : '>'} (${cols.map(() => '?').join(', ')})`, bindings: request.cursor }
    : null;
  return { order, condition };
}

/** Conditions combined with AND (`true` when there are none). */
export function allOf(conditions: readonly (Condition | null | undefined)[]): Condition {
  const present = conditions.filter((c): c is Condition => Boolean(c));
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

function toConnection<T extends object>(
  em: EntityManager, spec: ListSpec<T>, request: PageRequest, rows: Record<string, unknown>[], totalCount: () => Promise<number>,
): Connection<T> {
  const more = rows.length > request.limit;
  const page = more ? rows.slice(0, request.limit) : rows;
  if (request.backward) page.reverse();
  const nodes = mapRows<T>(em.getMetadata(), Utils.className(spec.entity), page);
  const edges = page.map((row, i) => ({ cursor: cursorOf(row, spec as ListSpec<object>), node: nodes[i] }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.backward ? request.cursor !== null : more,
      hasPreviousPage: request.backward ? more : request.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * One page of a top-level list (no parent), in one statement.
 */
export async function fetchPage<T extends object>(
  em: EntityManager, spec: ListSpec<T>, request: PageRequest, totalCount: () => Promise<number>,
): Promise<Connection<T>> {
  const { order, condition } = keysetSql(spec as ListSpec<object>, request);
  const where = allOf([spec.where, condition]);
  const rows: Record<string, unknown>[] = request.limit === 0 ? [] : await em.execute(
    `select x.* from "${spec.table}" x where ${where.sql} order by ${order} limit ?`,
    [...where.bindings, request.limit + 1],
  );
  return toConnection(em, spec, request, rows, totalCount);
}

/**
 * The same page of a nested list for many parents in one statement: a LATERAL
 * join runs the keyset query once per parent, each an index range scan, so the
 * cost follows the page size, not the size of the lists.
 */
export async function fetchChildPages<T extends object>(
  em: EntityManager, spec: ListSpec<T>, request: PageRequest, parentIds: readonly number[],
  totalCount: (parentId: number) => () => Promise<number>,
): Promise<Connection<T>[]> {
  const parent = requireParent(spec as ListSpec<object>);
  const { order, condition } = keysetSql(spec as ListSpec<object>, request);
  const where = allOf([{ sql: `x."${parent}" = p.pid`, bindings: [] }, spec.where, condition]);
  const rows: Record<string, unknown>[] = request.limit === 0 ? [] : await em.execute(
    `select c.* from unnest(?::int[]) as p(pid) cross join lateral (` +
      `select x.* from "${spec.table}" x where ${where.sql} order by ${order} limit ?) c`,
    [intArray(parentIds), ...where.bindings, request.limit + 1],
  );
  const byParent = new Map<number, Record<string, unknown>[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) byParent.get(row[parent] as number)?.push(row);
  return parentIds.map((id) => toConnection(em, spec, request, byParent.get(id)!, totalCount(id)));
}

/** Counts a nested list for many parents in one statement. */
export async function countChildren(
  em: EntityManager, spec: Pick<ListSpec<object>, 'table' | 'parentColumn' | 'where'>, parentIds: readonly number[],
): Promise<number[]> {
  const parent = requireParent(spec);
  const where = allOf([{ sql: `x."${parent}" = any(?::int[])`, bindings: [intArray(parentIds)] }, spec.where]);
  const rows: { pid: number; n: number }[] = await em.execute(
    `select x."${parent}" as pid, count(*)::int as n from "${spec.table}" x where ${where.sql} group by 1`,
    [...where.bindings],
  );
  const counts = new Map(rows.map((r) => [r.pid, r.n]));
  return parentIds.map((id) => counts.get(id) ?? 0);
}

/** Counts a top-level list. */
export async function countAll(em: EntityManager, spec: Pick<ListSpec<object>, 'table' | 'where'>): Promise<number> {
  const where = allOf([spec.where]);
  const [row]: { n: number }[] = await em.execute(`select count(*)::int as n from "${spec.table}" x where ${where.sql}`, [...where.bindings]);
  return row.n;
}

function requireParent(spec: Pick<ListSpec<object>, 'parentColumn'>): string {
  if (!spec.parentColumn) throw new Error('a nested list needs a parentColumn');
  return spec.parentColumn;
}
