/**
 * Live delivery at scale: N subscribers (1,000, 5,000, 10,000 by default) on
 * one gridkeeper instance, each its own WebSocket following the contract's
 * TicketEvents for the reference estate, while a writer commits ticket changes
 * through the API. Reports delivery latency from the change's commit
 * timestamp to arrival (p50, p99, over every delivery), the same from the
 * server's side (commit to the frame's write on the socket, from its
 * `gridkeeper_live_delivery_seconds` histogram), events lost (each
 * subscriber must receive every event exactly once), and the server's resident
 * memory per subscriber. Not part of `npm test`.
 *
 *   npm run bench:live
 *   BENCH_SUBSCRIBERS=1000,5000 BENCH_EVENTS=40 BENCH_RATE=4 npm run bench:live
 *
 * Is a change faster? Give checkouts (each with its server built, `npm run
 * build`): at every count each runs in turn, BENCH_REPEAT times, on the same
 * database, so the machine's drift hits all of them.
 *
 *   BENCH_SUBSCRIBERS=10000 BENCH_REPEAT=3 npm run bench:live -- ../gridkeeper-change .
 *
 * Past one instance: BENCH_INSTANCES=1,2,4 runs each count on that many
 * instances over the one database, the subscribers spread evenly over them
 * (as a load balancer would) and the writer on the first; the server-side
 * figures are summed over the instances, memory is per instance.
 *
 *   BENCH_SUBSCRIBERS=10000 BENCH_INSTANCES=1,2 BENCH_REPEAT=3 npm run bench:live
 */
import path from 'node:path';
import WebSocket from 'ws';
import { signToken } from '../../src/auth';
import { toGlobalId } from '../../src/ids';
import { contract, gql } from '../helpers/client';
import { median, percentile } from './load';
import { BENCH_SECRET, benchDatabase, cpuMicros, rssMiB, startGridkeeper, type Server } from './setup';

const COUNTS = (process.env.BENCH_SUBSCRIBERS ?? '1000,5000,10000').split(',').map(Number);
/** Ticket changes committed per run (each a submit then an acknowledge: two events). */
const CHANGES = Number(process.env.BENCH_EVENTS ?? 30);
/** Changes per second the writer aims for. */
const RATE = Number(process.env.BENCH_RATE ?? 3);
/** Checkouts to run side by side (none: this one). */
const BUILDS = process.argv.slice(2);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
/** Instances the subscribers are spread over, per run. */
const INSTANCES = (process.env.BENCH_INSTANCES ?? '1').split(',').map(Number);

interface Subscriber {
  socket: WebSocket;
  cursors: Set<string>;
  duplicates: number;
}

async function main() {
  const { url, ids, stop } = await benchDatabase({ writes: true });
  const token = await signToken({ sub: toGlobalId('Staff', ids.managerId), role: 'MANAGER', communities: ['LH'] }, new TextEncoder().encode(BENCH_SECRET), '2h');
  console.log(`\n${CHANGES} changes (${CHANGES * 2} events) per run at ${RATE} changes/s; latency = arrival − commit timestamp, over every delivery\n`);
  const several = INSTANCES.some((n) => n !== 1);
  const label = BUILDS.length > 0 || several;
  console.log(`| ${label ? 'build, instances | ' : ''}subscribers | events lost | duplicates | p50 ms | p99 ms | max ms | server RSS idle → subscribed (MiB${several ? ', median per instance' : ''}) | per subscriber (KiB) | CPU while delivering: server${several ? 's' : ''} / subscribers (of one core) | server side: commit → written to the socket, p50 / p99 ms |`);
  console.log(`|${label ? '---|' : ''}---|---|---|---|---|---|---|---|---|---|`);
  const runs = COUNTS.flatMap((count) => INSTANCES.flatMap((instances) => Array.from({ length: REPEAT }, () => (BUILDS.length > 0 ? BUILDS : [null])
    .map((build) => ({ count, instances, build }))).flat()));
  for (const { count, instances, build } of runs) {
    const servers: Server[] = [];
    try {
      for (let i = 0; i < instances; i++) {
        servers.push(await startGridkeeper(url, process.execPath, { METRICS_TOKEN }, build === null ? {} : { cli: path.resolve(build, 'dist/src/cli.js'), name: build }));
      }
      await new Promise((r) => setTimeout(r, 1000));
      const idle = median(servers.map((s) => rssMiB(s.child)));
      const latencies: number[] = [];
      const subscribers: Subscriber[] = [];
      for (let i = 0; i < count; i += 250) {
        const batch = await Promise.all(Array.from({ length: Math.min(250, count - i) }, (_, j) => subscribe(servers[(i + j) % instances].url, token, latencies)));
        subscribers.push(...batch);
      }
      await new Promise((r) => setTimeout(r, 2000));
      const subscribed = median(servers.map((s) => rssMiB(s.child)));
      const serversCpu = () => servers.reduce((sum, s) => sum + cpuMicros(s.child), 0);
      latencies.length = 0;

      // Where the time goes while the events flow: the server's and this process's (the subscribers') CPU, as a share of one core.
      const started = Date.now();
      const serverCpu = serversCpu();
      const clientCpu = process.cpuUsage();
      const writtenBefore = await deliveryBuckets(servers);
      const expected = await write(servers[0].url, token, ids.buildingId);
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && subscribers.some((s) => s.cursors.size < expected)) await new Promise((r) => setTimeout(r, 50));
      const elapsedMicros = (Date.now() - started) * 1000;
      await new Promise((r) => setTimeout(r, 200));
      const written = bucketDelta(await deliveryBuckets(servers), writtenBefore);
      const { user, system } = process.cpuUsage(clientCpu);
      const cpu = `${(((serversCpu() - serverCpu) / elapsedMicros) * 100).toFixed(0)} % / ${(((user + system) / elapsedMicros) * 100).toFixed(0)} %`;
      const lost = subscribers.reduce((n, s) => n + Math.max(0, expected - s.cursors.size), 0);
      const duplicates = subscribers.reduce((n, s) => n + s.duplicates, 0);
      latencies.sort((a, b) => a - b);
      const perSubscriber = ((subscribed - idle) * 1024 * instances) / count;
      console.log(`| ${label ? `${build ?? '.'}, ${instances} | ` : ''}${count} | ${lost} | ${duplicates} | ${percentile(latencies, 50).toFixed(0)} | ${percentile(latencies, 99).toFixed(0)} | ${latencies[latencies.length - 1]?.toFixed(0)} | ${idle.toFixed(0)} → ${subscribed.toFixed(0)} | ${perSubscriber.toFixed(1)} | ${cpu} | ${quantile(written, 0.5).toFixed(0)} / ${quantile(written, 0.99).toFixed(0)} |`);
      for (const s of subscribers) s.socket.terminate();
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }
  await stop();
}

const METRICS_TOKEN = 'bench-metrics-token-0123456789';

/** The servers' `gridkeeper_live_delivery_seconds` histograms, summed: cumulative counts by upper bound in ms. */
async function deliveryBuckets(servers: readonly Server[]): Promise<Map<number, number>> {
  const buckets = new Map<number, number>();
  for (const server of servers) {
    const res = await fetch(new URL('/metrics', server.url), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    for (const [, le, count] of (await res.text()).matchAll(/^gridkeeper_live_delivery_seconds_bucket\{le="([^"]+)"\} (\S+)$/gm)) {
      const bound = le === '+Inf' ? Infinity : Number(le) * 1000;
      buckets.set(bound, (buckets.get(bound) ?? 0) + Number(count));
    }
  }
  return buckets;
}

function bucketDelta(after: Map<number, number>, before: Map<number, number>): Map<number, number> {
  return new Map([...after].map(([le, n]) => [le, n - (before.get(le) ?? 0)]));
}

/** A quantile of a cumulative histogram, interpolated linearly inside its bucket (as Prometheus's histogram_quantile). */
function quantile(buckets: Map<number, number>, q: number): number {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Infinity) ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const le of bounds) {
    const count = buckets.get(le)!;
    if (count >= rank) return le === Infinity ? lower : lower + ((le - lower) * (rank - below)) / Math.max(1, count - below);
    lower = le;
    below = count;
  }
  return lower;
}

/** One subscriber: its own socket speaking graphql-transport-ws, recording what arrives. */
function subscribe(httpUrl: string, token: string, latencies: number[]): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    // The subscribers share one process and the machine's two cores with the server: each message is read as
    // cheaply as it can be (no UTF-8 check, the cursor and time taken from the text), so what is measured is the server.
    const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { skipUTF8Validation: true });
    const sub: Subscriber = { socket, cursors: new Set(), duplicates: 0 };
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      const text = String(data);
      if (text.startsWith(NEXT)) {
        const cursor = field(text, '"cursor":"');
        const at = field(text, '"at":"');
        if (cursor === null || at === null) return;
        latencies.push(Date.now() - Date.parse(at));
        if (sub.cursors.has(cursor)) sub.duplicates++;
        sub.cursors.add(cursor);
        return;
      }
      const message = JSON.parse(text);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: contract('TicketEvents'), variables: { filter: { communityCodes: ['LH'] } } } }));
        resolve(sub);
      } else if (message.type === 'error' || message.type === 'next') {
        reject(new Error(text));
      }
    });
    socket.on('error', reject);
  });
}

/** How the server starts every `next` of operation "1". */
const NEXT = '{"id":"1","type":"next","payload":{"data":{"ticketEvents":{';

/** The string value after `key` in a message's text (cursors and timestamps hold no quotes). */
function field(text: string, key: string): string | null {
  const start = text.indexOf(key);
  if (start < 0) return null;
  const end = text.indexOf('"', start + key.length);
  return text.slice(start + key.length, end);
}

/** Commits CHANGES ticket changes at RATE per second; returns how many events that made. */
async function write(httpUrl: string, token: string, buildingId: number): Promise<number> {
  let events = 0;
  const started = Date.now();
  for (let i = 0; i < CHANGES; i++) {
    const wait = started + (i * 1000) / RATE - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const res = await gql(httpUrl, contract('SubmitTicket'), {
      input: { idempotencyKey: `bench-${Date.now()}-${i}`, buildingId: toGlobalId('Building', buildingId), category: 'CLEANING', priority: 'NORMAL', channel: 'PATROL', title: 'Benchmark change' },
    }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    events++;
    const ack = await gql(httpUrl, contract('AcknowledgeTicket'), { input: { ticketId: res.data.submitTicket.ticket.id } }, token);
    if (ack.errors) throw new Error(JSON.stringify(ack.errors));
    events++;
  }
  return events;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
