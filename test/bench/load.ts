import http from 'node:http';

/**
 * A closed-loop HTTP load generator: `concurrency` clients, each sending its
 * next request when the last one answers, on `node:http` with kept-alive
 * connections. Not `fetch`: on this 2-core machine, where the generator
 * shares the cores with both servers and PostgreSQL, fetch's own work was
 * 700–800 µs of CPU a request (more than either server spent answering a
 * `Ticket` by id), which capped both servers alike and pulled every ratio
 * towards 1; `node:http` costs about 230 µs for the same request and
 * answer. Each run reports what the generator's process spent
 * (`clientCpuMicrosPerRequest`, the statement-counting proxy included).
 */

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  /** CPU time of this process (the generator, and any proxy it runs) per request. */
  clientCpuMicrosPerRequest: number;
}

export interface Request {
  url: string;
  body: string;
  headers?: Record<string, string>;
  /** Throws when a response is not the expected success: errors are counted, never timed as successes. */
  check?: (json: any) => void;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Runs requests from `next()` for `seconds` with `concurrency` clients; latencies in milliseconds. */
export async function runLoad(next: () => Request, seconds: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const request = next();
      const t0 = performance.now();
      try {
        const res = await post(request);
        const json = JSON.parse(res.text) as { errors?: unknown };
        if (res.status !== 200 || json.errors) throw new Error(JSON.stringify(json.errors ?? res.status).slice(0, 300));
        request.check?.(json);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        if (errors === 1) console.error(`  first error: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    clientCpuMicrosPerRequest: (used.user + used.system) / Math.max(1, latencies.length + errors),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const targets = new Map<string, URL>();

/** One POST of `request` (with its length, as browsers and fetch send it), answered as status and text. */
function post(request: Request): Promise<{ status: number; text: string }> {
  let url = targets.get(request.url);
  if (!url) targets.set(request.url, (url = new URL(request.url)));
  const body = Buffer.from(request.body);
  return new Promise((resolve, reject) => {
    const req = http.request({
      agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST',
      // What fetch sent, but its Accept-Language, Sec-Fetch-Mode and User-Agent (no server reads them) and Accept-Encoding (none compresses).
      headers: { 'content-type': 'application/json', accept: '*/*', 'content-length': body.length, ...request.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
