import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfigError, loadConfig, PROJECT_ROOT } from '../src/config';
import { sha256 } from '../src/documents';
import { codes, contract, contractOperations, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { managerToken, startTestServer, type TestServer } from './helpers/server';
import { bearer, connect, run, type WsConnection } from './helpers/ws';

const SECRET = 'x'.repeat(32);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridkeeper-documents-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** POST or GET a raw GraphQL request; GET carries Apollo's preflight header, as Apollo Client's APQ link does. */
async function send(url: string, method: 'POST' | 'GET', request: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  let res: Response;
  if (method === 'POST') {
    res = await fetch(url, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(request) });
  } else {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(request)) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    res = await fetch(`${url}?${params}`, { headers: { ...headers, 'apollo-require-preflight': 'true' } });
  }
  const body = (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
  return { status: res.status, ...body };
}

const persisted = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(text) } });

describe('automatic persisted queries (no manifest)', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer(); });
  afterAll(() => t.close());

  it.each([['POST'], ['GET']] as const)('over %s: hash only → not found; hash and query → answered and registered; hash only → answered', async (method) => {
    const query = `query Apq${method} { communities(first: 1) { totalCount } }`;
    const first = await send(t.url, method, { extensions: persisted(query) });
    expect(first.status).toBe(200);
    expect(first.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(first.data).toBeUndefined();

    const registered = await send(t.url, method, { query, extensions: persisted(query) });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.communities.totalCount).toEqual(expect.any(Number));

    const again = await send(t.url, method, { extensions: persisted(query) });
    expect(again).toEqual({ status: 200, data: registered.data });
  });

  it('refuses a hash that does not match the query sent with it', async () => {
    const res = await send(t.url, 'POST', { query: '{ __typename }', extensions: persisted('{ communities(first: 1) { totalCount } }') });
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
  });
});

describe('trusted documents (TRUSTED_DOCUMENTS)', () => {
  const manifestFile = path.join(dir, 'persisted-documents.json');
  let t: TestServer;
  let estate: Estate;
  let token: string;
  const opened: WsConnection[] = [];

  beforeAll(async () => {
    // As a deployment would: `npm run contract:manifest -- <file>`, then TRUSTED_DOCUMENTS=<file>.
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/contract-manifest.ts', manifestFile], { cwd: PROJECT_ROOT });
    const config = loadConfig({ JWT_SECRET: SECRET, TRUSTED_DOCUMENTS: manifestFile });
    t = await startTestServer({ trustedDocuments: config.trustedDocuments });
    estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 2 });
    token = await managerToken(t, estate);
  });
  afterEach(async () => { await Promise.all(opened.splice(0).map((c) => c.dispose())); });
  afterAll(() => t.close());

  const open = () => {
    const conn = connect(t.wsUrl, bearer(token));
    opened.push(conn);
    return conn;
  };
  const overview = () => contract('EstateOverview');

  it('the manifest holds every contract operation, keyed by the sha256 of its text', () => {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, string>;
    const texts = [...contractOperations().values()];
    expect(Object.keys(manifest)).toHaveLength(texts.length);
    for (const text of texts) expect(manifest[sha256(text)]).toBe(text);
  });

  it.each([
    ['the query text', { query: 'TEXT' }],
    ['an APQ hash alone', { extensions: 'APQ' }],
    ['an APQ hash with its query', { query: 'TEXT', extensions: 'APQ' }],
    ['a documentId (client preset)', { documentId: 'ID' }],
  ])('runs a contract operation named by %s, over POST and GET', async (_how, shape) => {
    const text = overview();
    const request = {
      ...('query' in shape ? { query: text } : {}),
      ...('extensions' in shape ? { extensions: persisted(text) } : {}),
      ...('documentId' in shape ? { documentId: sha256(text) } : {}),
      variables: { code: estate.code },
    };
    for (const method of ['POST', 'GET'] as const) {
      const res = await send(t.url, method, request, token);
      expect({ method, errors: res.errors, code: res.data?.community?.code }).toEqual({ method, errors: undefined, code: estate.code });
    }
  });

  it.each([
    ['a query not in the manifest', { query: '{ __typename }' }],
    ['a contract operation with a byte changed', { query: contract('EstateOverview').replace('district', 'name') }],
    ['an unknown hash', { extensions: persisted('{ __typename }') }],
    ['an unknown documentId', { documentId: 'sha256:0000' }],
    ['a known id with another query', { documentId: sha256(contract('EstateOverview')), query: '{ __typename }' }],
  ])('refuses %s with HTTP 400 and PERSISTED_QUERY_NOT_IN_LIST, over POST and GET', async (_what, request) => {
    for (const method of ['POST', 'GET'] as const) {
      const before = t.requests.length;
      const res = await send(t.url, method, request, token);
      expect({ method, status: res.status, codes: codes(res as never), data: res.data }).toEqual({ method, status: 400, codes: ['PERSISTED_QUERY_NOT_IN_LIST'], data: undefined });
      // Refused before Apollo: reported (log, metrics) like any request, and nothing ran.
      expect(t.requests.slice(before)).toEqual([expect.objectContaining({ status: 400, errors: ['PERSISTED_QUERY_NOT_IN_LIST'] })]);
    }
  });

  it('serves contract mutations too', async () => {
    const res = await gql(t.url, contract('SubmitTicket'), {
      input: { idempotencyKey: `trusted-${Date.now()}`, buildingId: estate.gid.building(0), category: 'CLEANING', priority: 'NORMAL', channel: 'PATROL', title: 'Lift button stuck' },
    }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.submitTicket.ticket.status).toBe('SUBMITTED');
  });

  describe('over graphql-ws', () => {
    const expected = () => ({ kind: 'result', data: { community: expect.objectContaining({ code: estate.code }) }, errors: undefined });

    it('runs a contract operation sent as text', async () => {
      expect(await run(open(), overview(), { code: estate.code })).toEqual(expected());
    });

    it.each([
      ['a documentId', () => ({ documentId: sha256(overview()) })],
      ['an APQ hash', () => ({ extensions: persisted(overview()) })],
    ])('runs one named by %s with an empty query', async (_how, naming) => {
      const conn = open();
      const outcome = await new Promise((resolve) => {
        let last: unknown;
        conn.client.subscribe({ query: '', variables: { code: estate.code }, ...naming() } as never, {
          next: (result) => { last = { kind: 'result', data: result.data, errors: result.errors }; },
          error: (error) => resolve({ kind: 'refused', error }),
          complete: () => resolve(last),
        });
      });
      expect(outcome).toEqual(expected());
    });

    it('refuses a document not in the manifest with an error message, and the connection stays usable', async () => {
      const conn = open();
      const refused = await run(conn, '{ __typename }');
      expect(refused).toEqual({ kind: 'refused', errors: [expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } })] });
      expect(await run(conn, overview(), { code: estate.code })).toEqual(expected());
    });
  });
});

describe('TRUSTED_DOCUMENTS configuration', () => {
  const write = (name: string, content: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('reads a manifest into documents by id and by hash', () => {
    const text = '{ __typename }';
    const config = loadConfig({ JWT_SECRET: SECRET, TRUSTED_DOCUMENTS: write('ok.json', JSON.stringify({ 'my-id': text })) });
    expect(config.trustedDocuments?.byId.get('my-id')).toBe(text);
    expect(config.trustedDocuments?.byHash.get(sha256(text))).toBe(text);
  });

  it.each([
    ['a missing file', () => path.join(dir, 'missing.json'), /could not read .*ENOENT/],
    ['invalid JSON', () => write('bad.json', '{ nope'), /not valid JSON/],
    ['an array', () => write('array.json', '["{ a }"]'), /JSON object/],
    ['an entry that is not GraphQL', () => write('notgql.json', JSON.stringify({ a: 'hello world' })), /entry "a" is not a GraphQL document/],
    ['no documents', () => write('empty.json', '{}'), /holds no documents/],
  ])('stops the start on %s with one line naming the variable', (_what, file, reason) => {
    const attempt = () => loadConfig({ JWT_SECRET: SECRET, TRUSTED_DOCUMENTS: file() });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(reason);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).toMatch(/^TRUSTED_DOCUMENTS [^\n]+$/);
    }
  });
});
