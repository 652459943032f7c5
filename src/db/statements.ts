import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Reads as prepared statements. The ORM's `execute` writes every value into
 * the SQL text and sends it as a simple query, so PostgreSQL parses and plans
 * each request's statements anew, and no two requests share a text. The reads
 * here are few shapes with many values: sent with their values as parameters
 * and under a name per text, each connection parses and plans a shape once and
 * then only binds and runs it. On the busiest page that halves the database's
 * time per request.
 *
 * Names are kept for the first MAX_NAMED texts a process sees (each
 * connection holds the statements it prepared until it closes); texts past
 * that are still sent with parameters, unnamed.
 */

const MAX_NAMED = 2000;
const texts = new Map<string, { text: string; name?: string }>();

/** Where the `?` placeholders are, outside quoted text and names. */
function placeholders(sql: string): number[] {
  const found: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '?') found.push(i);
  }
  return found;
}

/** `?` placeholders (outside quotes) as `$1`, `$2`, ... */
export function numbered(sql: string): string {
  let out = '';
  let from = 0;
  placeholders(sql).forEach((at, n) => {
    out += `${sql.slice(from, at)}$${n + 1}`;
    from = at + 1;
  });
  return out + sql.slice(from);
}

const singles = new Map<string, string | null>();
const BATCHED = [
  { array: 'any(?::bigint[])', one: '?::bigint' },
  { array: 'any(?::int[])', one: '?::int' },
  { array: 'any(?::text[])', one: '?::text' },
  { array: 'unnest(?::int[]) with ordinality as u(pid, ord)', one: '(values (?::int, 1::bigint)) as u(pid, ord)' },
];

/**
 * A batched statement for a single key: its batch placeholder (the one after
 * the `leading` ones), written `x = any(?::int[])` or as an `unnest`, becomes
 * a plain value. PostgreSQL never settles on a generic plan for a statement
 * whose parameter is an array (it cannot tell its length), so it planned the
 * array form anew at every execution: a third of the database's time for a
 * ticket by id. The scalar form is planned once per connection. Null when the
 * placeholder is none of these forms (the array form is sent then).
 */
export function singleKey(sql: string, leading: number): string | null {
  const cacheKey = `${leading}\u0000${sql}`;
  let single = singles.get(cacheKey);
  if (single !== undefined) return single;
  single = null;
  const at = placeholders(sql)[leading];
  const form = at === undefined ? undefined : BATCHED.find((f) => sql.startsWith(f.array, at - f.array.indexOf('?')));
  if (form) {
    const start = at - form.array.indexOf('?');
    const equals = form.array.startsWith('any(') && sql.slice(Math.max(0, start - 2), start) === '= ';
    if (!form.array.startsWith('any(') || equals) single = sql.slice(0, start) + form.one + sql.slice(start + form.array.length);
  }
  if (singles.size < 2000) singles.set(cacheKey, single);
  return single;
}

const reads = new Map<string, boolean>();

/** A statement that only reads: a select, or a with whose parts are selects. */
export function isRead(sql: string): boolean {
  let known = reads.get(sql);
  if (known === undefined) {
    known = /^\s*(select|with)\b/i.test(sql) && !/\b(insert|update|delete|merge|for\s+update|for\s+share|nextval|setval|pg_advisory)/i.test(sql);
    if (reads.size < MAX_NAMED) reads.set(sql, known);
  }
  return known;
}

function statementOf(sql: string): { text: string; name?: string } {
  const known = texts.get(sql);
  if (known) return known;
  if (texts.size >= MAX_NAMED) return { text: numbered(sql) };
  const statement = { text: numbered(sql), name: `gk_${crypto.createHash('sha1').update(sql).digest('hex').slice(0, 24)}` };
  texts.set(sql, statement);
  return statement;
}

interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}
interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
}

/**
 * Runs a read on a pooled connection as a prepared statement; the rows come
 * back as `em.execute` gives them (the ORM's type parsers are pg's, set once
 * per process). Inside a transaction, the transaction's own connection runs it.
 */
export async function read<T = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  if (em.getTransactionContext()) return em.execute(sql, params as unknown[]);
  const client = (em.getConnection().getKnex().client as unknown as KnexClient);
  const { text, name } = statementOf(sql);
  const connection = await client.acquireConnection();
  try {
    const result = await connection.query({ name, text, values: params as unknown[] });
    return result.rows as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}
