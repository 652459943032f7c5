import { Lexer, Source, TokenKind, getIntrospectionQuery, parse } from 'graphql';
import { buildSchema } from '../resolvers';
import { DEFAULT_LIMITS, queryLimits } from '../src/limits';
import { countStatements, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { bearer, connect, run, type WsConnection } from './helpers/ws';

/**
 * Every document limit, over HTTP and over WebSocket: what is refused, how
 * (one short error, nothing run), and that what tools and clients really
 * send still passes.
 */

let t: TestServer;
let estate: Estate;
let admin: string;
const opened: WsConnection[] = [];

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1 });
  admin = await t.token({ sub: 'admin-limits-test', role: 'ADMIN' });
});
afterEach(async () => { await Promise.all(opened.splice(0).map((c) => c.dispose())); });
afterAll(() => t.close());

/** How a transport answered: the errors' codes and messages, the data, and the HTTP status where there is one. */
interface Answer { refused: boolean; codes: unknown[]; messages: string[]; data: any; bytes: number; status?: number }

type Transport = (query: string, variables?: Record<string, unknown>) => Promise<Answer>;

const http = (url = () => t.url): Transport => async (query, variables) => {
  const res = await gql(url(), query, variables, admin);
  return {
    refused: res.data === undefined,
    codes: (res.errors ?? []).map((e) => e.extensions?.code),
    messages: (res.errors ?? []).map((e) => e.message),
    data: res.data,
    bytes: JSON.stringify(res.errors ?? []).length,
    status: res.status,
  };
};

const ws = (url = () => t.wsUrl): Transport => async (query, variables) => {
  const conn = connect(url(), bearer(admin));
  opened.push(conn);
  const outcome = await run(conn, query, variables);
  if (outcome.kind === 'closed') throw new Error(`socket closed ${outcome.code} ${outcome.reason}`);
  const errors = outcome.errors ?? [];
  return {
    refused: outcome.kind === 'refused',
    codes: errors.map((e) => e.extensions?.code),
    messages: errors.map((e) => e.message),
    data: outcome.kind === 'result' ? outcome.data : undefined,
    bytes: JSON.stringify(errors).length,
  };
};

const transports: [string, Transport][] = [['HTTP', http()], ['WebSocket', ws()]];

const HEAVY = '{ communities(first: 100) { edges { node { buildings(first: 100) { edges { node { households(first: 100) { edges { node { id } } } } } } } } } }';
/** A 100-field fragment spread 100 times: 10,100 selections in 2 KB. */
const PADDED = `${HEAVY.slice(0, -1)} ${'...F '.repeat(100)}}\nfragment F on Query { ${'__typename '.repeat(100)}}`;
const counts = (n: number) => `query($code: String!) { ${Array.from({ length: n }, (_, i) => `a${i}: community(code: $code) { residentCount }`).join(' ')} }`;
const included = (n: number) => `{ ${'__typename @include(if: true) '.repeat(n)}}`;
/** Lexical tokens in `query`, counted as graphql-js counts them for its limit. */
function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}
/** A valid, cheap document of exactly `n` tokens (a long list of statuses), within every other limit. */
const tokens = (n: number) => {
  const doc = (statuses: number) => `{ tickets(filter: { statuses: [${'SUBMITTED '.repeat(statuses)}] }, first: 1) { totalCount } }`;
  return doc(n - tokenCount(doc(0)));
};
/** `levels` nested `ofType` under a field's argument type, as introspection tools write them. */
const ofTypes = (levels: number) =>
  `{ __schema { types { fields { args { type { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } } } } } }`;
const STANDARD_INTROSPECTION = getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true,
});

describe.each(transports)('over %s', (_name, send) => {
  it('refuses the heavy query as too costly', async () => {
    const answer = await send(HEAVY);
    expect(answer.refused).toBe(true);
    expect(answer.codes).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses the heavy query padded with a fragment spread 100 times, with one error', async () => {
    expect(PADDED.length).toBeLessThan(2200);
    const answer = await send(PADDED);
    expect(answer.refused).toBe(true);
    expect(answer.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.messages[0]).toMatch(/Selection limit of 1000 exceeded, found 10\d{3}/);
  });

  it('refuses 500 aliases of an estate\'s counts, and 51, but runs 50', async () => {
    const many = await send(counts(500), { code: estate.code });
    expect(many.refused).toBe(true);
    expect(many.codes).toHaveLength(1);
    const over = await send(counts(51), { code: estate.code });
    expect(over.refused).toBe(true);
    expect(over.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(over.messages).toEqual(['Aliases limit of 50 exceeded, found 51.']);
    const fits = await send(counts(50), { code: estate.code });
    expect(fits.codes).toEqual([]);
    expect(fits.data.a49).toEqual({ residentCount: estate.residents.length });
  });

  it('refuses 5,000 @include on one field early, with one short error', async () => {
    const answer = await send(included(5000));
    expect(answer.refused).toBe(true);
    expect(answer.codes).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(answer.messages[0]).toMatch(/more th.* 2000 tokens/);
    expect(answer.bytes).toBeLessThan(300);
  });

  it('refuses 21 directives in one operation with one error, and runs 20', async () => {
    const over = await send(included(21));
    expect(over.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(over.messages).toEqual(['Directives limit of 20 exceeded, found 21.']);
    expect(await send(included(20))).toMatchObject({ refused: false, codes: [], data: { __typename: 'Query' } });
  });

  it('refuses a document over 2,000 tokens while parsing, and runs one of 2,000', async () => {
    const over = await send(tokens(2001));
    expect(over.codes).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(over.messages[0]).toMatch(/2000 tokens/);
    expect(tokenCount(tokens(2000))).toBe(2000);
    expect(await send(tokens(2000))).toMatchObject({ refused: false, codes: [], data: { tickets: { totalCount: expect.any(Number) } } });
  });

  it('answers the standard introspection query that schema tools send', async () => {
    const answer = await send(STANDARD_INTROSPECTION);
    expect(answer.codes).toEqual([]);
    const types = answer.data.__schema.types.map((type: { name: string }) => type.name);
    expect(types).toEqual(expect.arrayContaining(['Query', 'Community', 'Ticket', '__Schema']));
  });

  it('allows nine nested ofType in introspection and refuses ten', async () => {
    expect(await send(ofTypes(9))).toMatchObject({ refused: false, codes: [] });
    const deeper = await send(ofTypes(10));
    expect(deeper.refused).toBe(true);
    expect(deeper.messages).toEqual(['Introspection depth limit of 15 exceeded, found 16.']);
  });

  it('refuses deep ofType recursion under __type', async () => {
    const answer = await send(`{ __type(name: "Ticket") { ${'ofType { '.repeat(30)}name${' }'.repeat(30)} } }`);
    expect(answer.refused).toBe(true);
    expect(answer.messages).toEqual([expect.stringMatching(/^Introspection depth limit of 15 exceeded/)]);
  });

  it('applies aliases and directives to introspection too', async () => {
    const aliased = await send(`{ ${Array.from({ length: 51 }, (_, i) => `t${i}: __type(name: "Ticket") { name }`).join(' ')} }`);
    expect(aliased.messages).toEqual(['Aliases limit of 50 exceeded, found 51.']);
    const directed = await send(`{ __schema { ${'queryType @include(if: true) { name } '.repeat(21)}} }`);
    expect(directed.messages).toEqual(['Directives limit of 20 exceeded, found 21.']);
  });

  it('counts an operation that mixes introspection with data as a data operation', async () => {
    // The introspection part nests deeper than 12 and the data part is affordable: the data limits apply.
    const answer = await send(`{ communities(first: 1) { totalCount } ${ofTypes(9).slice(1)}`);
    expect(answer.refused).toBe(true);
    expect(answer.messages[0]).toMatch(/^Query depth limit of 12 exceeded/);
  });

  it('refuses variables that do not fit before estimating the cost, as BAD_USER_INPUT', async () => {
    const answer = await send('query($n: Int!) { communities(first: $n) { totalCount } }', { n: 'many' });
    expect(answer.refused).toBe(true);
    expect(answer.codes).toEqual(['BAD_USER_INPUT']);
  });
});

describe('HTTP specifics', () => {
  it('refuses every limit with HTTP 400 before any SQL', async () => {
    for (const query of [PADDED, counts(51), included(5000), included(21), tokens(2001), ofTypes(10), HEAVY]) {
      const { result, statements } = await countStatements(t, () => gql(t.url, query, { code: estate.code }, admin));
      expect({ query: query.slice(0, 40), status: result.status, statements }).toEqual({ query: query.slice(0, 40), status: 400, statements: 0 });
    }
  });
});

describe('an operation whose cost cannot be estimated', () => {
  // Without the selections rule, graphql-query-complexity gives up after its node limit;
  // giving up must refuse the operation, never admit it unmeasured.
  const schema = buildSchema();

  it('is refused as QUERY_TOO_COMPLEX', () => {
    const limits = queryLimits({ selections: 500 });
    const attempt = () => limits.assertAffordable(schema, parse(PADDED), {}, null);
    expect(attempt).toThrow(/could not be estimated/);
    try {
      attempt();
    } catch (error) {
      expect((error as { extensions: Record<string, unknown> }).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', http: { status: 400 } });
    }
  });

  it('is refused even when the cost it got to so far is small', () => {
    const cheap = `{ ${'...F '.repeat(100)}}\nfragment F on Query { communities(first: 1) { totalCount } ${'__typename '.repeat(49)}}`;
    expect(() => queryLimits({ selections: 500 }).assertAffordable(schema, parse(cheap), {}, null)).toThrow(/could not be estimated/);
    expect(() => queryLimits({ selections: 20_000 }).assertAffordable(schema, parse(cheap), {}, null)).not.toThrow();
  });
});

describe('in production', () => {
  let prod: TestServer;
  beforeAll(async () => { prod = await startTestServer({ production: true }); });
  afterAll(() => prod.close());

  it.each([['HTTP', http(() => prod.url)], ['WebSocket', ws(() => prod.wsUrl)]])('refuses introspection over %s', async (_name, send) => {
    for (const query of [STANDARD_INTROSPECTION, '{ __type(name: "Community") { name } }']) {
      const answer = await send(query);
      expect(answer.refused).toBe(true);
      expect(answer.codes).toContain('GRAPHQL_VALIDATION_FAILED');
    }
    expect(await send('{ communities(first: 1) { totalCount } }')).toMatchObject({ refused: false, codes: [] });
  });
});

describe('configured limits', () => {
  let strict: TestServer;
  beforeAll(async () => { strict = await startTestServer({ limits: { ...DEFAULT_LIMITS, aliases: 2, tokens: 100, cost: 50 } }); });
  afterAll(() => strict.close());

  it.each([['HTTP', http(() => strict.url)], ['WebSocket', ws(() => strict.wsUrl)]])('are applied over %s', async (_name, send) => {
    expect((await send(counts(3), { code: estate.code })).messages).toEqual(['Aliases limit of 2 exceeded, found 3.']);
    expect((await send(tokens(101))).codes).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect((await send('{ communities(first: 50) { edges { node { id } } } }')).codes).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await send(counts(2), { code: estate.code })).toMatchObject({ refused: false, codes: [] });
  });
});
