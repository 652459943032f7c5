import crypto from 'node:crypto';
import { serverAudits } from 'graphql-http';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../src/config';
import { openOrm } from '../src/db/orm';
import { createLogger } from '../src/logger';
import { startServer, type RunningServer } from '../src/server';
import { takesFastPath } from '../src/http-graphql';
import { compiledExecution, KnownQueries } from '../src/compiled';
import { GraphQLError, parse } from 'graphql';
import { buildSchema } from '../resolvers';
import { codes, countStatements, gql } from './helpers/client';
import { createEstate } from './helpers/factories';
import { startTestServer, TEST_SECRET, type TestServer } from './helpers/server';
import { connect, run } from './helpers/ws';
import pino from 'pino';

let t: TestServer;
let admin: string;
let estateCode: string;

beforeAll(async () => {
  t = await startTestServer();
  // Other test files share the database: with an estate of our own and an ADMIN
  // token, nested queries below run over real rows whatever else is there.
  estateCode = (await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 3 })).code;
  admin = await t.token({ sub: 'admin-http-test', role: 'ADMIN' });
});
afterAll(() => t.close());

/** Database `name` on the PostgreSQL server at `serverUrl`. */
function databaseOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `http://host:port` of a server, for the routes beside /graphql. */
const origin = (url: string) => new URL(url).origin;

/** Whatever a client receives must never reveal internals: stack frames, file paths or SQL. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/stack/i);
  expect(text).not.toMatch(/\bat \S+ \(|\bat \/|\.(ts|js):\d+/);
  expect(text).not.toMatch(/\b(select|insert|update|delete)\b.+\b(from|into|set|where)\b/i);
  expect(text).not.toMatch(/"\w+"\."\w+"|relation "|syntax error at/i);
}

describe('GraphQL over HTTP (graphql-http audits)', () => {
  // The URL is resolved per audit, once beforeAll has started the server.
  // Every MUST passes. SHOULD audits that warn (Apollo answers 400, which the
  // spec also allows, to application/json clients on request errors):
  //   572B SHOULD use 200 status code on document parsing failure when accepting application/json
  //   FDE2 SHOULD use 200 status code on document validation failure when accepting application/json
  //   7B9B SHOULD use a status code of 200 on variable coercion failure when accepting application/json
  // MAY audits that only give notice (GET is blocked by CSRF prevention without a preflight header):
  //   5A70 MAY accept application/x-www-form-urlencoded formatted GET requests
  //   D6D5, 6A70 MAY allow URL-encoded JSON string {variables} parameter in GETs
  const audits = serverAudits({ url: () => t.url, fetchFn: fetch });

  it.each(audits.map((audit) => [`${audit.id} ${audit.name}`, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    if (audit.name.startsWith('MUST')) {
      const reason = result.status === 'ok' ? '' : result.reason;
      expect({ status: result.status, reason }).toEqual({ status: 'ok', reason: '' });
    }
  });
});

describe('health and readiness', () => {
  it('answers /healthz with 200', async () => {
    const res = await fetch(`${origin(t.url)}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 over the migrated test database', async () => {
    const res = await fetch(`${origin(t.url)}/readyz`);
    expect(res.status).toBe(200);
  });

  it('answers /readyz with 503 while the database is reachable but not migrated', async () => {
    const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
    if (!serverUrl) throw new Error('TEST_DATABASE_SERVER_URL is not set: run the tests through jest (global-setup)');
    const name = `gk_unmigrated_${crypto.randomBytes(6).toString('hex')}`;
    const pg = new Client({ connectionString: databaseOn(serverUrl, 'postgres') });
    await pg.connect();
    let orm: MikroORM | undefined;
    let server: RunningServer | undefined;
    try {
      await pg.query(`create database "${name}"`);
      orm = await openOrm(databaseOn(serverUrl, name), { poolMax: 2 });
      const config: Config = { port: 0, host: '127.0.0.1', databaseUrl: databaseOn(serverUrl, name), jwtSecret: TEST_SECRET, logLevel: 'silent', production: false, tokenMaxLifetimeSeconds: 86400 };
      server = await startServer({ config, logger: createLogger('silent'), orm });
      const health = await fetch(`${origin(server.url)}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`${origin(server.url)}/readyz`);
      expect(ready.status).toBe(503);
      expectNoInternals(await ready.text());
    } finally {
      await server?.stop();
      await orm?.close();
      await pg.query(`drop database if exists "${name}" with (force)`);
      await pg.end();
    }
  });
});

describe('request bodies', () => {
  const post = (body: string) => fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  /** A valid request of exactly `bytes` bytes, padded inside a GraphQL comment. */
  const requestOf = (bytes: number) => {
    const head = '{"query":"{ __typename }\\n#';
    const tail = '"}';
    return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
  };

  it('reads a body of exactly 1 MiB', async () => {
    const body = requestOf(1024 * 1024);
    expect(Buffer.byteLength(body)).toBe(1024 * 1024);
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a body over 1 MiB with 413 and a JSON error', async () => {
    const res = await post(requestOf(1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expectNoInternals(text);
  });

  // Which requests take the server's own path to Apollo (the rest go through express): what the test below compares.
  it.each([
    ['a POST of JSON with its length', 'POST', '/graphql', { 'content-type': 'application/json', 'content-length': '30' }, true],
    ['the same in UTF-8, with a search', 'POST', '/graphql?x=1', { 'content-type': 'application/json; charset=UTF-8', 'content-length': '30' }, true],
    ['a body of exactly 1 MiB', 'POST', '/graphql', { 'content-type': 'application/json', 'content-length': String(1024 * 1024) }, true],
    ['a body over 1 MiB', 'POST', '/graphql', { 'content-type': 'application/json', 'content-length': String(1024 * 1024 + 1) }, false],
    ['a chunked body', 'POST', '/graphql', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, false],
    ['a gzipped body', 'POST', '/graphql', { 'content-type': 'application/json', 'content-length': '30', 'content-encoding': 'gzip' }, false],
    ['another charset', 'POST', '/graphql', { 'content-type': 'application/json; charset=latin1', 'content-length': '30' }, false],
    ['text/plain', 'POST', '/graphql', { 'content-type': 'text/plain', 'content-length': '30' }, false],
    ['a GET', 'GET', '/graphql?query=%7B__typename%7D', {}, false],
    ['a path under /graphql', 'POST', '/graphql/x', { 'content-type': 'application/json', 'content-length': '30' }, false],
  ])('routes %s', (_name, method, url, headers, fast) => {
    expect(takesFastPath({ method, url, headers })).toBe(fast);
  });

  // A body with its length given takes the server's own path to Apollo; a chunked one goes through express. Both answer alike.
  it.each([
    ['a query', '{"query":"{ __typename }"}'],
    ['a query after a byte-order mark and blanks', '\uFEFF \n\t{"query":"{ __typename }"}'],
    ['malformed JSON', '{"query": "{ __typename }", '],
    ['a JSON string', '"{ __typename }"'],
    ['a JSON number', '42'],
    ['an empty body', ''],
    ['a batch', '[{"query":"{ __typename }"}]'],
    ['an unknown field', '{"query":"{ nope }"}'],
    ['a body over 1 MiB', requestOf(1024 * 1024 + 1)],
  ])('answers %s the same with its length given and chunked', async (_name, body) => {
    const chunked = () => new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode(body)); controller.close(); } });
    const [sized, streamed] = await Promise.all([
      post(body),
      fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked(), duplex: 'half' } as RequestInit),
    ]);
    const answer = async (res: Response) => ({ status: res.status, type: res.headers.get('content-type'), body: await res.json() });
    const [a, b] = [await answer(sized), await answer(streamed)];
    expect(a).toEqual(b);
    expect(a.type).toBe('application/json; charset=utf-8');
  });

  it('answers malformed JSON with 400 and a JSON error without a stack trace', async () => {
    const res = await post('{"query": "{ __typename }", ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }] });
    expectNoInternals(text);
  });
});

describe('unexpected errors', () => {
  it('are masked as INTERNAL_SERVER_ERROR with the request id, never SQL or a stack', async () => {
    // A server whose ORM is gone: every database call fails with an error the client must not see.
    const broken = await startTestServer();
    await broken.orm.close();
    try {
      for (const sent of [undefined, 'trace-me-42']) {
        const res = await fetch(broken.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(sent ? { 'x-request-id': sent } : {}) },
          body: JSON.stringify({ query: '{ communities(first: 1) { totalCount } }' }),
        });
        const text = await res.text();
        const requestId = res.headers.get('x-request-id');
        // The server's own id, never the caller's: a caller must not be able to point at another request's log lines.
        expect(requestId).toMatch(UUID);
        const body = JSON.parse(text);
        expect(body.errors).toHaveLength(1);
        // locations and path are the standard GraphQL error fields and reveal nothing.
        const { locations: _locations, path: _path, ...error } = body.errors[0];
        expect(error).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
        expectNoInternals(text);
      }
    } finally {
      await broken.server.stop();
    }
  });
});

describe('unexpected errors over WebSocket', () => {
  it('are masked with the operation\'s request id, which the log line carries in full', async () => {
    const logs: Record<string, unknown>[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => { logs.push(JSON.parse(line)); } });
    const broken = await startTestServer({}, { logger });
    await broken.orm.close();
    const conn = connect(broken.wsUrl);
    try {
      // Anonymous: no token to confirm, so the connection opens and the failure is the query's own.
      const outcome = await run(conn, '{ communities(first: 1) { totalCount } }');
      expect(outcome.kind).toBe('result');
      if (outcome.kind !== 'result') return;
      expect(outcome.errors).toHaveLength(1);
      const { locations: _locations, path: _path, ...error } = outcome.errors![0] as unknown as Record<string, unknown>;
      const requestId = (error.extensions as { requestId?: string }).requestId;
      expect(requestId).toMatch(UUID);
      expect(error).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
      expectNoInternals(JSON.stringify(outcome));
      const line = logs.find((l) => l.requestId === requestId);
      expect(line).toMatchObject({ transport: 'websocket', msg: 'unexpected error while resolving' });
      expect(JSON.stringify(line)).toMatch(/stack/);
    } finally {
      await conn.dispose();
      await broken.server.stop();
    }
  });
});

describe('introspection', () => {
  const query = '{ __schema { queryType { name } } }';

  it('is answered by default', async () => {
    const res = await gql(t.url, query);
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });

  it('is refused in production', async () => {
    const prod = await startTestServer({ production: true });
    try {
      for (const q of [query, '{ __type(name: "Community") { name } }']) {
        const res = await gql(prod.url, q);
        expect(res.errors?.length).toBeGreaterThan(0);
        expect(res.data).toBeUndefined();
      }
      // Ordinary queries still work there.
      const ok = await gql(prod.url, '{ communities(first: 1) { totalCount } }');
      expect(ok.errors).toBeUndefined();
    } finally {
      await prod.close();
    }
  });
});

describe('GET queries', () => {
  const url = () => `${t.url}?query=${encodeURIComponent('{communities(first:1){totalCount}}')}`;

  it('are served with a preflight header', async () => {
    const res = await fetch(url(), { headers: { 'apollo-require-preflight': 'true', accept: 'application/json' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data.communities.totalCount).toEqual(expect.any(Number));
  });

  it('are refused without one (CSRF prevention)', async () => {
    const res = await fetch(url(), { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('totalCount');
  });
});

describe('depth and cost limits', () => {
  it('rejects a document deeper than 12 levels while validating, before any SQL', async () => {
    const { result, statements } = await countStatements(t, () => gql(t.url, deep(13), undefined, admin));
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.errors![0].message).toMatch(/depth/i);
    expect(statements).toBe(0);
  });

  it('admits a document of exactly 12 levels and runs it', async () => {
    const res = await gql(t.url, deep(12), undefined, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.communities.edges).toHaveLength(1);
  });

  it('rejects a costly document with QUERY_TOO_COMPLEX and HTTP 400, before any SQL', async () => {
    const query = '{ communities(first: 100) { edges { node { buildings(first: 100) { edges { node { households(first: 100) { edges { node { id } } } } } } } } } }';
    const { result, statements } = await countStatements(t, () => gql(t.url, query, undefined, admin));
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.data).toBeUndefined();
    expect(statements).toBe(0);
  });

  it('counts page sizes passed as variables', async () => {
    const query = 'query($n: Int) { communities(first: $n) { edges { node { buildings(first: $n) { edges { node { households(first: $n) { edges { node { id } } } } } } } } } }';
    const costly = await gql(t.url, query, { n: 100 }, admin);
    expect(codes(costly)).toEqual(['QUERY_TOO_COMPLEX']);
    const cheap = await gql(t.url, query, { n: 2 }, admin);
    expect(cheap.errors).toBeUndefined();
    expect(cheap.data.communities.edges.length).toBeGreaterThan(0);
  });

  it('answers first: 101 with BAD_USER_INPUT, not QUERY_TOO_COMPLEX', async () => {
    const res = await gql(t.url, '{ communities(first: 101) { totalCount } }');
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('x-request-id', () => {
  const send = (id?: string) => fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(id !== undefined ? { 'x-request-id': id } : {}) },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  /** The request log line (the report the server logs) of the response with this request id. */
  const logged = (requestId: string | null) => t.requests.find((r) => r.requestId === requestId);

  it('is always the server\'s own: a caller\'s id is logged apart as correlationId', async () => {
    const res = await send('client-7.trace_01');
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(UUID);
    expect(logged(requestId)).toMatchObject({ requestId, correlationId: 'client-7.trace_01' });
  });

  it('differs for two requests that send the same id', async () => {
    const [a, b] = await Promise.all([send('same-id'), send('same-id')]);
    const ids = [a.headers.get('x-request-id'), b.headers.get('x-request-id')];
    expect(ids[0]).not.toBe(ids[1]);
    for (const id of ids) expect(logged(id)).toMatchObject({ requestId: id, correlationId: 'same-id' });
  });

  it('generates one when none is sent, and logs no correlationId', async () => {
    const a = (await send()).headers.get('x-request-id');
    const b = (await send()).headers.get('x-request-id');
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
    expect(logged(a)).toBeDefined();
    expect(logged(a)!.correlationId).toBeUndefined();
  });

  it.each([['too long', 'x'.repeat(65)], ['with spaces', 'a b'], ['with markup', '<script>'], ['empty', '']])(
    'does not log a caller\'s id that is %s', async (_what, id) => {
      const res = await send(id);
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toMatch(UUID);
      expect(logged(requestId)!.correlationId).toBeUndefined();
    },
  );
});

/** A valid document whose deepest field (a leaf) sits `levels` levels down. */
function deep(levels: number): string {
  // communities › edges › node, then buildings › edges › node › community repeating, closed by a leaf.
  const cycle = ['buildings(first: 1)', 'edges', 'node', 'community'];
  const path = ['communities(first: 1)', 'edges', 'node'];
  for (let i = 0; path.length < levels - 1; i++) path.push(cycle[i % 4]);
  const last = path[path.length - 1];
  const leaf = last.startsWith('buildings') ? 'totalCount' : last === 'edges' ? 'cursor' : 'id';
  return `{ ${path.join(' { ')} { ${leaf} ${'}'.repeat(path.length)} }`;
}

describe('a query answered before (answered without Apollo\'s pipeline)', () => {
  const QUERY = 'query Estate($code: String!, $first: Int) { community(code: $code) { id code buildings(first: $first) { totalCount edges { node { id code } } } } }';
  /** Status, content type, body text and the report (none when the token is refused) of a POST of `body`. */
  async function post(body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
      body: JSON.stringify(body),
    });
    const requestId = res.headers.get('x-request-id');
    const reports = t.requests.filter((r) => r.requestId === requestId);
    expect(reports.length).toBeLessThanOrEqual(1);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text(), report: reports[0] };
  }
  const comparable = (answer: Awaited<ReturnType<typeof post>>) => ({ ...answer, report: answer.report && { ...answer.report, requestId: 0, durationMs: 0 } });
  /** The first answer (Apollo's) and two more of the same request, which must be alike in every byte. */
  async function thrice(body: unknown, headers: Record<string, string> = {}) {
    const answers = [await post(body, headers), await post(body, headers), await post(body, headers)];
    for (const later of answers.slice(1)) expect(comparable(later)).toEqual(comparable(answers[0]));
    return answers;
  }

  it('is answered with the same bytes, headers and report as the first time, named or not', async () => {
    const [first] = await thrice({ query: QUERY, variables: { code: estateCode, first: 3 } });
    expect(first).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(JSON.parse(first.text).data.community.buildings.edges).toHaveLength(2);
    expect(first.text.endsWith('}\n')).toBe(true);
    expect(first.report).toMatchObject({ operationName: 'Estate', status: 200, errors: undefined });
    expect(first.report.sqlStatements).toBeGreaterThan(0);
    // The same text asked for by its operation's name is another request, and the anonymous one keeps its own.
    const [named] = await thrice({ query: QUERY, operationName: 'Estate', variables: { code: estateCode, first: 3 } });
    expect(named.text).toBe(first.text);
    const [anonymous] = await thrice({ query: '{ communities(first: 1) { totalCount } }' });
    expect(anonymous.report.operationName).toBeNull();
  });

  it('keeps answering with new variables, and each answer is the one for its variables', async () => {
    await post({ query: QUERY, variables: { code: estateCode, first: 3 } });
    const one = JSON.parse((await post({ query: QUERY, variables: { code: estateCode, first: 1 } })).text);
    const two = JSON.parse((await post({ query: QUERY, variables: { code: estateCode, first: 2 } })).text);
    expect(one.data.community.buildings.edges).toHaveLength(1);
    expect(two.data.community.buildings.edges).toHaveLength(2);
  });

  it('hands errors to Apollo: limits, variables, field errors and refused tokens answer as the first time', async () => {
    await post({ query: QUERY, variables: { code: estateCode, first: 3 } });
    const tooMany = await thrice({ query: QUERY, variables: { code: estateCode, first: 101 } });
    expect(tooMany[0].report.errors).toEqual(['BAD_USER_INPUT']);
    const notAnInt = await thrice({ query: QUERY, variables: { code: estateCode, first: 'three' } });
    expect(notAnInt[0].status).toBe(400);
    expect(notAnInt[0].report.errors).toEqual(['BAD_USER_INPUT']);
    const missing = await thrice({ query: '{ node(id: "not a global id") { id } }' });
    expect(missing[0].report.errors).toEqual(['BAD_USER_INPUT']);
    expect(JSON.parse(missing[0].text).errors[0].path).toEqual(['node']);
    // A query that reads rows and meets an error keeps its data, statements and report (its run is handed to Apollo; that it is
    // not run again is the executor's test below: a second run on the same context would read from its primed loaders).
    const partial = await thrice({ query: `{ community(code: "${estateCode}") { code } node(id: "not a global id") { id } }` });
    expect(JSON.parse(partial[0].text).data.community.code).toBe(estateCode);
    expect(partial[0].report.sqlStatements).toBeGreaterThan(0);
    const refused = await thrice({ query: QUERY, variables: { code: estateCode, first: 3 } }, { authorization: 'Bearer not-a-token' });
    expect(refused[0].status).toBe(401);
    expect(JSON.parse(refused[0].text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers in the content type the caller accepts', async () => {
    const [graphqlJson] = await thrice({ query: QUERY, variables: { code: estateCode, first: 3 } }, { accept: 'application/graphql-response+json' });
    expect(graphqlJson.type).toBe('application/graphql-response+json; charset=utf-8');
    const [json] = await thrice({ query: QUERY, variables: { code: estateCode, first: 3 } }, { accept: 'application/json' });
    expect(json.type).toBe('application/json; charset=utf-8');
    expect(json.text).toBe(graphqlJson.text);
  });
});

describe('KnownQueries', () => {
  const document = parse('{ __typename }');
  const known = (i: number) => ({ document, name: `Q${i}` });

  it('keeps at most its number of texts, dropping the oldest first', () => {
    const queries = new KnownQueries(2, 1000);
    queries.remember('a', null, known(1));
    queries.remember('b', 'B', known(2));
    queries.remember('c', null, known(3));
    expect(queries.find('a', null)).toBeUndefined();
    expect(queries.find('b', 'B')).toEqual(known(2));
    expect(queries.find('b', null)).toBeUndefined();
    expect(queries.find('c', undefined)).toEqual(known(3));
  });

  it('keeps at most its total text length, and never a text longer than that', () => {
    const queries = new KnownQueries(100, 10);
    queries.remember('x'.repeat(11), null, known(1));
    expect(queries.find('x'.repeat(11), null)).toBeUndefined();
    queries.remember('aaaa', null, known(2));
    queries.remember('bbbb', null, known(3));
    queries.remember('cccc', null, known(4));
    expect(queries.find('aaaa', null)).toBeUndefined();
    expect([queries.find('bbbb', null), queries.find('cccc', null)]).toEqual([known(3), known(4)]);
  });
});

describe('compiledExecution', () => {
  it('hands on a result the known path already has, and runs the query otherwise', async () => {
    const executor = (await compiledExecution(buildSchema()).load({ apollo: { keyHash: '', graphRef: '', key: '' } } as never)).executor!;
    const request = (context: object) => ({ document: parse('{ __typename }'), operationName: null, context, request: { variables: {} } }) as never;
    const executed = { data: { __typename: 'Query' }, errors: [new GraphQLError('already answered')] };
    await expect(executor(request({ executed: { result: executed, startedAt: 0n } }))).resolves.toBe(executed);
    await expect(executor(request({}))).resolves.toEqual({ data: { __typename: 'Query' } });
  });
});
