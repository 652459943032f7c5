import type { MikroORM } from '@mikro-orm/postgresql';
import { signToken, type TokenClaims } from '../../src/auth';
import type { Config } from '../../src/config';
import { openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { startServer, type RequestReport, type RunningServer, type ServerOptions } from '../../src/server';

export const TEST_SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret!');

export interface TestServer {
  url: string;
  wsUrl: string;
  orm: MikroORM;
  server: RunningServer;
  /** Every GraphQL request this server finished, in order. */
  requests: RequestReport[];
  /** Signs a token this server accepts. */
  token(claims: TokenClaims, expiresIn?: string | number): Promise<string>;
  close(): Promise<void>;
}

/** A token of the estate's manager (the staff member `manager` of a factory estate). */
export function managerToken(server: Pick<TestServer, 'token'>, estate: { code: string; gid: { staff(key: string): string } }): Promise<string> {
  return server.token({ sub: estate.gid.staff('manager'), role: 'MANAGER', communities: [estate.code] });
}

/** The test run's database (see global-setup.ts). */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (global-setup)');
  return url;
}

/**
 * A real server on a free port over the test run's database (or
 * `overrides.databaseUrl`), in this process so that tests can count the
 * statements a request issues. `options` replaces the logger or points and
 * tunes the event bus.
 */
export async function startTestServer(overrides: Partial<Config> = {}, options: Partial<Pick<ServerOptions, 'logger' | 'listenerUrl' | 'eventBus'>> = {}): Promise<TestServer> {
  const databaseUrl = overrides.databaseUrl ?? testDatabaseUrl();
  const orm = await openOrm(databaseUrl, { poolMax: 5 });
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    jwtSecret: TEST_SECRET,
    logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel']) ?? 'silent',
    production: false,
    tokenMaxLifetimeSeconds: 24 * 3600,
    // Test files share one database and run side by side: a server that fired due timers would move other files'
    // dispatches under them. Only the tests of timers run them (test/dispatch-timers.test.ts).
    dispatch: { ackTimeoutSeconds: 3600, timerPollMs: 3_600_000 },
    ...overrides,
  };
  const requests: RequestReport[] = [];
  const server = await startServer({ ...options, config, logger: options.logger ?? createLogger(config.logLevel), orm, onRequestEnd: (r) => requests.push(r) });
  return {
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws'),
    orm,
    server,
    requests,
    token: (claims, expiresIn) => signToken(claims, config.jwtSecret, expiresIn),
    close: async () => {
      await server.stop();
      await orm.close();
    },
  };
}
