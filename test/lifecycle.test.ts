import net from 'node:net';
import WebSocket from 'ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, loadConfig, PRODUCTION_RATE_LIMIT } from '../src/config';
import { DEFAULT_LIMITS } from '../src/limits';
import { openOrm } from '../src/db/orm';
import { codes, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import {
  CLI_SECRET, createDatabase, dropDatabases, killAll, migrateWithCli, rowCounts, runCli, startCli, waitForStatus, type CliServer,
} from './helpers/process';
import { testDatabaseUrl } from './helpers/server';

afterAll(async () => {
  await killAll();
  await dropDatabases();
});

const SECRET = 'x'.repeat(32);

/** Each bad value and the variable its one-line error must name. */
const BAD_CONFIG: [string, Record<string, string | undefined>][] = [
  ['PORT', { PORT: 'abc' }],
  ['PORT', { PORT: '70000' }],
  ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
  ['DATABASE_URL', { DATABASE_URL: 'mysql://x/y' }],
  ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
  ['JWT_SECRET', { JWT_SECRET: 'short' }],
  ['JWT_SECRET', { NODE_ENV: 'production', JWT_SECRET: undefined }],
  ['GRAPHQL_MAX_ALIASES', { GRAPHQL_MAX_ALIASES: 'many' }],
  ['GRAPHQL_MAX_DEPTH', { GRAPHQL_MAX_DEPTH: '0' }],
  ['RATE_LIMIT_POINTS', { RATE_LIMIT_POINTS: '-1' }],
  ['RATE_LIMIT_WINDOW_SECONDS', { RATE_LIMIT_WINDOW_SECONDS: '1.5' }],
];

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:4000, log level info, the embedded database', () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', logLevel: 'info', databaseUrl: undefined, production: false });
  });

  it('reads valid values', () => {
    const config = loadConfig({
      PORT: '0', HOST: '0.0.0.0', LOG_LEVEL: 'warn', DATABASE_URL: 'postgres://u@db:5432/gk', JWT_SECRET: SECRET, NODE_ENV: 'production',
    });
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', logLevel: 'warn', databaseUrl: 'postgres://u@db:5432/gk', production: true });
    expect(Buffer.from(config.jwtSecret).toString()).toBe(SECRET);
  });

  it('reads query limits, defaulting each unset one', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).limits).toEqual(DEFAULT_LIMITS);
    expect(loadConfig({ JWT_SECRET: SECRET, GRAPHQL_MAX_TOKENS: '500', GRAPHQL_MAX_COST: '20000' }).limits)
      .toEqual({ ...DEFAULT_LIMITS, tokens: 500, cost: 20_000 });
  });

  it('rate-limits by default in production only; RATE_LIMIT_POINTS=0 turns it off', () => {
    const prod = { JWT_SECRET: SECRET, NODE_ENV: 'production' };
    expect(loadConfig({ JWT_SECRET: SECRET }).rateLimit).toBeUndefined();
    expect(loadConfig(prod).rateLimit).toEqual(PRODUCTION_RATE_LIMIT);
    expect(loadConfig({ ...prod, RATE_LIMIT_POINTS: '0' }).rateLimit).toBeUndefined();
    expect(loadConfig({ ...prod, RATE_LIMIT_WINDOW_SECONDS: '10' }).rateLimit).toEqual({ points: PRODUCTION_RATE_LIMIT.points, windowSeconds: 10 });
    expect(loadConfig({ JWT_SECRET: SECRET, RATE_LIMIT_POINTS: '5' }).rateLimit).toEqual({ points: 5, windowSeconds: 60 });
  });

  it.each(BAD_CONFIG)('rejects a bad %s: %j', (variable, env) => {
    const attempt = () => loadConfig({ JWT_SECRET: SECRET, ...env });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(variable);
  });
});

describe('start with a bad configuration', () => {
  // Independent processes: run side by side to keep the file quick.
  it.concurrent.each(BAD_CONFIG)('exits 2 with one line naming %s for %j', async (variable, env) => {
    const result = await runCli(['start'], { DATABASE_URL: testDatabaseUrl(), ...env });
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(result.stdout).toBe('');
  });
});

/** True when nothing accepts TCP connections on the port any more. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** An open graphql-transport-ws connection (acknowledged) and the close code it ends with. */
async function openSubscriptionSocket(server: CliServer): Promise<{ closed: Promise<number> }> {
  const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve();
    });
    socket.once('error', reject);
    void closed.then((code) => reject(new Error(`socket closed with ${code} before connection_ack`)));
  });
  return { closed };
}

describe('graceful shutdown', () => {
  // SIGTERM as a supervisor sends it, to the top process only (tsx relays it to the script); SIGINT as
  // Ctrl-C in a terminal delivers it, to the whole process group at once.
  it.each([['SIGTERM', 'process'], ['SIGINT', 'process group']] as const)('on %s to the %s closes WebSockets with 1001 and exits 0 within 10 s', async (signal, target) => {
    const server = await startCli({ DATABASE_URL: testDatabaseUrl() });
    const base = server.url.replace(/\/graphql$/, '');
    await waitForStatus(`${base}/readyz`, 200);
    const { closed } = await openSubscriptionSocket(server);

    const sent = Date.now();
    if (target === 'process') server.child.kill(signal);
    else process.kill(-server.child.pid!, signal);
    const [code, exit] = await Promise.all([closed, server.exited]);
    expect(code).toBe(1001);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - sent).toBeLessThan(10_000);
    expect(server.logs.at(-1)?.msg).toBe('stopped');
    expect(server.logs.some((l) => l.msg === 'shutting down' && l.signal === signal)).toBe(true);
    expect(await refused(server.port)).toBe(true);
  }, 30_000);
});

describe('start on an unmigrated database', () => {
  it('warns, is live but not ready until `migrate` runs, and does not seed', async () => {
    const url = await createDatabase('unmigrated');
    const server = await startCli({ DATABASE_URL: url });
    const base = server.url.replace(/\/graphql$/, '');
    const warning = server.logs.find((l) => l.level === 40);
    expect(warning?.msg).toMatch(/migrations pending/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);

    const migrated = await runCli(['migrate'], { DATABASE_URL: url });
    expect(migrated.code).toBe(0);
    // Same process: readiness follows the database without a restart.
    await waitForStatus(`${base}/readyz`, 200, 5000);
    const res = await gql(server.url, '{ communities(first: 10) { totalCount } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.communities.totalCount).toBe(0);
    expect(server.logs.some((l) => /demo data/.test(l.msg))).toBe(false);
    expect(await rowCounts(url)).toEqual(expect.objectContaining({ community: 0, resident: 0 }));

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 60_000);
});

describe('seed and token on a database with an estate', () => {
  let url: string;
  let orm: MikroORM;
  let estate: Estate;

  // A database of its own: other test files write to the shared one, which would upset the row counts.
  beforeAll(async () => {
    url = await createDatabase('estate');
    await migrateWithCli(url);
    orm = await openOrm(url, { poolMax: 2 });
    estate = await createEstate(orm);
  }, 60_000);
  afterAll(() => orm?.close());

  it('`seed` refuses a database that already holds estates and writes nothing', async () => {
    const before = await rowCounts(url);
    const result = await runCli(['seed'], { DATABASE_URL: url });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/refusing to seed: the database already holds \d+ estate\(s\)/);
    expect(await rowCounts(url)).toEqual(before);
  }, 60_000);

  it('`token` prints one JWT that the running server accepts for a scoped field', async () => {
    const result = await runCli(
      ['token', '--role', 'MANAGER', '--community', estate.code, '--sub', estate.gid.staff('manager')],
      { DATABASE_URL: url, JWT_SECRET: CLI_SECRET },
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const server = await startCli({ DATABASE_URL: url, JWT_SECRET: CLI_SECRET });
    try {
      const query = 'query($code: String!) { community(code: $code) { code residentCount householdCount } }';
      const withToken = await gql(server.url, query, { code: estate.code }, lines[0]);
      expect(withToken.errors).toBeUndefined();
      expect(withToken.data.community).toEqual({ code: estate.code, residentCount: estate.residents.length, householdCount: estate.households.length });
      // The field is scoped: without the token it is refused, so the token is what opened it.
      const anonymous = await gql(server.url, query, { code: estate.code });
      expect(codes(anonymous)).toContain('UNAUTHENTICATED');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 60_000);

  it('`token --role NOPE` exits 2 with one line naming the option', async () => {
    const result = await runCli(['token', '--role', 'NOPE'], { DATABASE_URL: url });
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/--role must be one of .*MANAGER/);
    expect(result.stdout).toBe('');
  });
});
