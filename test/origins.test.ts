import WebSocket from 'ws';
import { ConfigError, loadConfig } from '../src/config';
import { startTestServer, type TestServer } from './helpers/server';

const SECRET = 'x'.repeat(32);
let dev: TestServer;
let listed: TestServer;

beforeAll(async () => {
  dev = await startTestServer();
  listed = await startTestServer({ corsOrigins: ['https://app.example.com', 'http://10.0.0.5:*'], production: true });
});
afterAll(async () => {
  await dev.close();
  await listed.close();
});

/** A browser's preflight for a JSON POST with a bearer token. */
function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization,x-request-id',
    },
  });
}

describe('CORS on /graphql', () => {
  it.each([
    ['a localhost dev server', 'http://localhost:5173'],
    ['127.0.0.1 on any port', 'http://127.0.0.1:3000'],
  ])('answers a preflight from %s outside production', async (_what, origin) => {
    const res = await preflight(dev.url, origin);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    const allowed = res.headers.get('access-control-allow-headers')!.split(',');
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id']));
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['localhost over https (not on the default list)', 'https://localhost:5173'],
    ['a look-alike host', 'http://localhost.evil.example:5173'],
    ['an opaque origin', 'null'],
  ])('gives a preflight from %s no CORS headers', async (_what, origin) => {
    const res = await preflight(dev.url, origin);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('lets an allowed origin read the response and its request id', async () => {
    const res = await fetch(dev.url, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id');
  });

  it('with CORS_ORIGINS set, allows exactly those (and any port where it says :*), localhost no more', async () => {
    for (const origin of ['https://app.example.com', 'http://10.0.0.5:8080']) {
      expect((await preflight(listed.url, origin)).headers.get('access-control-allow-origin')).toBe(origin);
    }
    for (const origin of ['http://app.example.com', 'https://app.example.com:8443', 'http://localhost:5173', 'https://10.0.0.5']) {
      expect((await preflight(listed.url, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('allows no browser origin in production by default', async () => {
    const prod = await startTestServer({ production: true });
    try {
      expect((await preflight(prod.url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await prod.close();
    }
  });

  it('keeps CSRF prevention: a GET without a preflight header is still refused', async () => {
    const res = await fetch(`${dev.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: 'http://localhost:5173' } });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('"__typename"');
  });
});

/** Opens a raw WebSocket upgrade and reports the handshake's outcome. */
function upgrade(url: string, origin?: string): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', origin ? { origin } : {});
    socket.once('open', () => {
      socket.close();
      resolve({ opened: true });
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode });
      socket.terminate();
    });
    socket.once('error', () => resolve({ opened: false }));
  });
}

describe('WebSocket upgrades', () => {
  it('accept an allowed Origin', async () => {
    expect(await upgrade(dev.wsUrl, 'http://localhost:5173')).toEqual({ opened: true });
    expect(await upgrade(listed.wsUrl, 'https://app.example.com')).toEqual({ opened: true });
  });

  it('refuse a disallowed Origin with 403 before the upgrade', async () => {
    expect(await upgrade(dev.wsUrl, 'https://evil.example')).toEqual({ opened: false, status: 403 });
    expect(await upgrade(listed.wsUrl, 'http://localhost:5173')).toEqual({ opened: false, status: 403 });
  });

  it('accept an upgrade without Origin (not a browser)', async () => {
    expect(await upgrade(dev.wsUrl)).toEqual({ opened: true });
    expect(await upgrade(listed.wsUrl)).toEqual({ opened: true });
  });
});

describe('CORS_ORIGINS', () => {
  it('is read into canonical origins', () => {
    const config = loadConfig({ JWT_SECRET: SECRET, CORS_ORIGINS: ' https://App.Example.com/ , http://localhost:* ,https://x.example:443' });
    expect(config.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:*', 'https://x.example']);
  });

  it('is left to the default when unset', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).corsOrigins).toBeUndefined();
  });

  it.each(['*', 'app.example.com', 'https://app.example.com/path', 'ftp://files.example', 'https://user@app.example.com', 'http://localhost:99999'])(
    'rejects %j with one line naming the variable', (value) => {
      const attempt = () => loadConfig({ JWT_SECRET: SECRET, CORS_ORIGINS: value });
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(/^CORS_ORIGINS .*[^\n]$/);
    },
  );
});
