import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { databaseServer } from '../../src/db/embedded';
import { ensureDatabase } from '../../src/db/orm';
import { DATA_DIR, PROJECT_ROOT } from '../../src/config';

/**
 * One fresh database per test run, built by the real migrations through the
 * real CLI: on the server of DATABASE_URL when set, else on an embedded
 * PostgreSQL in .data/test-pg. Test files share it and seed their own estates.
 */
export default async function globalSetup(): Promise<void> {
  const { serverUrl, stop: stopServer } = await databaseServer(process.env.DATABASE_URL, path.join(DATA_DIR, 'test-pg'));
  const name = `gridkeeper_test_${Date.now()}_${process.pid}`;
  await ensureDatabase(serverUrl, name);
  const databaseUrl = databaseOn(serverUrl, name);
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli.ts', 'migrate'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_DATABASE_SERVER_URL = serverUrl;
  (globalThis as Record<string, unknown>).__gridkeeperTeardown = async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: databaseOn(serverUrl, 'postgres') });
    await client.connect();
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.end();
    await stopServer();
  };
}

/** The URL of database `name` on the server at `serverUrl`, keeping any query parameters. */
export function databaseOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
