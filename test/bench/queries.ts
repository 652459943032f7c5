/**
 * gridkeeper side by side with PostGraphile 4 (a generic GraphQL-over-Postgres
 * engine) over the same demo database: the same data asked for by equivalent
 * queries, rounds alternating between the two servers so machine noise hits
 * both, medians of the rounds reported. Not part of `npm test`.
 *
 *   npm run bench:queries               # 3 rounds of 5 s per scenario and server, 8 clients
 *   BENCH_SECONDS=10 BENCH_ROUNDS=5 BENCH_CONCURRENCY=16 npm run bench:queries
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { signToken } from '../../src/auth';
import { PROJECT_ROOT } from '../../src/config';
import { freePort } from '../../src/db/embedded';
import { toGlobalId } from '../../src/ids';
import { contract } from '../helpers/client';
import { median, runLoad, type LoadResult, type Request } from './load';
import { scenarios } from './scenarios';
import { BENCH_SECRET, benchDatabase, rssMiB, spawnServer, startGridkeeper, terminate, waitFor } from './setup';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

async function main() {
  const { url, ids: known, stop } = await benchDatabase();
  const gridkeeper = await startGridkeeper(url);
  const pgPort = await freePort();
  const postgraphile = spawnServer('postgraphile', [installPostgraphile(), '-c', url, '-p', String(pgPort), '-n', '127.0.0.1', '--disable-query-log'], {});
  try {
    await waitFor(`http://127.0.0.1:${pgPort}/graphql`, 'POST');
    const token = await signToken({ sub: toGlobalId('Staff', known.managerId), role: 'MANAGER', communities: ['LH'] }, new TextEncoder().encode(BENCH_SECRET));
    const gkUrl = gridkeeper.url;
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
    console.log(`\nresident memory after the run: gridkeeper ${rssMiB(gridkeeper.child).toFixed(0)} MiB, PostGraphile ${rssMiB(postgraphile).toFixed(0)} MiB`);
  } finally {
    await Promise.all([gridkeeper.stop(), terminate(postgraphile)]);
    await stop();
  }
}

/**
 * PostGraphile 4 needs graphql 15, so it lives in its own folder with its own
 * lock file (test/bench/postgraphile) and is installed there on first use.
 */
function installPostgraphile(): string {
  const dir = path.join(PROJECT_ROOT, 'test/bench/postgraphile');
  const cli = path.join(dir, 'node_modules/postgraphile/cli.js');
  if (!fs.existsSync(cli)) execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  return cli;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
