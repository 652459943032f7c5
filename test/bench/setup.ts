import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DATA_DIR, PROJECT_ROOT } from '../../src/config';
import { databaseServer, freePort } from '../../src/db/embedded';
import { ensureDatabase } from '../../src/db/orm';

/** What the benchmarks share: a seeded database, servers as child processes, their memory. */

export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret';
const TSX = path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface Ids {
  communityId: number;
  buildingId: number;
  managerId: number;
}

/**
 * The benchmark database (gridkeeper_bench) on DATABASE_URL's server when set,
 * else on an embedded PostgreSQL in .data/bench-pg; migrated every time,
 * seeded with the demo data once.
 */
export async function benchDatabase(): Promise<{ url: string; ids: Ids; stop: () => Promise<void> }> {
  const { serverUrl, stop } = await databaseServer(process.env.DATABASE_URL, path.join(DATA_DIR, 'bench-pg'));
  const url = `${serverUrl}/gridkeeper_bench`;
  await ensureDatabase(serverUrl, 'gridkeeper_bench');
  await cli(['migrate'], url);
  let ids = await lookUpIds(url);
  if (!ids) {
    console.log('seeding the demo data (once)…');
    await cli(['seed'], url);
    ids = (await lookUpIds(url))!;
  }
  return { url, ids, stop };
}

/** Row ids the scenarios need; null while the database holds no estates. */
async function lookUpIds(url: string): Promise<Ids | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const community = await client.query(`select id from community where code = 'LH'`);
    if (community.rowCount === 0) return null;
    const [building] = (await client.query(
      `select b.id from building b join community c on c.id = b.community_id where c.code = 'LH'
       order by (select count(*) from ticket t where t.building_id = b.id) desc, b.id limit 1`)).rows;
    const [manager] = (await client.query(`select id from staff where community_id = $1 and role = 'MANAGER' order by id limit 1`, [community.rows[0].id])).rows;
    return { communityId: community.rows[0].id, buildingId: building.id, managerId: manager.id };
  } finally {
    await client.end();
  }
}

function cli(args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, 'src/cli.ts', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited with ${code}`))));
  });
}

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** gridkeeper as one node process (no tsx launcher in between, so its memory is its own). */
export async function startGridkeeper(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawnServer('gridkeeper', ['--import', 'tsx', 'src/cli.ts', 'start'], {
    DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', JWT_SECRET: BENCH_SECRET, NODE_ENV: 'production',
    // Production settings, but the per-caller rate limit off: the benchmarks measure the server, not the limiter.
    RATE_LIMIT_POINTS: '0',
  });
  await waitFor(`http://127.0.0.1:${port}/readyz`, 'GET');
  return { url: `http://127.0.0.1:${port}/graphql`, child, stop: () => terminate(child) };
}

export function spawnServer(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  return child;
}

export async function waitFor(url: string, method: 'GET' | 'POST'): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(url, method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

export function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  return exited;
}

/** Resident memory of a process in MiB, from /proc. */
export function rssMiB(child: ChildProcess): number {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}
