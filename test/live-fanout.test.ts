import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { buildSchema, type ExecutionResult } from 'graphql';
import { serveGraphqlWs } from '../src/ws-transport';
import { createLogger } from '../src/logger';
import { createEstate, type Estate } from './helpers/factories';
import { rawConnect, sleep, submitTicket, waitUntil, type RawSocket } from './helpers/instances';
import { startTestServer, type TestServer } from './helpers/server';

/**
 * One event, many subscribers: a result shared by subscribers is serialised
 * once, yet every socket gets its own operation id, and what each gets is
 * decided by its own rights.
 */

/** Operation ids as clients may choose them, JSON escapes included. */
const IDS = ['1', 'dashboard "north"', 'tableau-é\\2', '✓'];

describe('the WebSocket transport', () => {
  let httpServer: http.Server;
  let transport: { dispose(): Promise<void> };
  let url: string;
  /** What every subscriber is sent: one result object per event, shared. */
  let serialisations = 0;
  let emit: (result: ExecutionResult) => void = () => {};
  const waiting: ((result: ExecutionResult) => void)[] = [];

  beforeAll(async () => {
    httpServer = http.createServer();
    const wsServer = new WebSocketServer({ server: httpServer });
    const schema = buildSchema('type Query { ok: Boolean } type Subscription { tick: Tick } type Tick { serialisations: Int }');
    emit = (result) => {
      for (const deliver of waiting.splice(0)) deliver(result);
    };
    transport = serveGraphqlWs({
      schema,
      // Every subscriber's stream yields the same result object for each event, as shared executions do.
      subscribe: async () => {
        const iterator: AsyncIterableIterator<ExecutionResult> = {
          next: () => new Promise((resolve) => waiting.push((value) => resolve({ value, done: false }))),
          return: async () => ({ value: undefined, done: true }),
          [Symbol.asyncIterator]: () => iterator,
        };
        return iterator;
      },
    }, wsServer, { keepAliveMs: 60_000, production: true, logger: createLogger('silent'), extra: (socket, ip) => ({ socket, ip }) });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await transport.dispose();
    await new Promise((resolve) => httpServer.close(resolve));
  });

  it('sends one serialisation of a shared result to every socket, each under its own operation id', async () => {
    const sockets = IDS.map((id) => subscribeRaw(url, id));
    try {
      await waitUntil('every subscription registered', () => waiting.length === IDS.length);
      // The value counts how often it was turned into JSON: serialised per socket, each would say a different number.
      const counted = { toJSON: () => ++serialisations };
      emit({ data: { tick: { serialisations: counted } } });
      const frames = await Promise.all(sockets.map((s) => s.next));
      expect(frames.map((f) => JSON.parse(f))).toEqual(IDS.map((id) => ({ id, type: 'next', payload: { data: { tick: { serialisations: 1 } } } })));
      expect(serialisations).toBe(1);
    } finally {
      for (const s of sockets) s.socket.terminate();
    }
  });
});

/** A raw graphql-transport-ws client that subscribes with `id` and keeps the first `next` frame as text. */
function subscribeRaw(url: string, id: string): { socket: WebSocket; next: Promise<string> } {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const next = new Promise<string>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data, binary) => {
      const text = data.toString();
      const message = JSON.parse(text);
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: 'subscription { tick { serialisations } }' } }));
      // Text frames only: a browser client cannot read a binary one as a graphql-ws message.
      else if (message.type === 'next') (binary ? reject(new Error('binary frame')) : resolve(text));
    });
  });
  return { socket, next };
}

describe('one event for subscribers with different rights', () => {
  let t: TestServer;
  let estate: Estate;
  const raws: RawSocket[] = [];
  const QUERY = 'subscription($filter: TicketEventFilter) { ticketEvents(filter: $filter) { cursor ticket { id household { unit } } } }';

  beforeAll(async () => {
    t = await startTestServer();
    // Households 0 and 1 in building 0; residents 0 and 1 share household 0.
    estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 2, residentsPerHousehold: 2 });
  });
  afterEach(async () => {
    await Promise.all(raws.splice(0).map((r) => r.close()));
  });
  afterAll(() => t.close());

  async function open(token: string, id: string): Promise<RawSocket> {
    const raw = rawConnect(t.wsUrl, token);
    raws.push(raw);
    await raw.acked;
    raw.subscribe(id, QUERY, { filter: { communityCodes: [estate.code] } });
    return raw;
  }
  const nexts = (raw: RawSocket) => raw.messages.filter((m) => m.type === 'next');
  const ticketsOf = (raw: RawSocket) => nexts(raw).map((m) => m.payload.data?.ticketEvents?.ticket.id);

  it('gives each subscriber its own id and only what its rights allow, the same answer for the same rights', async () => {
    const sign = (sub: string, role: 'MANAGER' | 'RESIDENT' | 'DISTRICT') => t.token({ sub, role, communities: [estate.code] });
    const manager = await sign(estate.gid.staff('manager'), 'MANAGER');
    const managers = await Promise.all(IDS.map((id) => open(manager, id)));
    const resident0 = await open(await sign(estate.gid.resident(0), 'RESIDENT'), 'r0');
    const resident1 = await open(await sign(estate.gid.resident(1), 'RESIDENT'), 'r1');
    const otherHousehold = await open(await sign(estate.gid.resident(2), 'RESIDENT'), 'r2');
    const district = await open(await sign('district-1', 'DISTRICT'), 'd');
    const everyone = [...managers, resident0, resident1, otherHousehold, district];

    // Household 0's ticket, then household 1's: once household 1's has reached every stream that may see it, the first has been decided everywhere.
    let first = '';
    for (let attempt = 0; attempt < 20 && !first; attempt++) {
      const ticket = (await submitTicket(t.url, manager, { householdId: estate.gid.household(0) })).id;
      await sleep(300);
      if ([...managers, resident0, resident1, district].every((r) => ticketsOf(r).includes(ticket))) first = ticket;
    }
    expect(first).not.toBe('');
    const second = (await submitTicket(t.url, manager, { householdId: estate.gid.household(1) })).id;
    await waitUntil('the second ticket everywhere it may go', () => [...managers, otherHousehold, district].every((r) => ticketsOf(r).includes(second)));

    const eventOf = (raw: RawSocket, ticket: string): Record<string, any> => {
      const found = nexts(raw).find((m) => m.payload.data?.ticketEvents?.ticket.id === ticket);
      if (!found) throw new Error(`${ticket} did not reach this subscriber`);
      return found;
    };
    // Every manager's copy of the event: its own id, the same payload.
    const copies = managers.map((raw) => eventOf(raw, first));
    expect(copies.map((m) => m.id)).toEqual(IDS);
    for (const copy of copies) expect(copy.payload).toEqual(copies[0].payload);
    expect(copies[0].payload).toEqual({ data: { ticketEvents: { cursor: expect.any(String), ticket: { id: first, household: { unit: estate.households[0].unit } } } } });
    // Residents of household 0 get it under their ids; household 1's resident never does, but does get its own household's.
    expect(eventOf(resident0, first).id).toBe('r0');
    expect(eventOf(resident1, first).id).toBe('r1');
    expect(ticketsOf(otherHousehold)).not.toContain(first);
    expect(eventOf(otherHousehold, second).id).toBe('r2');
    expect(ticketsOf(resident0)).not.toContain(second);
    // A dashboard gets the event without the household: personal data stays with the rights that may read it.
    const dashboard = eventOf(district, first);
    expect(dashboard.id).toBe('d');
    expect(dashboard.payload.data.ticketEvents).toEqual({ cursor: copies[0].payload.data.ticketEvents.cursor, ticket: { id: first, household: { unit: null } } });
    expect(dashboard.payload.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
    // Nothing twice, to anyone.
    for (const raw of everyone) {
      const cursors = nexts(raw).map((m) => m.payload.data?.ticketEvents?.cursor);
      expect(new Set(cursors).size).toBe(cursors.length);
    }
  });
});
