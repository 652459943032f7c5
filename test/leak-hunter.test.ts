import http from 'node:http';
import { getNamedType, type GraphQLObjectType } from 'graphql';
import { buildSchema } from '../resolvers';
import { fromGlobalId, toGlobalId } from '../src/ids';
import { encodeCursor } from '../src/events/log';
import { gql } from './helpers/client';
import { groundYear, huntingGround, type Ground } from './helpers/ground';
import { Variables, argumentList, reachableFields, selectAll, stringsOf, type Walk } from './helpers/hunter';
import { sleep } from './helpers/instances';
import { startTestServer, type TestServer } from './helpers/server';
import { submitOk } from './helpers/tickets';
import { localDate, slot } from './helpers/spaces';
import { bearer, connect, type WsConnection } from './helpers/ws';

/**
 * The leak hunter. Two estates, A and B, every value a unique marker. For
 * every role with a token for A (and no token at all), it walks the schema to
 * build queries that reach every field through every path, three rows deep,
 * from every root and for rows of both estates (`node` and `nodes` of mixed
 * types, lists that hold several parent kinds), runs them over HTTP and the
 * subscriptions over graphql-ws, and asserts that nothing of B comes back and
 * no personal value of A reaches a role the contract keeps it from. Types and
 * fields the schema gains are walked the day they land; a root or a field with
 * required arguments needs an entry in the tables below, or the hunter fails.
 */

type Role = 'anonymous' | 'RESIDENT' | 'STAFF' | 'DISPATCHER' | 'MANAGER' | 'DISTRICT' | 'INTEGRATOR' | 'ADMIN';
const ROLES: Role[] = ['anonymous', 'RESIDENT', 'STAFF', 'DISPATCHER', 'MANAGER', 'DISTRICT', 'INTEGRATOR', 'ADMIN'];
const HOPS = 3;

let t: TestServer;
let A: Ground;
let B: Ground;
const tokens = {} as Record<Role, string | undefined>;
const schema = buildSchema();

beforeAll(async () => {
  // Access, not limits, is under test here: the generated documents are far bigger than any client's.
  // Every role sends the same documents: room to keep them all parsed, validated, estimated and compiled once.
  t = await startTestServer({
    limits: { depth: 40, introspectionDepth: 15, cost: 1e9, aliases: 500, directives: 100, tokens: 1e6, selections: 1e6 }, documentCacheMiB: 2048,
  });
  A = await huntingGround(t, [['CHRONIC_ILLNESS'], ['LOW_INCOME'], ['DISABILITY'], []]);
  B = await huntingGround(t, [['ELDERLY_LIVING_ALONE'], ['ELDERLY_LIVING_ALONE'], [], []]);
  const a = A.estate;
  const subjects: Record<Exclude<Role, 'anonymous'>, string> = {
    RESIDENT: a.gid.resident(0), STAFF: a.gid.staff('steward'), DISPATCHER: a.gid.staff('dispatcher'), MANAGER: a.gid.staff('manager'),
    DISTRICT: 'district-hunter', INTEGRATOR: 'integrator-hunter', ADMIN: 'admin-hunter',
  };
  for (const [role, sub] of Object.entries(subjects)) tokens[role as Role] = await t.token({ sub, role: role as never, communities: [a.code] });
}, 60_000);
afterAll(() => t.close());

/**
 * One row of every Node type in each estate; of tickets, the home household's
 * own and a neighbour's (what a RESIDENT may and may not see), and the
 * emergency with its dispatch.
 */
function sampleIds(g: Ground): string[] {
  const e = g.estate;
  return [e.gid.community, e.gid.building(1), e.gid.household(1), e.gid.resident(3), toGlobalId('Grid', e.grids[0].id), e.gid.staff('maintenance'),
    toGlobalId('PublicSpace', e.spaces[0].id), ...sampleTickets(g).flatMap((k) => [k.id, ...k.events.filter((id) => fromGlobalId(id)?.type === 'Dispatch')]),
    ...g.lifeIds,
    // Care plans and visits of two households, the patrol, the drill, the organisation, the reception team, the meeting.
    ...g.proactive.rowIds];
}

function sampleTickets(g: Ground) {
  const home = g.estate.households[0].id;
  return [g.tickets.find((k) => k.householdId === home)!, g.tickets.find((k) => k.householdId !== home && k.householdId !== null)!,
    g.tickets.find((k) => k.events.some((id) => fromGlobalId(id)?.type === 'Dispatch'))!];
}

/** Arguments for each root field: every entry is one root of its own. Fields missing here must need none. */
function rootArgs(): Record<string, Record<string, unknown>[]> {
  const ids = [...sampleIds(A), ...sampleIds(B)];
  return {
    'Query.community': [{ code: A.estate.code }, { code: B.estate.code }],
    'Query.communities': [{ first: 100 }],
    'Query.node': ids.map((id) => ({ id })),
    // Mixed types, a few at a time: the cost estimate of one document over every Node type grows with the square of their number.
    'Query.nodes': nodeBatches(ids),
    'Query.ticket': [...sampleTickets(A), ...sampleTickets(B)].map((k) => ({ number: k.number })),
    'Query.tickets': [{ first: 10 }, { first: 10, filter: { communityCodes: [A.estate.code] } }, { first: 10, filter: { communityCodes: [B.estate.code] } },
      // The oldest of each estate: every ticket of the grounds, however many the subscription tests add later.
      { last: 20, filter: { communityCodes: [A.estate.code] } }, { last: 20, filter: { communityCodes: [B.estate.code] } }],
    'Subscription.ticketEvents': [{}, { filter: { communityCodes: [A.estate.code] } }, { filter: { communityCodes: [B.estate.code] } }],
    'Subscription.dispatchEvents': [{}, { communityCodes: [A.estate.code] }, { communityCodes: [B.estate.code] }],
    // From the start of the log: the grounds' care events are replayed, both estates' asked for.
    'Subscription.careEvents': [{}, { communityCodes: [A.estate.code] }, { communityCodes: [B.estate.code] }, { after: encodeCursor(0) }],
    // This year, where the ground's tickets and surveys are: every estate, A per grid, and B.
    'Query.satisfaction': [{}, { communityCodes: [A.estate.code], perGrid: true }, { communityCodes: [B.estate.code] }]
      .map((f) => ({ filter: { from: `${groundYear()}-01-01`, to: `${groundYear()}-12-31`, groupBy: 'YEAR', ...f } })),
    'Subscription.communityLifeChanges': [{}, { filter: { communityCodes: [A.estate.code] } }, { filter: { communityCodes: [B.estate.code] } }],
    'Query.communityLifeFigures': [{}, { communityCodes: [A.estate.code] }, { communityCodes: [B.estate.code] }]
      .map((codes) => ({ filter: { ...codes, from: localDate(-1), to: localDate(30) } })),
  };
}

/** The ids in batches of three types each (both estates' rows of each type in the same batch). */
function nodeBatches(ids: string[]): { ids: string[] }[] {
  const types = [...new Set(ids.map((id) => fromGlobalId(id)!.type))];
  const batches: { ids: string[] }[] = [];
  for (let i = 0; i < types.length; i += 3) {
    const batch = new Set(types.slice(i, i + 3));
    batches.push({ ids: ids.filter((id) => batch.has(fromGlobalId(id)!.type)) });
  }
  return batches;
}

/** Arguments for nested fields: those that require some, and lists the hunt must read whole. */
const NESTED_ARGS: Walk['nestedArgs'] = {
  // Every event of a ticket (its notes among them), not only the first two.
  'Ticket.timeline': { first: 10 },
  // Every change of the ground's reception day.
  'CommunityEvent.changes': { first: 10 },
  // The busy slots of the ground's bookings (days 2 and 3).
  'PublicSpace.bookings': { from: slot(0, 0).startsAt, to: slot(20, 0).startsAt },
};

const covered = new Set<string>();

/** One document per root field and argument set, each reaching every field below it. */
function documents(operation: 'query' | 'subscription'): { text: string; variables: Record<string, unknown> }[] {
  const root = (operation === 'query' ? schema.getQueryType() : schema.getSubscriptionType()) as GraphQLObjectType;
  const table = rootArgs();
  return Object.values(root.getFields()).flatMap((field) => {
    const key = `${root.name}.${field.name}`;
    const variants = table[key] ?? (field.args.some((a) => String(a.type).endsWith('!')) ? null : [field.args.some((a) => a.name === 'first') ? { first: 10 } : {}]);
    if (!variants) throw new Error(`the leak hunter cannot call ${key}: add its arguments to rootArgs`);
    covered.add(key);
    return variants.map((args) => {
      const vars = new Variables();
      const walk: Walk = { schema, hops: HOPS, nestedArgs: NESTED_ARGS, covered, vars };
      // node(id) answers one type: its document walks that type; nodes(ids) walks the types of its ids, mixed.
      const only = key === 'Query.node' ? [fromGlobalId(args.id as string)!.type]
        : key === 'Query.nodes' ? [...new Set((args.ids as string[]).map((id) => fromGlobalId(id)!.type))] : undefined;
      const selection = only
        ? `__typename ${only.map((type) => `... on ${type} { ${selectAll(walk, schema.getType(type)!, HOPS, `${type}_`)} }`).join(' ')}`
        : selectAll(walk, getNamedType(field.type), HOPS);
      const call = `${field.name}${argumentList(field, args, vars)}`;
      return { text: `${operation} Hunt${vars.declaration()} { ${call} { ${selection} } }`, variables: vars.values };
    });
  });
}

/** What each role may never receive, and what a manager must (so the hunt provably reaches it). */
function forbiddenFor(role: Role): { ids: Set<string>; values: string[] } {
  const proactive = (g: Ground) => [...g.proactive.staffOnly, ...g.proactive.staffText, ...g.proactive.estateText, ...g.proactive.operatorOnly];
  const everything = (g: Ground) => [...g.households.values()].flat().concat(g.staffContact, g.internal, g.tickets.flatMap((k) => k.text), g.surveyNotes, g.text,
    g.staffOnly, proactive(g));
  const ids = new Set(B.rowIds);
  const values = everything(B);
  const aPersonal = [...A.households.values()].flat();
  const aText = A.tickets.flatMap((k) => k.text);
  if (role === 'anonymous') {
    for (const id of A.rowIds) ids.add(id);
    values.push(...everything(A));
  } else if (role === 'DISTRICT' || role === 'INTEGRATOR') {
    values.push(...aPersonal, ...A.staffContact, ...aText, ...A.surveyNotes, ...A.text, ...A.staffOnly,
      ...A.proactive.staffOnly, ...A.proactive.staffText, ...A.proactive.estateText);
    // Dashboards count care visits; they never read a plan, a visit, or a visit's ticket and its events.
    for (const id of [...A.proactive.careIds.values()].flat()) ids.add(id);
    for (const k of A.tickets.filter((k) => k.careVisit)) for (const id of [k.id, ...k.events]) ids.add(id);
  } else if (role === 'RESIDENT') {
    // Residents read no figures, so no survey either.
    values.push(...A.surveyNotes);
    const home = A.estate.households[0].id;
    const me = A.estate.residents[0].id;
    // Other households' data, a neighbour's booking purpose among it, and why the estate booked.
    for (const [household, personal] of A.households) if (household !== home) values.push(...personal);
    values.push(...A.staffContact, ...A.staffOnly, ...A.proactive.staffOnly, ...A.proactive.staffText, ...A.proactive.operatorOnly);
    for (const [household, careIds] of A.proactive.careIds) if (household !== home) for (const id of careIds) ids.add(id);
    for (const id of A.proactive.operatorIds) ids.add(id);
    for (const k of A.tickets.filter((k) => k.householdId !== home && k.reporterResidentId !== me)) {
      ids.add(k.id);
      for (const e of k.events) ids.add(e);
      values.push(...k.text);
    }
  }
  // Care needs are enum values: matched exactly, like ids.
  const exact = values.filter((v) => /^[A-Z_]+$/.test(v));
  for (const v of exact) ids.add(v);
  return { ids, values: values.filter((v) => !exact.includes(v)) };
}

const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new WeakMap<string[], RegExp>();

/** Every marker or id of `forbidden` found in a body (ids exactly, markers anywhere in a string). */
function leaks(body: unknown, forbidden: { ids: Set<string>; values: string[] }): string[] {
  let pattern = patterns.get(forbidden.values);
  if (!pattern) patterns.set(forbidden.values, (pattern = new RegExp(forbidden.values.map(escape).join('|') || '(?!)', 'g')));
  const found: string[] = [];
  for (const s of stringsOf(body)) {
    if (forbidden.ids.has(s)) found.push(s);
    for (const match of s.matchAll(pattern)) found.push(match[0]);
  }
  return found;
}

/**
 * A query over a connection of its own. The generated documents keep the
 * event loop, which the in-process server shares, busy for seconds; a
 * kept-alive socket the server times out meanwhile would reset a request
 * that never reached it, so the hunt does not reuse sockets.
 */
function hunt(query: string, variables: Record<string, unknown>, token?: string): Promise<{ data?: any; errors?: { extensions?: Record<string, any> }[] }> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(t.url, {
      method: 'POST', agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** How long one role's query hunt may take: well under a minute on a quiet two-core machine. */
const HUNT_MS = 300_000;

const seen = Object.fromEntries(ROLES.map((r) => [r, new Set<string>()])) as Record<Role, Set<string>>;

describe.each(ROLES)('%s', (role) => {
  it('gets nothing of the other estate and no personal value it may not see, from any query', async () => {
    const forbidden = forbiddenFor(role);
    const found: string[] = [];
    // A few at a time: the database works on one while the server builds the next answer.
    const queue = documents('query');
    // Past the deadline the queue is dropped, so a run that is out of time fails saying so and stops loading the
    // server under the tests after it (a timed-out test's workers would otherwise go on).
    const deadline = Date.now() + HUNT_MS - 10_000;
    let left = 0;
    await Promise.all([0, 1, 2].map(async () => {
      for (let doc = queue.shift(); doc; doc = queue.shift()) {
        if (Date.now() > deadline) {
          left += queue.length + 1;
          queue.length = 0;
          break;
        }
        const res = await hunt(doc.text, doc.variables, tokens[role]);
        const codes = (res.errors ?? []).map((e) => e.extensions?.code);
        // Refusals are expected; a broken document or a crash is not.
        expect(codes.filter((c) => !['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].includes(c))).toEqual([]);
        for (const leak of leaks(res, forbidden)) found.push(`${leak} ← ${doc.text.slice(0, 60)} ${JSON.stringify(doc.variables).slice(0, 80)}`);
        for (const s of stringsOf(res.data)) seen[role].add(s);
      }
    }));
    expect(found).toEqual([]);
    expect(left === 0 ? 'every document sent' : `out of time with ${left} documents unsent`).toBe('every document sent');
  }, HUNT_MS);

  it('gets nothing it may not see from any subscription, whatever is written in either estate', async () => {
    const conn: WsConnection = connect(t.wsUrl, tokens[role] ? bearer(tokens[role]!) : undefined);
    const received: unknown[] = [];
    const stops = documents('subscription').map((doc) => conn.client.subscribe({ query: doc.text, variables: doc.variables }, {
      next: (result) => { received.push(result); },
      error: (error) => { received.push({ error }); },
      complete: () => {},
    }));
    await sleep(500);
    const write = async (g: Ground) => {
      const manager = await t.token({ sub: g.estate.gid.staff('manager'), role: 'MANAGER', communities: [g.estate.code] });
      for (const k of g.tickets.filter((k) => k.reporterResidentId !== null).slice(0, 2)) {
        await gql(t.url, 'mutation($i: TicketActionInput!) { reopenTicket(input: $i) { ticket { id } } }', { i: { ticketId: k.id } }, manager);
      }
      await gql(t.url, 'mutation($i: RaiseEmergencyInput!) { raiseEmergency(input: $i) { dispatch { id } } }',
        { i: { idempotencyKey: `hunt-${g.estate.code}`, incidentType: 'FIRE', buildingId: g.estate.gid.building(0) } }, manager);
      // A booking and a registration of each role's run: community life streams too.
      await gql(t.url, 'mutation($i: BookSpaceInput!) { bookSpace(input: $i) { booking { id } } }', { i: {
        spaceId: toGlobalId('PublicSpace', g.estate.spaces[1].id), ...slot(5 + ROLES.indexOf(role), 10), purpose: 'hunt', attendees: 2 } }, manager);
      await gql(t.url, 'mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { id } } }',
        { i: { eventId: g.eventId, residentId: g.estate.gid.resident(6 - ROLES.indexOf(role) % 3) } }, manager);
      return submitOk(t, manager, { buildingId: g.estate.gid.building(0) });
    };
    await write(B);
    const sentinel = await write(A);
    const deadline = Date.now() + 10_000;
    while (role !== 'anonymous' && role !== 'RESIDENT' && !stringsOf(received).has(sentinel.id) && Date.now() < deadline) await sleep(100);
    await sleep(role === 'anonymous' || role === 'RESIDENT' ? 1500 : 300);
    stops.forEach((stop) => stop());
    await conn.dispose();
    const forbidden = forbiddenFor(role);
    expect(leaks(received, forbidden)).toEqual([]);
    for (const s of stringsOf(received)) seen[role].add(s);
    if (role !== 'anonymous' && role !== 'RESIDENT') expect(stringsOf(received).has(sentinel.id)).toBe(true);
  }, 60_000);
});

describe('the hunt is not vacuous', () => {
  it('walks every field of every type a client can reach', () => {
    const reachable = reachableFields(schema, [schema.getQueryType()!, schema.getSubscriptionType()!]);
    expect([...reachable].filter((f) => !covered.has(f))).toEqual([]);
  });

  it('reaches every personal value of A as a manager, and the own household as a resident', () => {
    const all = [...A.households.values()].flat().concat(A.staffContact, A.tickets.flatMap((k) => k.text), A.surveyNotes, A.text, A.staffOnly, [...A.rowIds],
      A.proactive.staffOnly, A.proactive.staffText, A.proactive.estateText, A.proactive.operatorOnly, A.proactive.internal);
    expect(all.filter((v) => !seen.MANAGER.has(v))).toEqual([]);
    const home = A.households.get(A.estate.households[0].id)!;
    expect(home.filter((v) => !seen.RESIDENT.has(v))).toEqual([]);
    expect(A.text.filter((v) => !seen.RESIDENT.has(v))).toEqual([]);
    expect(A.lifeIds.filter((v) => !seen.DISTRICT.has(v))).toEqual([]);
    expect(A.tickets.filter((k) => k.householdId === A.estate.households[0].id).map((k) => k.id).every((id) => seen.RESIDENT.has(id))).toBe(true);
    expect(A.tickets.filter((k) => !k.careVisit).map((k) => k.id).every((id) => seen.DISTRICT.has(id))).toBe(true);
  });
});
