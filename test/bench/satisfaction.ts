/**
 * Satisfaction figures at the demo scale (~200,000 tickets): the latency of
 * the contract's Satisfaction operation as one integrator sees it, one
 * request at a time, for two years by quarter over all twelve estates and,
 * per grid, for the reference estate; beside it the time of the SQL
 * statement alone, sent straight to PostgreSQL. Not part of `npm test`.
 *
 *   npm run bench:satisfaction
 *   BENCH_REQUESTS=100 BENCH_ROUNDS=5 npm run bench:satisfaction
 */
import { Client } from 'pg';
import { signToken } from '../../src/auth';
import { toGlobalId } from '../../src/ids';
import type { Viewer } from '../../src/access/viewer';
import { figuresStatement } from '../../src/services/satisfaction-sql';
import { contract } from '../helpers/client';
import { median, percentile } from './load';
import { BENCH_SECRET, benchDatabase, startGridkeeper } from './setup';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Scenario {
  name: string;
  filter: { communityCodes: string[]; from: string; to: string; groupBy: 'MONTH' | 'QUARTER' | 'YEAR'; perGrid?: boolean };
  token: string;
  buckets: number;
}

async function main() {
  const { url, ids, stop } = await benchDatabase();
  const db = new Client({ connectionString: url });
  await db.connect();
  const server = await startGridkeeper(url);
  try {
    const estates = (await db.query<{ id: number; code: string }>('select id, code from community order by code')).rows;
    const [{ grids }] = (await db.query(`select count(*)::int as grids from grid where community_id = $1`, [ids.communityId])).rows;
    const secret = new TextEncoder().encode(BENCH_SECRET);
    const integrator = await signToken({ sub: 'bench-integrator', role: 'INTEGRATOR', communities: estates.map((e) => e.code) }, secret, '2h');
    const manager = await signToken({ sub: toGlobalId('Staff', ids.managerId), role: 'MANAGER', communities: ['LH'] }, secret, '2h');
    const twoYears = { from: '2024-01-01', to: '2025-12-31' } as const;
    const scenarios: Scenario[] = [
      { name: `all ${estates.length} estates, 2024–2025 by quarter`, token: integrator, buckets: estates.length * 8,
        filter: { communityCodes: estates.map((e) => e.code), ...twoYears, groupBy: 'QUARTER' } },
      { name: `LH per grid (${grids} grids), 2024–2025 by quarter`, token: manager, buckets: grids * 8,
        filter: { communityCodes: ['LH'], ...twoYears, groupBy: 'QUARTER', perGrid: true } },
      { name: `all ${estates.length} estates, 2024–2025 by month`, token: integrator, buckets: estates.length * 24,
        filter: { communityCodes: estates.map((e) => e.code), ...twoYears, groupBy: 'MONTH' } },
    ];
    const viewer = { role: 'INTEGRATOR', scope: new Set(estates.map((e) => e.id)), scopeIds: estates.map((e) => e.id).sort((a, b) => a - b) } as unknown as Viewer;

    console.log(`\n${ROUNDS} rounds × ${REQUESTS} requests per scenario, one at a time; medians of the rounds (ms)\n`);
    console.log('| request | buckets | HTTP p50 | HTTP p90 | SQL statement alone p50 |');
    console.log('|---|---|---|---|---|');
    for (const scenario of scenarios) {
      const body = JSON.stringify({ query: contract('Satisfaction'), variables: { filter: scenario.filter } });
      const send = () => request(server.url, body, scenario.token, scenario.buckets);
      const statement = figuresStatement(scenario.filter.perGrid ? { ...viewer, scope: new Set([ids.communityId]), scopeIds: [ids.communityId] } : viewer, {
        codes: scenario.filter.communityCodes, from: scenario.filter.from, to: scenario.filter.to, unit: scenario.filter.groupBy,
        periods: scenario.buckets / (scenario.filter.perGrid ? grids : estates.length), perGrid: Boolean(scenario.filter.perGrid),
      });
      let n = 0;
      const text = statement.sql.replace(/\?/g, () => `$${++n}`);
      const query = async () => { const t0 = performance.now(); await db.query(text, statement.bindings as unknown[]); return performance.now() - t0; };
      for (let i = 0; i < 5; i++) { await send(); await query(); }
      const p50: number[] = [];
      const p90: number[] = [];
      const sql: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const http: number[] = [];
        const alone: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          http.push(await send());
          alone.push(await query());
        }
        http.sort((a, b) => a - b);
        p50.push(percentile(http, 50));
        p90.push(percentile(http, 90));
        sql.push(median(alone));
      }
      console.log(`| ${scenario.name} | ${scenario.buckets} | ${median(p50).toFixed(0)} | ${median(p90).toFixed(0)} | ${median(sql).toFixed(0)} |`);
    }
  } finally {
    await server.stop();
    await db.end();
    await stop();
  }
}

/** One request; its latency in ms. Throws unless it answered every bucket without an error. */
async function request(url: string, body: string, token: string, buckets: number): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const json = (await res.json()) as { data?: { satisfaction?: unknown[] }; errors?: unknown };
  const ms = performance.now() - t0;
  if (json.errors || json.data?.satisfaction?.length !== buckets) {
    throw new Error(`expected ${buckets} buckets, got ${JSON.stringify(json.errors ?? json.data?.satisfaction?.length).slice(0, 300)}`);
  }
  return ms;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
