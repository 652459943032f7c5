import type { Knex } from '@mikro-orm/postgresql';

/*
 * Set-based inserts for large seed tables: one statement per batch takes every
 * column as a single PostgreSQL array and unnests them back into rows, so a
 * batch of thousands of rows costs one round trip and one parse. Batches are
 * pipelined: the next one is assembled while the server inserts the last.
 */

export type Cell = string | number | null;

/** Escapes that JSON and PostgreSQL array literals read differently (control characters). */
const JSON_ONLY_ESCAPE = /\\(?:[bfnrt]|u[0-9a-fA-F]{4})/;

/**
 * A column's values as a PostgreSQL array literal. JSON's array syntax is one
 * step away (quotes and backslashes are escaped the same way, an unquoted null
 * reads as NULL) and JSON.stringify is native, so that is the fast path; text
 * with control characters, which JSON escapes differently, takes the slow one.
 */
export function pgArray(values: readonly Cell[]): string {
  const json = JSON.stringify(values);
  if (!JSON_ONLY_ESCAPE.test(json)) return `{${json.slice(1, -1)}}`;
  const parts = values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, '\\$&')}"`));
  return `{${parts.join(',')}}`;
}

/**
 * Columns of a table to fill. `epoch` columns are sent as whole seconds since
 * the epoch, which the server converts far faster than it parses timestamp text.
 */
export type ColumnSpec = readonly (readonly [name: string, type: 'int' | 'bigint' | 'smallint' | 'text' | 'boolean' | 'epoch'])[];

/** Rows collected column by column and written `insert … select unnest(…), …`, a batch at a time. */
export class BulkWriter {
  private readonly columns: Cell[][];
  private readonly sql: string;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  /** Rows sent so far. */
  rows = 0;

  constructor(private readonly trx: Knex.Transaction, table: string, spec: ColumnSpec) {
    this.columns = spec.map(() => []);
    // One unnest per column in the select list: they advance in lockstep, and unlike the
    // multi-argument unnest in FROM nothing is materialised first (several times faster).
    const arrays = spec.map(([, type], i) => `unnest(?::${type === 'epoch' ? 'bigint' : type}[]) as c${i}`).join(', ');
    const values = spec.map(([, type], i) => (type === 'epoch' ? `to_timestamp(c${i})` : `c${i}`));
    this.sql = `insert into "${table}" (${spec.map(([name]) => `"${name}"`).join(', ')})
      select ${values.join(', ')} from (select ${arrays}) as u`;
  }

  /** Appends one row, values in the order of the spec. */
  push(...row: Cell[]): void {
    for (let i = 0; i < row.length; i++) this.columns[i]!.push(row[i]!);
  }

  /** Rows collected since the last send. */
  get pending(): number {
    return this.columns[0]!.length;
  }

  /**
   * Sends the collected rows once the previous batch is done, and returns as
   * soon as they are on the wire, so the caller can assemble the next batch
   * meanwhile. Rows reach the table in the order they were collected.
   */
  async send(): Promise<void> {
    if (this.pending === 0) return;
    this.rows += this.pending;
    const params = this.columns.map(pgArray);
    for (const column of this.columns) column.length = 0;
    await this.settle();
    // Handled at once so a failure surfaces at the next send or finish, not as an unhandled rejection.
    this.inFlight = Promise.resolve(this.trx.raw(this.sql, params)).then(() => {}, (error) => { this.failure = error; });
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Sends what is left and waits until every batch is in. */
  async finish(): Promise<void> {
    await this.send();
    await this.settle();
  }

  private async settle(): Promise<void> {
    await this.inFlight;
    if (this.failure !== null) throw this.failure;
  }
}

/**
 * Runs `load` with PostgreSQL's per-row triggers off, when the role may turn
 * them off (superusers, as the embedded and usual development servers are),
 * and then checks every foreign key of `tables` with one anti-join each, as
 * ALTER TABLE … VALIDATE CONSTRAINT would. Foreign keys are enforced by
 * triggers that run a lookup per inserted row; for a million rows that is most
 * of the load's time, and one set-based check is a fraction of it. This is what
 * pg_restore does with --disable-triggers. Without the privilege the load just
 * runs with the triggers on. CHECK, NOT NULL and unique constraints apply either way.
 */
export async function withBulkChecks<T>(trx: Knex.Transaction, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const rows = async (sql: string, bindings: Knex.RawBinding[] = []) =>
    ((await trx.raw(sql, bindings)) as { rows: Record<string, any>[] }).rows;
  const [{ allowed, previous }] = await rows(`select current_setting('is_superuser') = 'on' as allowed,
    current_setting('session_replication_role') as previous`) as [{ allowed: boolean; previous: string }];
  if (!allowed) return load();
  // Local to the transaction: a failure rolls the setting back with everything else.
  await rows(`select set_config('session_replication_role', 'replica', true)`);
  const result = await load();
  await rows(`select set_config('session_replication_role', ?, true)`, [previous]);

  const checks = await rows(
    `select c.conname as name, format('select count(*)::int as n from %s c where %s and not exists (select 1 from %s p where %s)',
        c.conrelid::regclass,
        (select string_agg(format('c.%I is not null', a.attname), ' and ')
           from unnest(c.conkey) k(n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n),
        c.confrelid::regclass,
        (select string_agg(format('p.%I = c.%I', pa.attname, ca.attname), ' and ')
           from unnest(c.conkey, c.confkey) k(n, m)
           join pg_attribute ca on ca.attrelid = c.conrelid and ca.attnum = k.n
           join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = k.m)) as sql
       from pg_constraint c where c.contype = 'f' and c.conrelid = any(?::regclass[]) order by c.conname`,
    [tables as string[]],
  );
  for (const check of checks) {
    const [{ n }] = await rows(check.sql) as [{ n: number }];
    if (n > 0) throw new Error(`bulk load broke foreign key ${check.name} in ${n} row(s)`);
  }
  return result;
}
