/**
 * Two builds of gridkeeper side by side: is a change faster? Each argument is
 * a checkout with its server built (`npm run build`), optionally followed by
 * `|` and Node flags for that server. Both servers run at once on the
 * benchmark database; short bursts of load alternate between them (the order
 * flips every burst), so the machine's drift hits both, and the figures are
 * medians of server CPU per request and of requests per second, with the
 * median of each burst pair's ratio. Half the bursts run with the first
 * build's server started first, half with the second's, and the CPU ratio
 * is the geometric mean of the two halves': the server started first has
 * used 3–26 % more CPU per request than the one started after it, the same
 * build on both sides (2026-12-03), so one start order measures the order.
 * On this noisy machine a CPU ratio within about 0.95–1.06 is no difference.
 * Not part of `npm test`.
 *
 *   npm run bench:builds -- ../gridkeeper-change .        # BuildingHouseholds, Node 22
 *   BENCH_SCENARIOS=BuildingTickets BENCH_BURSTS=30 BENCH_NODES=20 npm run bench:builds -- ../a ../b
 *   npm run bench:builds -- '.|--max-semi-space-size=32' .  # the same build under another Node flag
 */
import path from 'node:path';
import { signToken } from '../../src/auth';
import { toGlobalId } from '../../src/ids';
import { contract } from '../helpers/client';
import { median, runLoad } from './load';
import { scenarios } from './scenarios';
import { BENCH_SECRET, benchDatabase, benchTools, cpuMicros, startGridkeeper, type Server } from './setup';

const BURSTS = Number(process.env.BENCH_BURSTS ?? 20);
const BURST_SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SCENARIO = process.env.BENCH_SCENARIOS ?? 'BuildingHouseholds';

async function main() {
  const builds = process.argv.slice(2);
  if (builds.length !== 2) throw new Error('usage: npm run bench:builds -- <checkout>[|<node flags>] <checkout>[|<node flags>]');
  const { url, ids, stop } = await benchDatabase();
  const node = process.env.BENCH_NODES === '20' ? process.execPath : benchTools().node22;
  const token = await signToken({ sub: toGlobalId('Staff', ids.managerId), role: 'MANAGER', communities: ['LH'] }, new TextEncoder().encode(BENCH_SECRET), '6h');
  const scenario = scenarios(ids).find((s) => s.name.startsWith(SCENARIO));
  if (!scenario) throw new Error(`no scenario ${SCENARIO}`);
  const document = scenario.document ?? contract(scenario.operation);
  const load = (target: string) => () => ({
    url: target, body: JSON.stringify({ query: document, variables: scenario.variables() }),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  // Two halves, the servers started in one order and then in the other (see above).
  const half = Math.ceil(BURSTS / 2);
  const results = builds.map((name) => ({ name, cpu: [] as number[], perSecond: [] as number[] }));
  try {
    for (const order of [[0, 1], [1, 0]]) {
      const servers: { index: number; server: Server }[] = [];
      try {
        for (const index of order) {
          const [dir, flags] = builds[index].split('|');
          const server = await startGridkeeper(url, node, {}, {
            cli: path.resolve(dir, 'dist/src/cli.js'), nodeFlags: flags ? flags.trim().split(/\s+/) : [], name: `build ${index + 1}`,
          });
          servers.push({ index, server });
        }
        for (const { server } of servers) await runLoad(load(server.url), 3, CONCURRENCY); // compile and warm up
        for (let burst = 0; burst < half; burst++) {
          for (const { index, server } of burst % 2 ? [...servers].reverse() : servers) {
            const before = cpuMicros(server.child);
            const result = await runLoad(load(server.url), BURST_SECONDS, CONCURRENCY);
            if (result.errors) throw new Error(`${builds[index]}: ${result.errors} errors`);
            results[index].cpu.push((cpuMicros(server.child) - before) / result.requests);
            results[index].perSecond.push(result.perSecond);
          }
        }
      } finally {
        await Promise.all(servers.map((s) => s.server.stop()));
      }
    }
  } finally {
    await stop();
  }
  const [a, b] = results;
  console.log(`\n${scenario.name}, ${2 * half} bursts of ${BURST_SECONDS} s per build (half with each start order), ${CONCURRENCY} clients, Node ${process.env.BENCH_NODES === '20' ? 20 : 22}, medians\n`);
  console.log('| build | server CPU µs per request | req/s |\n|---|---|---|');
  for (const s of results) console.log(`| ${s.name.replace(/\|/g, '\\|')} | ${median(s.cpu).toFixed(0)} | ${median(s.perSecond).toFixed(0)} |`);
  const ratio = (x: number[], y: number[]) => median(x.map((v, i) => v / y[i]));
  // The start order's effect cancels in the geometric mean of the two halves' medians (the first half: the first build started first).
  const first = ratio(a.cpu.slice(0, half), b.cpu.slice(0, half));
  const second = ratio(a.cpu.slice(half), b.cpu.slice(half));
  console.log(`\nfirst / second, server CPU: ${Math.sqrt(first * second).toFixed(3)} (geometric mean of the medians of burst pairs with `
    + `the first build started first, ${first.toFixed(3)}, and with the second started first, ${second.toFixed(3)}); req/s, median of burst pairs: `
    + `${ratio(a.perSecond, b.perSecond).toFixed(3)}`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
