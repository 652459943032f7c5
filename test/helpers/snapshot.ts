import type { TestServer } from './server';
import { sql } from './tickets';

/**
 * Everything in the database, table by table: a failed mutation must leave
 * all of it as it was. Tables are read from the catalog, so a table added
 * later is covered without a change here. Compare snapshots only on a
 * database of the test file's own (`ownDatabase`): other files' servers write
 * to the shared one at any moment.
 */

/** Tables that change without any mutation: the migrations ledger (only `migrate` writes it) and the rate limiter's counters (every request). */
const UNWRITTEN = ['mikro_orm_migrations', 'rate_limit'];

const statements = new WeakMap<TestServer, Promise<string>>();

/** One statement: per table, its row count and an md5 of its rows in primary-key order. */
async function snapshotStatement(t: TestServer): Promise<string> {
  const tables = await sql<{ name: string; key: string | null }>(t, `select c.relname as name,
      (select string_agg(quote_ident(a.attname), ', ' order by k.n)
         from pg_index i cross join unnest(i.indkey) with ordinality as k(attnum, n)
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as key
    from pg_class c join pg_namespace s on s.oid = c.relnamespace
   where s.nspname = 'public' and c.relkind in ('r', 'p') and not (c.relname = any(?::text[]))
   order by c.relname`, [`{${UNWRITTEN.join(',')}}`]);
  if (tables.length < 40) throw new Error(`snapshot: only ${tables.length} tables found`);
  return tables.map(({ name, key }) => {
    const order = key ? key.split(', ').map((column) => `x.${column}`).join(', ') : 'x::text';
    return `select ${quote(name)} as name, count(*)::int as rows, md5(coalesce(string_agg(x::text, E'\\n' order by ${order}), '')) as digest
      from "${name}" x`;
  }).join('\nunion all ');
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Row count and digest of every table that only a write changes, by table name. */
export async function tableSnapshot(t: TestServer): Promise<Record<string, string>> {
  let statement = statements.get(t);
  if (!statement) statements.set(t, (statement = snapshotStatement(t)));
  const rows = await sql<{ name: string; rows: number; digest: string }>(t, await statement);
  return Object.fromEntries(rows.map((r) => [r.name, `${r.rows} rows, md5 ${r.digest}`]));
}
