/**
 * gridkeeper side by side with PostGraphile 5 (Amber preset), a generic
 * GraphQL-over-Postgres engine, over the same demo database: the same data
 * asked for by equivalent queries (checked equal before anything is timed),
 * each server on the same Node version, Node 20 and then Node 22. Runs of the
 * two servers alternate scenario by scenario, so machine noise hits both;
 * each round's ratio comes from adjacent runs, and the tables show medians.
 * Statements and bytes per request are counted on the wire, by a proxy in
 * front of PostgreSQL, in a pass of their own before the timed rounds: the
 * timed rounds reach the database directly, as a deployment does (through the
 * proxy, which runs in the load generator's process, every round trip took
 * one more hop through a busy event loop, and the proxy's CPU grew with the
 * bytes of each answer). Not part of `npm test`.
 *
 *   npm run bench:queries        # 3 rounds of 5 s per scenario and server, 16 clients, Node 20 and 22
 *   BENCH_SECONDS=10 BENCH_ROUNDS=5 BENCH_CONCURRENCY=16 BENCH_NODES=20 BENCH_SCENARIOS=Ticket,Tickets npm run bench:queries
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { signToken } from '../../src/auth';
import { DATA_DIR } from '../../src/config';
import { toGlobalId } from '../../src/ids';
import { contract } from '../helpers/client';
import { median, runLoad, type LoadResult, type Request } from './load';
import { scenarios, type Scenario } from './scenarios';
import { BENCH_SECRET, benchDatabase, benchTools, cpuMicros, databaseCpuMicros, rssMiB, startGridkeeper, startPostgraphile, type Server } from './setup';
import { StatementCounter } from './wire';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// Five rounds: on this shared machine one round in five or so has one server's CPU inflated by another tenant
// (a ratio of 0.77 between rounds of 1.23-1.41); the median of five is not moved by one such round.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const NODES = (process.env.BENCH_NODES ?? '20,22').split(',').map((v) => v.trim());
/** A comma-separated list of scenario names to run (all when unset). */
const ONLY = process.env.BENCH_SCENARIOS?.split(',').map((v) => v.trim());

/** One timed run of one server on one scenario. */
interface Run extends LoadResult {
  server: 'gridkeeper' | 'postgraphile';
  node: string;
  scenario: string;
  round: number;
  statementsPerRequest: number;
  /** Bytes the database sent per request (rows, mostly). */
  databaseBytesPerRequest: number;
  cpuMicrosPerRequest: number;
  /** CPU of the PostgreSQL processes per request (databaseCpuMicros). */
  databaseCpuMicrosPerRequest: number;
  rssMiB: number;
}

async function main() {
  const { url, ids, stop } = await benchDatabase();
  const tools = benchTools();
  const token = await signToken({ sub: toGlobalId('Staff', ids.managerId), role: 'MANAGER', communities: ['LH'] }, new TextEncoder().encode(BENCH_SECRET), '6h');
  const runs: Run[] = [];
  try {
    for (const version of NODES) {
      const node = version === '22' ? tools.node22 : process.execPath;
      runs.push(...(await compare(url, node, version, ids, token)));
    }
  } finally {
    await stop();
  }
  const file = path.join(DATA_DIR, 'bench', `queries-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ seconds: SECONDS, rounds: ROUNDS, concurrency: CONCURRENCY, runs }, null, 2));
  console.log(`\nraw runs: ${file}`);
}

/** Both servers on one Node binary: statements counted, equal data, then interleaved rounds; prints the table. */
async function compare(url: string, node: string, version: string, ids: Parameters<typeof scenarios>[0], token: string): Promise<Run[]> {
  const all = scenarios(ids).filter((s) => !ONLY || ONLY.some((name) => s.name.startsWith(name)));
  const wire = await countStatements(url, node, all, token);
  const gridkeeper = await startGridkeeper(url, node);
  const postgraphile = await startPostgraphile(url, node);
  const runs: Run[] = [];
  try {
    for (const scenario of all) await checkSame(scenario, gridkeeper, postgraphile, token);
    console.log(`\n### Node ${version}: ${ROUNDS} rounds × ${SECONDS} s per server and scenario, ${CONCURRENCY} clients, medians\n`);
    console.log('| scenario | gridkeeper req/s | PostGraphile 5 req/s | ratio (median of rounds) | gridkeeper p50 / p99 ms | PostGraphile p50 / p99 ms | SQL statements per request | bytes from the database per request | server CPU µs per request | database CPU µs per request | load generator CPU µs per request |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const scenario of all) {
      const measure = async (server: 'gridkeeper' | 'postgraphile', round: number, seconds: number): Promise<Run> => {
        const target = server === 'gridkeeper' ? gridkeeper : postgraphile;
        const next = requests(scenario, server, target, token);
        const [cpu, dbCpu] = [cpuMicros(target.child), databaseCpuMicros()];
        const result = await runLoad(next, seconds, CONCURRENCY);
        const total = result.requests + result.errors;
        return {
          ...result, server, node: version, scenario: scenario.name, round,
          ...wire.get(`${server} ${scenario.name}`)!,
          cpuMicrosPerRequest: (cpuMicros(target.child) - cpu) / Math.max(1, total),
          databaseCpuMicrosPerRequest: (databaseCpuMicros() - dbCpu) / Math.max(1, total),
          rssMiB: rssMiB(target.child),
        };
      };
      await measure('gridkeeper', -1, 1);
      await measure('postgraphile', -1, 1);
      const mine: Run[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        mine.push(await measure('gridkeeper', round, SECONDS), await measure('postgraphile', round, SECONDS));
      }
      runs.push(...mine);
      const gk = mine.filter((r) => r.server === 'gridkeeper');
      const pg = mine.filter((r) => r.server === 'postgraphile');
      const ratio = median(gk.map((r, i) => r.perSecond / pg[i].perSecond));
      const m = (rs: Run[], key: keyof Run) => median(rs.map((r) => r[key] as number));
      const errors = mine.reduce((n, r) => n + r.errors, 0);
      console.log(`| ${scenario.name}${errors ? ` (${errors} errors!)` : ''} | ${m(gk, 'perSecond').toFixed(0)} | ${m(pg, 'perSecond').toFixed(0)} | ${ratio.toFixed(2)} | `
        + `${m(gk, 'p50').toFixed(1)} / ${m(gk, 'p99').toFixed(1)} | ${m(pg, 'p50').toFixed(1)} / ${m(pg, 'p99').toFixed(1)} | `
        + `${m(gk, 'statementsPerRequest').toFixed(1)} / ${m(pg, 'statementsPerRequest').toFixed(1)} | `
        + `${m(gk, 'databaseBytesPerRequest').toFixed(0)} / ${m(pg, 'databaseBytesPerRequest').toFixed(0)} | ${m(gk, 'cpuMicrosPerRequest').toFixed(0)} / ${m(pg, 'cpuMicrosPerRequest').toFixed(0)} | `
        + `${m(gk, 'databaseCpuMicrosPerRequest').toFixed(0)} / ${m(pg, 'databaseCpuMicrosPerRequest').toFixed(0)} | `
        + `${m(gk, 'clientCpuMicrosPerRequest').toFixed(0)} / ${m(pg, 'clientCpuMicrosPerRequest').toFixed(0)} |`);
    }
    console.log(`\nresident memory after the runs: gridkeeper ${rssMiB(gridkeeper.child).toFixed(0)} MiB, PostGraphile ${rssMiB(postgraphile.child).toFixed(0)} MiB`);
  } finally {
    await Promise.all([gridkeeper.stop(), postgraphile.stop()]);
  }
  return runs;
}

/**
 * Statements and bytes from the database per request, by server and scenario:
 * each server runs behind its own counting proxy for a second of load per
 * scenario (after a warm-up, so that statements prepared once are not
 * counted against the first requests), then stops.
 */
async function countStatements(
  url: string, node: string, all: Scenario[], token: string,
): Promise<Map<string, { statementsPerRequest: number; databaseBytesPerRequest: number }>> {
  const counted = new Map<string, { statementsPerRequest: number; databaseBytesPerRequest: number }>();
  for (const server of ['gridkeeper', 'postgraphile'] as const) {
    const { counter, url: proxied } = await StatementCounter.start(url);
    const target = server === 'gridkeeper' ? await startGridkeeper(proxied, node) : await startPostgraphile(proxied, node);
    try {
      for (const scenario of all) {
        const next = requests(scenario, server, target, token);
        await runLoad(next, 1, CONCURRENCY);
        const [statements, bytes] = [counter.statements, counter.bytesFromDatabase];
        const result = await runLoad(next, 1, CONCURRENCY);
        if (result.errors) throw new Error(`${server}, ${scenario.name}: ${result.errors} errors while counting statements`);
        const total = Math.max(1, result.requests);
        counted.set(`${server} ${scenario.name}`, {
          statementsPerRequest: (counter.statements - statements) / total,
          databaseBytesPerRequest: (counter.bytesFromDatabase - bytes) / total,
        });
      }
    } finally {
      await target.stop();
      await counter.stop();
    }
  }
  return counted;
}

/** The request generator of one run: fixed requests, or the scenario's sequence of variables from its start. */
function requests(scenario: Scenario, server: 'gridkeeper' | 'postgraphile', target: Server, token: string): () => Request {
  const query = server === 'gridkeeper' ? documentOf(scenario) : scenario.postgraphile;
  const headers: Record<string, string> = server === 'gridkeeper' ? { authorization: `Bearer ${token}` } : {};
  return () => {
    const variables = scenario.variables();
    return {
      url: target.url,
      body: JSON.stringify({ query, variables: server === 'gridkeeper' ? variables : scenario.postgraphileVariables(variables) }),
      headers,
    };
  };
}

/** Runs a scenario once on each server (a few times for drawn variables) and insists both answer the same data. */
async function checkSame(scenario: Scenario, gridkeeper: Server, postgraphile: Server, token: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const variables = scenario.variables();
    const ask = async (target: Server, body: object, headers: Record<string, string>) => {
      const res = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const json = (await res.json()) as { data?: unknown; errors?: unknown };
      if (json.errors) throw new Error(`${scenario.name}: ${JSON.stringify(json.errors).slice(0, 400)}`);
      return json.data;
    };
    const a = scenario.same.gridkeeper(await ask(gridkeeper, { query: documentOf(scenario), variables }, { authorization: `Bearer ${token}` }));
    const b = scenario.same.postgraphile(await ask(postgraphile, { query: scenario.postgraphile, variables: scenario.postgraphileVariables(variables) }, {}));
    if (!isDeepStrictEqual(a, b)) {
      throw new Error(`${scenario.name}: the two servers answer different data\ngridkeeper:   ${JSON.stringify(a).slice(0, 600)}\nPostGraphile: ${JSON.stringify(b).slice(0, 600)}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/** The document gridkeeper is sent: the scenario's own, else the contract's operation of that name. */
function documentOf(scenario: Scenario): string {
  return scenario.document ?? contract(scenario.operation);
}
