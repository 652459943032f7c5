import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../src/config';
import { migrate, openOrm } from '../../src/db/orm';
import { databaseOn } from './global-setup';

/** A JWT_SECRET of the required length, shared by CLI servers and the `token` command in the tests. */
export const CLI_SECRET = 'lifecycle-test-secret-0123456789abcdef';


/** Every CLI process the tests spawned and that may still be running; `killAll` reaps them. */
const live = new Set<ChildProcess>();

export type CliEnv = Record<string, string | undefined>;

/**
 * A small, explicit environment: the CLI must not see the test runner's
 * DATABASE_URL or NODE_ENV, and a JWT_SECRET keeps it away from the
 * development secret in .data/. `undefined` removes a variable.
 */
function cliEnv(overrides: CliEnv): NodeJS.ProcessEnv {
  const env: CliEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, JWT_SECRET: CLI_SECRET, LOG_LEVEL: 'info', ...overrides };
  if (!env.DATABASE_URL && !('DATABASE_URL' in overrides)) throw new Error('cliEnv: pass DATABASE_URL so the CLI never falls back to the embedded database');
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

function spawnCli(args: string[], env: CliEnv): ChildProcess {
  // As `npm start` runs it: one node process with tsx's loader, so signals reach the server itself.
  // Own process group, so killing the group reaps anything it started.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: PROJECT_ROOT, env: cliEnv(env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

export interface CliResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }

/** Runs one CLI command to completion. */
export function runCli(args: string[], env: CliEnv, timeoutMs = 60_000): Promise<CliResult> {
  const started = Date.now();
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`cli ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** A `start` process: its JSON log lines, its address, and how it ended. */
export interface CliServer {
  child: ChildProcess;
  url: string;
  port: number;
  logs: Record<string, any>[];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** Starts `start` on a free port (PORT=0) and resolves once it logged the address it listens on. */
export async function startCli(env: CliEnv, timeoutMs = 20_000): Promise<CliServer> {
  const child = spawnCli(['start'], { PORT: '0', ...env });
  const logs: Record<string, any>[] = [];
  let stderr = '';
  let pending = '';
  let onLine: (() => void) | undefined;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ unparsed: line });
      }
    }
    onLine?.();
  });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, at: Date.now() })));

  const listening = await new Promise<Record<string, any>>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`start did not listen within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      killGroup(child);
      reject(error);
    };
    onLine = () => {
      const line = logs.find((l) => typeof l.url === 'string' && /listening/.test(l.msg));
      if (line) {
        clearTimeout(timer);
        onLine = undefined;
        resolve(line);
      }
    };
    void exited.then(({ code }) => fail(new Error(`start exited with ${code} before listening\n${stderr}`)));
  });
  const url = listening.url as string;
  return { child, url, port: Number(new URL(url).port), logs, stderr: () => stderr, exited };
}

/** Polls `url` until it answers `status` (the server may still be connecting to its database). */
export async function waitForStatus(url: string, status: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: number | string = 'no answer';
  while (Date.now() < deadline) {
    try {
      last = (await fetch(url)).status;
      if (last === status) return;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last})`);
}

function killGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Kills every CLI process still running; for afterAll, so a failed test leaves nothing behind. */
export async function killAll(): Promise<void> {
  const waits = [...live].map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    killGroup(child);
  }));
  await Promise.all(waits);
}

const created: string[] = [];

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_SERVER_URL;
  if (!url) throw new Error('TEST_DATABASE_SERVER_URL is not set: run the tests through jest (global-setup)');
  return url;
}

/** Runs SQL on the database at `url` with a short-lived connection. */
export async function sql<R extends Record<string, any> = Record<string, any>>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Creates an empty database `gk_<purpose>_<random>` on the test server; `dropDatabases` removes it. */
export async function createDatabase(purpose: string): Promise<string> {
  const name = `gk_${purpose}_${crypto.randomBytes(4).toString('hex')}`;
  await sql(databaseOn(serverUrl(), 'postgres'), `create database "${name}"`);
  created.push(name);
  return databaseOn(serverUrl(), name);
}

/**
 * A migrated database of the test file's own. Due work (dispatch timers, care
 * visits) is claimed by whichever server polls the database it is in: tests of
 * timers run theirs here, so that no other file's server fires them, and they
 * fire no other file's. `dropDatabases` removes it.
 */
export async function ownDatabase(purpose: string): Promise<string> {
  const url = await createDatabase(purpose);
  const orm = await openOrm(url, { poolMax: 1 });
  try {
    await migrate(orm);
  } finally {
    await orm.close();
  }
  return url;
}

/** Drops every database `createDatabase` made in this test file. */
export async function dropDatabases(): Promise<void> {
  for (const name of created.splice(0)) {
    await sql(databaseOn(serverUrl(), 'postgres'), `drop database if exists "${name}" with (force)`);
  }
}

/** Applies the migrations through the real `migrate` command. */
export async function migrateWithCli(url: string): Promise<void> {
  const result = await runCli(['migrate'], { DATABASE_URL: url, LOG_LEVEL: 'warn' });
  if (result.code !== 0) throw new Error(`migrate exited with ${result.code}\n${result.stderr}`);
}

/** Every table but the migrations ledger, read from the catalog so tables added later count too. */
export async function dataTables(url: string): Promise<string[]> {
  const rows = await sql<{ table_name: string }>(url, `select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations' order by table_name`);
  return rows.map((r) => r.table_name);
}

/** Row count of every such table. */
export async function rowCounts(url: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await dataTables(url)) {
    counts[table] = Number((await sql(url, `select count(*) as n from "${table}"`))[0]!.n);
  }
  return counts;
}
