import WebSocket from 'ws';
import { startTestServer, type TestServer } from './helpers/server';
import { bearer, connect, run, type WsConnection } from './helpers/ws';

/** What a WebSocket may send: messages up to 1 MiB like HTTP bodies, and a small, well-formed connection_init. */

let t: TestServer;
let manager: string;
const sockets: WebSocket[] = [];
const opened: WsConnection[] = [];

beforeAll(async () => {
  t = await startTestServer();
  manager = await t.token({ sub: 'admin-ws-limits', role: 'ADMIN' });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await Promise.all(opened.splice(0).map((c) => c.dispose()));
});
afterAll(() => t.close());

const MiB = 1024 * 1024;

interface Raw {
  socket: WebSocket;
  messages: { type: string; id?: string; payload?: any }[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  next(type: string): Promise<{ type: string; payload?: any }>;
}

/** A graphql-transport-ws socket driven by hand, to send what a well-behaved client never would. */
function raw(): Raw {
  const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws');
  sockets.push(socket);
  const messages: Raw['messages'] = [];
  const waiting: { type: string; resolve: (m: Raw['messages'][number]) => void }[] = [];
  socket.on('error', () => {}); // a refused send surfaces as the close
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    messages.push(message);
    for (const w of waiting.filter((w) => w.type === message.type)) w.resolve(message);
  });
  return {
    socket, messages,
    opened: new Promise((resolve) => socket.once('open', () => resolve())),
    closed: new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
    next: (type) => new Promise((resolve) => {
      const seen = messages.find((m) => m.type === type);
      if (seen) resolve(seen);
      else waiting.push({ type, resolve });
    }),
  };
}

/** A valid subscribe message of exactly `bytes` bytes, padded inside a GraphQL comment (comments are not tokens). */
function subscribeOf(bytes: number): string {
  const head = '{"id":"1","type":"subscribe","payload":{"query":"{ __typename }\\n#';
  const tail = '"}}';
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
}

describe('message size', () => {
  it('closes with 1009 on a 2 MiB message before connection_init', async () => {
    const r = raw();
    await r.opened;
    r.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'x'.repeat(2 * MiB) } }));
    expect((await r.closed).code).toBe(1009);
    expect(r.messages).toEqual([]);
  });

  it('closes with 1009 on a 2 MiB message after connection_init', async () => {
    const r = raw();
    await r.opened;
    r.socket.send(JSON.stringify({ type: 'connection_init', payload: bearer(manager) }));
    await r.next('connection_ack');
    r.socket.send(subscribeOf(2 * MiB));
    expect((await r.closed).code).toBe(1009);
    expect(r.messages.map((m) => m.type)).toEqual(['connection_ack']);
  });

  it('reads a message of exactly 1 MiB', async () => {
    const r = raw();
    await r.opened;
    r.socket.send(JSON.stringify({ type: 'connection_init', payload: bearer(manager) }));
    await r.next('connection_ack');
    const message = subscribeOf(MiB);
    expect(Buffer.byteLength(message)).toBe(MiB);
    r.socket.send(message);
    expect((await r.next('next')).payload).toEqual({ data: { __typename: 'Query' } });
  });

  it('never acknowledges an anonymous 40 MiB connection_init', async () => {
    // Built before the socket opens: on a busy machine building it afterwards could outlast the init timeout (4408).
    const message = JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(40 * MiB) } });
    const r = raw();
    await r.opened;
    r.socket.send(message);
    const closed = await r.closed;
    expect(closed.code).toBe(1009);
    expect(r.messages).toEqual([]);
  });
});

describe('connection_init payload', () => {
  it.each([
    ['an unknown key', { token: 'abc' }, 'connection_init payload: unknown key "token"; send {"authorization": "Bearer <token>"}'],
    ['an unknown key beside a valid one', { authorization: 'Bearer x', extra: 1 }, 'connection_init payload: unknown key "extra"; send {"authorization": "Bearer <token>"}'],
    ['a number for authorization', { authorization: 42 }, 'connection_init payload: "authorization" must be a string; send {"authorization": "Bearer <token>"}'],
    ['an object for authorization', { authorization: { bearer: 'x' } }, 'connection_init payload: "authorization" must be a string; send {"authorization": "Bearer <token>"}'],
    ['more than 4 KiB', { authorization: `Bearer ${'x'.repeat(5000)}` }, 'connection_init payload: 5027 bytes, at most 4096'],
  ])('%s closes the socket with 4400 and says what is wrong', async (_what, payload, reason) => {
    const r = raw();
    await r.opened;
    r.socket.send(JSON.stringify({ type: 'connection_init', payload }));
    const closed = await r.closed;
    expect(closed).toEqual({ code: 4400, reason });
    expect(Buffer.byteLength(closed.reason)).toBeLessThan(123);
    expect(r.messages).toEqual([]);
  });

  it('keeps the reason under 123 bytes whatever the key', async () => {
    const r = raw();
    await r.opened;
    r.socket.send(JSON.stringify({ type: 'connection_init', payload: { ['ключ'.repeat(40)]: 'x' } }));
    const closed = await r.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(/^connection_init payload: unknown key "ключ/);
    expect(Buffer.byteLength(closed.reason)).toBeLessThan(123);
  });

  it('a graphql-ws client sending {token} sees the 4400 close, not an anonymous connection', async () => {
    const conn = connect(t.wsUrl, { token: manager });
    opened.push(conn);
    const outcome = await run(conn, '{ communities(first: 1) { totalCount } }');
    expect(outcome).toEqual({ kind: 'closed', code: 4400, reason: expect.stringContaining('unknown key "token"') });
    expect(conn.connected()).toBe(0);
  });

  it.each([
    ['a bearer token', () => bearer(manager), { communities: { totalCount: expect.any(Number) } }],
    ['an empty payload', () => ({}), { communities: { totalCount: expect.any(Number) } }],
    ['no payload', () => undefined, { communities: { totalCount: expect.any(Number) } }],
    ['authorization: null (no token)', () => ({ authorization: null }), { communities: { totalCount: expect.any(Number) } }],
  ])('%s connects and runs operations', async (_what, params, data) => {
    const conn = connect(t.wsUrl, params());
    opened.push(conn);
    expect(await run(conn, '{ communities(first: 1) { totalCount } }')).toEqual({ kind: 'result', data, errors: undefined });
    expect(conn.connected()).toBe(1);
  });
});
