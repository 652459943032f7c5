import { ConfigError, loadConfig } from '../src/config';
import { EventBus } from '../src/events/bus';
import { createLogger } from '../src/logger';
import { MAX_OPERATION_LABELS, Metrics } from '../src/metrics';
import { contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { follow } from './helpers/live';
import { managerToken, startTestServer, testDatabaseUrl, type TestServer } from './helpers/server';
import { bearer, connect } from './helpers/ws';

const TOKEN = 'metrics-token-0123456789';
let t: TestServer;
let estate: Estate;
let manager: string;

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 2 });
  manager = await managerToken(t, estate);
});
afterAll(() => t.close());

const metricsUrl = (server: TestServer) => new URL('/metrics', server.url).toString();

/** Every sample of the exposition, keyed `name{labels}` exactly as printed. */
async function scrape(server = t, headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const res = await fetch(metricsUrl(server), { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*(?:\{.*\})?) (\S+)$/.exec(line);
    if (match) samples.set(match[1], Number(match[2]));
  }
  return samples;
}

/** Scrapes until `sample` has `value` (gauges follow sockets that open and close asynchronously). */
async function until(sample: string, value: number, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  let last: number | undefined;
  while (Date.now() < deadline) {
    last = (await scrape()).get(sample);
    if (last === value) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${sample} stayed at ${last}, expected ${value}`);
}

describe('GET /metrics', () => {
  it('counts requests by operation and outcome, with latency and SQL statement histograms', async () => {
    const before = await scrape();
    const ok = '{operation="EstateOverview",outcome="ok"}';
    const refused = '{operation="EstateOverview",outcome="BAD_USER_INPUT"}';
    for (let i = 0; i < 3; i++) expect((await gql(t.url, contract('EstateOverview'), { code: estate.code }, manager)).errors).toBeUndefined();
    expect((await gql(t.url, contract('EstateOverview'), {}, manager)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await gql(t.url, '{ __typename }');

    const after = await scrape();
    const delta = (sample: string) => (after.get(sample) ?? 0) - (before.get(sample) ?? 0);
    expect(delta(`gridkeeper_graphql_requests_total${ok}`)).toBe(3);
    expect(delta(`gridkeeper_graphql_requests_total${refused}`)).toBe(1);
    expect(delta('gridkeeper_graphql_requests_total{operation="anonymous",outcome="ok"}')).toBe(1);
    expect(delta(`gridkeeper_graphql_request_duration_seconds_count${ok}`)).toBe(3);
    expect(delta(`gridkeeper_graphql_request_duration_seconds_sum${ok}`)).toBeGreaterThan(0);
    expect(delta(`gridkeeper_graphql_request_duration_seconds_bucket{le="+Inf",operation="EstateOverview",outcome="ok"}`)).toBe(3);
    expect(delta(`gridkeeper_graphql_request_sql_statements_count${ok}`)).toBe(3);
    // Each answered EstateOverview is one statement (the estate with its counts and lists); the refused one sent none.
    expect(delta(`gridkeeper_graphql_request_sql_statements_sum${ok}`)).toBe(3);
    expect(delta('gridkeeper_graphql_request_sql_statements_bucket{le="0",operation="EstateOverview",outcome="ok"}')).toBe(0);
    expect(delta('gridkeeper_graphql_request_sql_statements_bucket{le="0",operation="EstateOverview",outcome="BAD_USER_INPUT"}')).toBe(1);
  });

  it('moves the WebSocket and subscription gauges as a socket opens and a subscription starts and ends', async () => {
    await until('gridkeeper_websockets_open', 0);
    await until('gridkeeper_subscriptions_active', 0);
    const conn = connect(t.wsUrl, bearer(manager));
    try {
      await until('gridkeeper_websockets_open', 1);
      const live = follow(t.wsUrl, manager, { filter: { communityCodes: [estate.code] } }, conn);
      await until('gridkeeper_subscriptions_active', 1);
      await live.stop();
      await until('gridkeeper_subscriptions_active', 0);
      expect((await scrape()).get('gridkeeper_websockets_open')).toBe(1);
    } finally {
      await conn.dispose();
    }
    await until('gridkeeper_websockets_open', 0);
  });

  it('measures the event bus lag as the newest id in event_log minus what the bus has read', async () => {
    const res = await gql(t.url, contract('SubmitTicket'), {
      input: { idempotencyKey: `metrics-${Date.now()}`, buildingId: estate.gid.building(0), category: 'CLEANING', priority: 'NORMAL', channel: 'PATROL', title: 'Bin overflowing' },
    }, manager);
    expect(res.errors).toBeUndefined();
    // The server's own bus reads every change as it commits: it catches up.
    await until('gridkeeper_event_bus_lag_events', 0);
    // A bus that never started has read nothing: its lag is the whole log (other files may append meanwhile).
    const idle = new Metrics({ orm: t.orm, events: new EventBus(t.orm, testDatabaseUrl(), createLogger('silent')), production: false });
    const newest = async () => Number((await t.orm.em.fork().execute('select max(id) as id from event_log'))[0].id);
    const before = await newest();
    const lag = Number(/^gridkeeper_event_bus_lag_events (\d+)$/m.exec(await idle.registry.metrics())?.[1]);
    expect(before).toBeGreaterThan(0);
    expect(lag).toBeGreaterThanOrEqual(before);
    expect(lag).toBeLessThanOrEqual(await newest());
  });

  it('times each live event from its commit to its write on every subscriber\'s socket', async () => {
    const filter = { communityCodes: [estate.code] };
    const watchers = [follow(t.wsUrl, manager, { filter }), follow(t.wsUrl, manager, { filter })];
    try {
      await until('gridkeeper_subscriptions_active', 2);
      const before = await scrape();
      const submitted = Date.now();
      const res = await gql(t.url, contract('SubmitTicket'), {
        input: { idempotencyKey: `metrics-live-${Date.now()}`, buildingId: estate.gid.building(0), category: 'CLEANING', priority: 'NORMAL', channel: 'PATROL', title: 'Lift light out' },
      }, manager);
      expect(res.errors).toBeUndefined();
      await Promise.all(watchers.map((w) => w.waitFor(1)));
      const received = Date.now();
      const after = await scrape();
      const delta = (sample: string) => (after.get(sample) ?? 0) - (before.get(sample) ?? 0);
      // One event, two subscribers: two deliveries, each after its commit and before the client had it,
      // in seconds (the commit came after the request was sent, the write before the frame arrived).
      expect(delta('gridkeeper_live_delivery_seconds_count')).toBe(2);
      expect(delta('gridkeeper_live_delivery_seconds_bucket{le="10"}')).toBe(2);
      expect(delta('gridkeeper_live_delivery_seconds_sum')).toBeGreaterThanOrEqual(0);
      expect(delta('gridkeeper_live_delivery_seconds_sum')).toBeLessThanOrEqual((2 * (received - submitted + 5)) / 1000);
    } finally {
      await Promise.all(watchers.map((w) => w.stop()));
    }
  });

  it('reports the database pool and process metrics', async () => {
    const samples = await scrape();
    expect(samples.get('gridkeeper_db_pool_max')).toBe(5); // the test server's pool
    for (const state of ['used', 'free', 'pending_acquires', 'pending_creates']) {
      expect(samples.get(`gridkeeper_db_pool_connections{state="${state}"}`)).toEqual(expect.any(Number));
    }
    expect(samples.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(samples.has('nodejs_eventloop_lag_seconds')).toBe(true);
  });

  it('counts client-chosen operation names past the first few hundred as "other"', async () => {
    const server = await startTestServer();
    try {
      for (let i = 0; i < MAX_OPERATION_LABELS + 5; i++) await gql(server.url, `query Name${i} { __typename }`);
      await gql(server.url, 'query Name0 { __typename }');
      const samples = await scrape(server);
      const names = [...samples.keys()].filter((k) => k.startsWith('gridkeeper_graphql_requests_total{'));
      expect(names).toHaveLength(MAX_OPERATION_LABELS + 1);
      expect(samples.get('gridkeeper_graphql_requests_total{operation="other",outcome="ok"}')).toBe(5);
      expect(samples.get('gridkeeper_graphql_requests_total{operation="Name0",outcome="ok"}')).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe('who may read /metrics', () => {
  it('nobody in production without METRICS_TOKEN: 404', async () => {
    const prod = await startTestServer({ production: true });
    try {
      expect((await fetch(metricsUrl(prod))).status).toBe(404);
      expect((await fetch(metricsUrl(prod), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await prod.close();
    }
  });

  it.each([[true], [false]])('with METRICS_TOKEN (production: %s), only its bearer', async (production) => {
    const guarded = await startTestServer({ production, metricsToken: TOKEN });
    try {
      for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`]) {
        const res = await fetch(metricsUrl(guarded), { headers: authorization ? { authorization } : {} });
        expect({ authorization, status: res.status }).toEqual({ authorization, status: 401 });
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await res.text()).not.toContain('gridkeeper_');
      }
      expect((await scrape(guarded, { authorization: `Bearer ${TOKEN}` })).has('gridkeeper_websockets_open')).toBe(true);
    } finally {
      await guarded.close();
    }
  });

  it('METRICS_TOKEN is read, and a short one stops the start with one line', () => {
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32), METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    const attempt = () => loadConfig({ JWT_SECRET: 'x'.repeat(32), METRICS_TOKEN: 'short' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^METRICS_TOKEN [^\n]+$/);
  });
});
