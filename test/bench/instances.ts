/**
 * Reads past one instance: the contract's `BuildingTickets` and `Ticket` by
 * random id on one, two and four gridkeeper instances over the one
 * PostgreSQL, the clients spread evenly over them (as a load balancer would).
 * Instances share nothing but the database, so read throughput grows with
 * them until the database, or the cores they share, is the limit. Medians of
 * rounds. Not part of `npm test`.
 *
 *   npm run bench:instances
 *   BENCH_INSTANCES=1,2,4 BENCH_SECONDS=10 BENCH_ROUNDS=3 npm run bench:instances
 */
import os from 'node:os';
import { signToken } from '../../src/auth';
import { toGlobalId } from '../../src/ids';
import { contract } from '../helpers/client';
import { median, runLoad } from './load';
import { scenarios } from './scenarios';
import { BENCH_SECRET, benchDatabase, cpuMicros, rssMiB, startGridkeeper, type Server } from './setup';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const INSTANCES = (process.env.BENCH_INSTANCES ?? '1,2,4').split(',').map(Number);
const NAMES = ['BuildingTickets', 'Ticket by id'];

async function main() {
  const { url, ids, stop } = await benchDatabase();
  const token = await signToken({ sub: toGlobalId('Staff', ids.managerId), role: 'MANAGER', communities: ['LH'] }, new TextEncoder().encode(BENCH_SECRET), '6h');
  const chosen = scenarios(ids).filter((s) => NAMES.some((n) => s.name.startsWith(n)));
  console.log(`\n${ROUNDS} rounds × ${SECONDS} s, ${CONCURRENCY} clients spread over the instances, ${os.cpus().length} cores shared by the instances, PostgreSQL and the load generator; medians\n`);
  console.log('| scenario | instances | req/s | × one instance | p50 / p99 ms | server CPU µs per request (all instances) | RSS per instance MiB |');
  console.log('|---|---|---|---|---|---|---|');
  try {
    const base = new Map<string, number>();
    for (const count of INSTANCES) {
      const servers: Server[] = [];
      try {
        for (let i = 0; i < count; i++) servers.push(await startGridkeeper(url));
        for (const scenario of chosen) {
          let n = 0;
          const next = () => ({
            url: servers[n++ % servers.length].url, headers: { authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: contract(scenario.operation), variables: scenario.variables() }),
          });
          await runLoad(next, 1, CONCURRENCY);
          const runs = [];
          for (let round = 0; round < ROUNDS; round++) {
            const cpu = servers.reduce((s, x) => s + cpuMicros(x.child), 0);
            const result = await runLoad(next, SECONDS, CONCURRENCY);
            runs.push({ ...result, cpu: (servers.reduce((s, x) => s + cpuMicros(x.child), 0) - cpu) / Math.max(1, result.requests) });
          }
          const perSecond = median(runs.map((r) => r.perSecond));
          if (!base.has(scenario.name)) base.set(scenario.name, perSecond);
          const errors = runs.reduce((e, r) => e + r.errors, 0);
          console.log(`| ${scenario.name.split(' (')[0]}${errors ? ` (${errors} errors!)` : ''} | ${count} | ${perSecond.toFixed(0)} | ${(perSecond / base.get(scenario.name)!).toFixed(2)} | `
            + `${median(runs.map((r) => r.p50)).toFixed(1)} / ${median(runs.map((r) => r.p99)).toFixed(1)} | ${median(runs.map((r) => r.cpu)).toFixed(0)} | `
            + `${median(servers.map((s) => rssMiB(s.child))).toFixed(0)} |`);
        }
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
