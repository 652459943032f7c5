/**
 * Writes under load: the contract's `SubmitTicket`, the ticket moves
 * (`AcknowledgeTicket`, `StartTicket`, `ResolveTicket`) and `RaiseEmergency`
 * at 16 concurrent clients, with everything a write does in production: the
 * row, its event, the event log entry under the log lock, and the notify that
 * wakes every instance's subscribers. Then the same on two instances over the
 * one database, to show how far the log lock (which makes every append wait
 * for the one before it to commit, on every instance) lets writes grow.
 * Medians of rounds; statements per request counted on the wire. Runs last in
 * `npm run bench`: the emergencies it raises miss their on-scene target 15
 * minutes later, and the servers that are up then do that work. Not part of
 * `npm test`.
 *
 *   npm run bench:writes
 *   BENCH_SECONDS=10 BENCH_ROUNDS=5 BENCH_INSTANCES=1,2,4 npm run bench:writes
 */
import fs from 'node:fs';
import path from 'node:path';
import { signToken } from '../../src/auth';
import { DATA_DIR } from '../../src/config';
import { toGlobalId } from '../../src/ids';
import { contract } from '../helpers/client';
import { median, runLoad, type LoadResult, type Request } from './load';
import { BENCH_SECRET, benchDatabase, cpuMicros, query, startGridkeeper, type Server } from './setup';
import { StatementCounter } from './wire';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const INSTANCES = (process.env.BENCH_INSTANCES ?? '1,2').split(',').map(Number);

const MOVES = ['AcknowledgeTicket', 'StartTicket', 'ResolveTicket'] as const;

interface Run extends LoadResult { instances: number; scenario: string; round: number; statementsPerRequest: number; cpuMicrosPerRequest: number }

async function main() {
  const { url, ids, stop } = await benchDatabase({ writes: true });
  const token = await signToken({ sub: toGlobalId('Staff', ids.managerId), role: 'MANAGER', communities: ['LH'] }, new TextEncoder().encode(BENCH_SECRET), '6h');
  const dispatcherToken = await signToken({ sub: toGlobalId('Staff', await dispatcherOf(url, ids.communityId)), role: 'DISPATCHER', communities: ['LH'] },
    new TextEncoder().encode(BENCH_SECRET), '6h');
  const households = (await query(url, 'select id from household where community_id = $1 order by id', [ids.communityId])).map((r) => Number(r.id));
  const buildings = (await query(url, 'select id from building where community_id = $1 order by id', [ids.communityId])).map((r) => Number(r.id));
  const runs: Run[] = [];
  console.log(`\n${ROUNDS} rounds × ${SECONDS} s per scenario, ${CONCURRENCY} clients spread evenly over the instances, medians\n`);
  console.log('| instances | scenario | req/s | p50 / p99 ms | SQL statements per request | server CPU µs per request (all instances) |');
  console.log('|---|---|---|---|---|---|');
  try {
    for (const count of INSTANCES) {
      const wire = await StatementCounter.start(url);
      const servers: Server[] = [];
      try {
        // Emergencies raised here would escalate two minutes later, on these servers or under the next benchmark:
        // their acknowledgement window is a day here, so what is measured is the writes alone.
        for (let i = 0; i < count; i++) servers.push(await startGridkeeper(wire.url, process.execPath, { DISPATCH_ACK_TIMEOUT_SECONDS: '86400' }));
        let n = 0;
        const nextUrl = () => servers[n++ % servers.length].url;
        /** Tickets submitted so far, each with the move it is ready for. */
        const ready: { id: string; move: number }[] = [];
        const scenarios: [string, () => Request][] = [
          ['SubmitTicket', () => ({
            url: nextUrl(), headers: { authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: contract('SubmitTicket'), variables: { input: {
              idempotencyKey: `bench-${process.pid}-${Date.now()}-${Math.random()}`, householdId: toGlobalId('Household', households[Math.floor(Math.random() * households.length)]),
              category: 'PLUMBING', priority: 'NORMAL', channel: 'HOTLINE', title: 'Dripping tap', description: 'Kitchen tap drips through the night.',
            } } }),
            check: (json) => { ready.push({ id: json.data.submitTicket.ticket.id, move: 0 }); },
          })],
          ['ticket moves (acknowledge, start, resolve)', () => {
            const ticket = ready.shift();
            if (!ticket) throw new Error('no submitted ticket left to move: run SubmitTicket longer');
            return {
              url: nextUrl(), headers: { authorization: `Bearer ${token}` },
              body: JSON.stringify({ query: contract(MOVES[ticket.move]), variables: { input: { ticketId: ticket.id } } }),
              check: () => { if (ticket.move + 1 < MOVES.length) ready.push({ id: ticket.id, move: ticket.move + 1 }); },
            };
          }],
          ['RaiseEmergency', () => ({
            url: nextUrl(), headers: { authorization: `Bearer ${dispatcherToken}` },
            body: JSON.stringify({ query: contract('RaiseEmergency'), variables: { input: {
              idempotencyKey: `bench-${process.pid}-${Date.now()}-${Math.random()}`, incidentType: 'WATER_LEAK',
              buildingId: toGlobalId('Building', buildings[Math.floor(Math.random() * buildings.length)]),
            } } }),
          })],
        ];
        await runLoad(scenarios[0][1], 1, CONCURRENCY);
        for (const [scenario, next] of scenarios) {
          const mine: Run[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            const [statements, cpu] = [wire.counter.statements, servers.reduce((s, x) => s + cpuMicros(x.child), 0)];
            const result = await runLoad(next, SECONDS, CONCURRENCY);
            const total = Math.max(1, result.requests + result.errors);
            mine.push({
              ...result, instances: count, scenario, round,
              statementsPerRequest: (wire.counter.statements - statements) / total,
              cpuMicrosPerRequest: (servers.reduce((s, x) => s + cpuMicros(x.child), 0) - cpu) / total,
            });
          }
          runs.push(...mine);
          const m = (key: keyof Run) => median(mine.map((r) => r[key] as number));
          const errors = mine.reduce((e, r) => e + r.errors, 0);
          console.log(`| ${count} | ${scenario}${errors ? ` (${errors} errors!)` : ''} | ${m('perSecond').toFixed(0)} | ${m('p50').toFixed(1)} / ${m('p99').toFixed(1)} | `
            + `${m('statementsPerRequest').toFixed(1)} | ${m('cpuMicrosPerRequest').toFixed(0)} |`);
        }
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
        await wire.counter.stop();
      }
    }
  } finally {
    await stop();
  }
  const file = path.join(DATA_DIR, 'bench', `writes-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ seconds: SECONDS, rounds: ROUNDS, concurrency: CONCURRENCY, runs }, null, 2));
  console.log(`\nraw runs: ${file}`);
}

async function dispatcherOf(url: string, communityId: number): Promise<number> {
  const [row] = await query(url, `select id from staff where community_id = $1 and role = 'DISPATCHER' order by id limit 1`, [communityId]);
  return Number(row.id);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
