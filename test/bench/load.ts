/** A closed-loop HTTP load generator: `concurrency` clients, each sending its next request when the last one answers. */

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
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
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const request = next();
      const t0 = performance.now();
      try {
        const res = await fetch(request.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...request.headers },
          body: request.body,
        });
        const json = (await res.json()) as { errors?: unknown };
        if (!res.ok || json.errors) throw new Error(JSON.stringify(json.errors ?? res.status).slice(0, 300));
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
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
  };
}
