import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '../config';
import { startEmbeddedPostgres } from './embedded';
import { ensureDatabase } from './orm';

/** The embedded server's data folder (git-ignored). */
export const EMBEDDED_DATA_DIR = path.join(DATA_DIR, 'pg');
const EMBEDDED_DATABASE = 'gridkeeper';

export interface DatabaseLocation {
  url: string;
  /** True when this process started the embedded server (and must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Where the data lives: DATABASE_URL when set; otherwise the embedded
 * PostgreSQL in `.data/pg`, reusing it when another gridkeeper process
 * (the server, say, while `npm run token` runs) already has it up.
 */
export async function openDatabase(databaseUrl: string | undefined, log: (message: string) => void): Promise<DatabaseLocation> {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => {} };
  const runningPort = runningEmbeddedPort(EMBEDDED_DATA_DIR);
  if (runningPort) {
    const serverUrl = `postgresql://postgres:postgres@127.0.0.1:${runningPort}`;
    return { url: `${serverUrl}/${EMBEDDED_DATABASE}`, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres(EMBEDDED_DATA_DIR, log);
  try {
    await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: `${server.serverUrl}/${EMBEDDED_DATABASE}`, embedded: true, stop: () => server.stop() };
}

/** The port of a live postmaster in `dataDir`, read from postmaster.pid as pg_ctl does. */
function runningEmbeddedPort(dataDir: string): number | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // stale file from a crash: PostgreSQL itself cleans it up on start
  }
}
