import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './mikro-orm.config';
import { quietAsyncContext } from './async-context';

/** Opens the ORM; its async contexts are on only while a write runs (async-context.ts). */
export function openOrm(url: string, options: { poolMax?: number } = {}): Promise<MikroORM> {
  quietAsyncContext();
  return MikroORM.init(ormConfig(url, options));
}

/** Creates the database `name` on the server at `serverUrl` unless it exists. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/**
 * True when the database answers and no migration is pending. Once the
 * migrations were found applied they are not checked again (`migrated`):
 * probes come every few seconds, and the check reads the migrations folder.
 */
export async function databaseReady(orm: MikroORM, migrated = false): Promise<boolean> {
  try {
    await orm.em.fork().execute('select 1');
    return migrated || (await orm.getMigrator().getPendingMigrations()).length === 0;
  } catch {
    return false;
  }
}
