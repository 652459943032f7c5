import crypto from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import type { Config } from '../src/config';
import { openOrm } from '../src/db/orm';
import { startServer } from '../src/server';
import { codes, gql, type GraphQLResponse } from './helpers/client';
import { startTestServer, TEST_SECRET, testDatabaseUrl, type TestServer } from './helpers/server';
import { bearer, connect, run, type WsConnection } from './helpers/ws';

/** A tiny limit, shared through PostgreSQL: 3 operations per caller per minute. */
const LIMIT = { points: 3, windowSeconds: 60 };
const QUERY = '{ communities(first: 1) { totalCount } }';

let a: TestServer;
let b: TestServer;
const opened: WsConnection[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer({ rateLimit: LIMIT }), startTestServer({ rateLimit: LIMIT })]);
});
afterEach(async () => { await Promise.all(opened.splice(0).map((c) => c.dispose())); });
afterAll(async () => { await Promise.all([a.close(), b.close()]); });

/** A token for a subject no other test uses, so each test starts with a full allowance. */
const freshToken = (role: 'ADMIN' | 'DISTRICT' = 'ADMIN', sub = `rl-${crypto.randomBytes(6).toString('hex')}`) =>
  a.token({ sub, role, ...(role === 'ADMIN' ? {} : { communities: ['NONE'] }) });

/** Runs `n` requests one after another and returns their responses. */
async function times(n: number, url: string, token?: string): Promise<GraphQLResponse[]> {
  const out: GraphQLResponse[] = [];
  for (let i = 0; i < n; i++) out.push(await gql(url, QUERY, undefined, token));
  return out;
}

function expectLimited(res: GraphQLResponse): void {
  expect(res.status).toBe(429);
  expect(codes(res)).toEqual(['RATE_LIMITED']);
  expect(res.data).toBeUndefined();
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(LIMIT.windowSeconds);
  expect(res.errors![0].extensions).toMatchObject({ retryAfterSeconds: retryAfter });
}

describe('over HTTP', () => {
  it('answers the 4th request in the window with 429, RATE_LIMITED and Retry-After', async () => {
    const token = await freshToken();
    const [first, second, third, fourth] = await times(4, a.url, token);
    for (const res of [first, second, third]) {
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
    }
    expectLimited(fourth);
    expect(fourth.headers.get('x-request-id')).toBeTruthy();
  });

  it('leaves another token unaffected', async () => {
    const limited = await freshToken();
    await times(3, a.url, limited);
    expectLimited((await times(1, a.url, limited))[0]);
    const other = await freshToken();
    expect((await times(1, a.url, other))[0].status).toBe(200);
  });

  it('counts the subject and role, not the token string: a new token does not reset the count', async () => {
    const sub = `rl-${crypto.randomBytes(6).toString('hex')}`;
    await times(3, a.url, await freshToken('ADMIN', sub));
    expectLimited((await times(1, a.url, await a.token({ sub, role: 'ADMIN' }, '2h')))[0]);
    // The same subject under another role is another caller.
    expect((await times(1, a.url, await freshToken('DISTRICT', sub)))[0].status).toBe(200);
  });

  it('shares the count between two instances on the same database', async () => {
    const token = await freshToken();
    await times(2, a.url, token);
    const [third, fourth] = await times(2, b.url, token);
    expect(third.status).toBe(200);
    expectLimited(fourth);
    expectLimited((await times(1, a.url, token))[0]);
  });

  it('counts anonymous callers by IP address', async () => {
    const pg = new Client({ connectionString: testDatabaseUrl() });
    await pg.connect();
    try {
      // Other tests of this file may have spent this address's points.
      await pg.query(`delete from rate_limit where key like 'graphql:ip:%'`);
    } finally {
      await pg.end();
    }
    const [, , , fourth] = await times(4, a.url);
    expectLimited(fourth);
    expect((await times(1, a.url, await freshToken()))[0].status).toBe(200);
  });
});

describe('over WebSocket', () => {
  it('answers the 4th subscribe with an error message RATE_LIMITED and keeps the connection open', async () => {
    const conn = connect(a.wsUrl, bearer(await freshToken()));
    opened.push(conn);
    for (let i = 0; i < 3; i++) expect(await run(conn, QUERY)).toMatchObject({ kind: 'result', errors: undefined });
    const fourth = await run(conn, QUERY);
    expect(fourth.kind).toBe('refused');
    if (fourth.kind !== 'refused') return;
    expect(fourth.errors.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    expect(fourth.errors[0].extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(conn.closes).toEqual([]);
    expect(conn.connected()).toBe(1);
  });

  it('shares the count with HTTP and with the other instance', async () => {
    const token = await freshToken();
    await times(2, a.url, token);
    const conn = connect(b.wsUrl, bearer(token));
    opened.push(conn);
    expect(await run(conn, QUERY)).toMatchObject({ kind: 'result', errors: undefined });
    expect(await run(conn, QUERY)).toMatchObject({ kind: 'refused', errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
  });
});

describe('windows', () => {
  let quick: TestServer;
  beforeAll(async () => { quick = await startTestServer({ rateLimit: { points: 1, windowSeconds: 1 } }); });
  afterAll(() => quick.close());

  it('admits the caller again once the window has passed', async () => {
    const token = await freshToken();
    const [first, second] = await times(2, quick.url, token);
    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await times(1, quick.url, token))[0].status).toBe(200);
  });
});

describe('when the database cannot count', () => {
  it('fails open: requests are served and a warning is logged', async () => {
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => { lines.push(JSON.parse(line)); } });
    const orm = await openOrm(testDatabaseUrl(), { poolMax: 2 });
    const config: Config = {
      port: 0, host: '127.0.0.1', databaseUrl: testDatabaseUrl(), jwtSecret: TEST_SECRET, logLevel: 'warn', production: false, tokenMaxLifetimeSeconds: 86400,
      rateLimit: { points: 1, windowSeconds: 60 },
    };
    const server = await startServer({ config, logger, orm });
    const pg = new Client({ connectionString: testDatabaseUrl() });
    await pg.connect();
    // The table vanishing is the hiccup: every count fails while the rest of the database works.
    await pg.query('alter table rate_limit rename to rate_limit_away');
    try {
      const responses = await times(3, server.url, await freshToken());
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(lines.filter((l) => l.msg === 'rate limiter unavailable; admitting the operation')).toHaveLength(3);
    } finally {
      await pg.query('alter table rate_limit_away rename to rate_limit');
      await pg.end();
      await server.stop();
      await orm.close();
    }
  });
});
