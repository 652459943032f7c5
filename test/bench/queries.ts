/**
 * gridkeeper side by side with PostGraphile 4 (a generic GraphQL-over-Postgres
 * engine) over the same demo database: the same data asked for by equivalent
 * queries, rounds alternating between the two servers so machine noise hits
 * both, medians of the rounds reported. Not part of `npm test`.
 *
 *   npm run bench                      # 3 rounds of 5 s per scenario and server, 8 clients
 *   BENCH_SECONDS=10 BENCH_ROUNDS=5 BENCH_CONCURRENCY=16 npm run bench
 *
 * Uses DATABASE_URL's server when set (database gridkeeper_bench), else an
 * embedded PostgreSQL in .data/bench-pg; the database is seeded once and reused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { signToken } from '../../src/auth';
import { DATA_DIR, PROJECT_ROOT } from '../../src/config';
import { freePort, startEmbeddedPostgres } from '../../src/db/embedded';
import { ensureDatabase } from '../../src/db/orm';
import { toGlobalId } from '../../src/ids';
import { contract } from '../helpers/client';
import { median, runLoad, type LoadResult, type Request } from './load';
import { scenarios, type Ids } from './scenarios';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECRET = 'bench-secret-bench-secret-bench-secret';
const TSX = path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs');

async function main() {
  const { serverUrl, stop } = await databaseServer();
  const url = `${serverUrl}/gridkeeper_bench`;
  await ensureDatabase(serverUrl, 'gridkeeper_bench');
  await cli(['migrate'], url);
  const ids = await lookUpIds(url);
  if (!ids) {
    console.log('seeding the demo data (once)…');
    await cli(['seed'], url);
  }
  const known = ids ?? (await lookUpIds(url))!;
  const gkPort = await freePort();
  const pgPort = await freePort();
  const gridkeeper = spawnServer('gridkeeper', ['--import', 'tsx', 'src/cli.ts', 'start'], { DATABASE_URL: url, PORT: String(gkPort), LOG_LEVEL: 'warn', JWT_SECRET: SECRET, NODE_ENV: 'production' });
  const postgraphile = spawnServer('postgraphile', [path.join(PROJECT_ROOT, 'node_modules/postgraphile/cli.js'), '-c', url, '-p', String(pgPort), '-n', '127.0.0.1', '--disable-query-log', '--no-ignore-rbac', '--no-server'], {});
  try {
    await waitFor(`http://127.0.0.1:${gkPort}/readyz`, 'GET');
    await waitFor(`http://127.0.0.1:${pgPort}/graphql`, 'POST');
    const token = await signToken({ sub: toGlobalId('Staff', known.managerId), role: 'MANAGER', communities: ['LH'] }, new TextEncoder().encode(SECRET));
    const gkUrl = `http://127.0.0.1:${gkPort}/graphql`;
    const pgUrl = `http://127.0.0.1:${pgPort}/graphql`;
    console.log(`\n${ROUNDS} rounds × ${SECONDS} s per server and scenario, ${CONCURRENCY} concurrent clients; medians of the rounds\n`);
    console.log('| scenario | gridkeeper req/s | PostGraphile req/s | throughput ratio | gridkeeper p50 / p99 ms | PostGraphile p50 / p99 ms |');
    console.log('|---|---|---|---|---|---|');
    for (const scenario of scenarios(known)) {
      const gk: Request = { url: gkUrl, body: JSON.stringify({ query: contract(scenario.operation), variables: scenario.variables }), headers: { authorization: `Bearer ${token}` }, check: scenario.checkGridkeeper };
      const pg: Request = { url: pgUrl, body: JSON.stringify({ query: scenario.postgraphile, variables: scenario.postgraphileVariables }), check: scenario.checkPostgraphile };
      await runLoad(() => gk, 1, CONCURRENCY);
      await runLoad(() => pg, 1, CONCURRENCY);
      const a: LoadResult[] = [];
      const b: LoadResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        a.push(await runLoad(() => gk, SECONDS, CONCURRENCY));
        b.push(await runLoad(() => pg, SECONDS, CONCURRENCY));
      }
      const rate = (r: LoadResult[]) => median(r.map((x) => x.perSecond));
      const lat = (r: LoadResult[]) => `${median(r.map((x) => x.p50)).toFixed(1)} / ${median(r.map((x) => x.p99)).toFixed(1)}`;
      const errors = [...a, ...b].reduce((n, r) => n + r.errors, 0);
      console.log(`| ${scenario.name}${errors ? ` (${errors} errors!)` : ''} | ${rate(a).toFixed(0)} | ${rate(b).toFixed(0)} | ${(rate(a) / rate(b)).toFixed(2)} | ${lat(a)} | ${lat(b)} |`);
    }
    console.log(`\nresident memory after the run: gridkeeper ${rssMb(gridkeeper)} MB, PostGraphile ${rssMb(postgraphile)} MB`);
  } finally {
    gridkeeper.kill('SIGTERM');
    postgraphile.kill('SIGTERM');
    await Promise.all([exited(gridkeeper), exited(postgraphile)]);
    await stop();
  }
}

async function databaseServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '';
    return { serverUrl: u.toString().replace(/\/$/, ''), stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres(path.join(DATA_DIR, 'bench-pg'));
  return { serverUrl: embedded.serverUrl, stop: embedded.stop };
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

function spawnServer(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  return child;
}

async function waitFor(url: string, method: 'GET' | 'POST'): Promise<void> {
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

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

function rssMb(child: ChildProcess): string {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return (Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024).toFixed(0);
  } catch {
    return '?';
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
