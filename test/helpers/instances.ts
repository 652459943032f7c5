import crypto from 'node:crypto';
import fs from 'node:fs';
import WebSocket from 'ws';
import { decodeCursor } from '../../src/events/log';
import { contract, gql } from './client';
import type { Estate } from './factories';
import { sql, startCli, type CliServer } from './process';
import { TEST_SECRET, testDatabaseUrl } from './server';
import type { WsConnection } from './ws';

/** Shared pieces of the live-event tests: writers over HTTP, CLI instances, the listener backends, raw sockets. */

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` until it returns something truthy; fails naming `what` after `ms`. */
export async function waitUntil<T>(what: string, check: () => T | Promise<T>, ms = 10_000): Promise<NonNullable<Awaited<T>>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<Awaited<T>>;
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await sleep(50);
  }
}

export interface CreatedTicket { id: string; number: string }

/** Raises a ticket over HTTP and insists it worked: a setup step, not the thing under test. */
export async function submitTicket(url: string, token: string, where: Record<string, string>, extra: Record<string, unknown> = {}): Promise<CreatedTicket> {
  const input = {
    idempotencyKey: `live-${crypto.randomBytes(8).toString('hex')}`, category: 'CLEANING', priority: 'NORMAL', channel: 'PATROL',
    title: 'Litter in the lobby', ...where, ...extra,
  };
  const res = await gql(url, contract('SubmitTicket'), { input }, token);
  if (res.errors || !res.data) throw new Error(`submit failed: ${JSON.stringify(res.errors)}`);
  return res.data.submitTicket.ticket;
}

/** One contract move on a ticket (AcknowledgeTicket, StartTicket, ResolveTicket), insisting it worked. */
export async function move(url: string, token: string, op: string, ticketId: string): Promise<void> {
  const res = await gql(url, contract(op), { input: { ticketId } }, token);
  if (res.errors) throw new Error(`${op} failed: ${JSON.stringify(res.errors)}`);
}

/**
 * `writers` concurrent loops, each raising `rounds` tickets in `estate` and
 * acknowledging each: 2 events per round. Loop i writes through urls[i % n],
 * so every instance takes writes. Resolves with the tickets created.
 */
export async function writeConcurrently(urls: string[], token: string, estate: Estate, writers: number, rounds: number): Promise<CreatedTicket[]> {
  const created: CreatedTicket[] = [];
  await Promise.all(Array.from({ length: writers }, async (_, i) => {
    const url = urls[i % urls.length];
    for (let r = 0; r < rounds; r++) {
      const ticket = await submitTicket(url, token, { buildingId: estate.gid.building(r % estate.buildings.length) });
      created.push(ticket);
      await move(url, token, 'AcknowledgeTicket', ticket.id);
    }
  }));
  return created;
}

/**
 * The stream cursor of a ticket's newest event, read over HTTP: a fixed point
 * to subscribe `after`, so a subscription misses nothing however long it
 * takes to register.
 */
export async function latestCursor(url: string, token: string, ticketId: string): Promise<string> {
  const res = await gql(url, 'query($id: ID!) { node(id: $id) { ... on Ticket { timeline(last: 1) { edges { node { cursor } } } } } }', { id: ticketId }, token);
  const cursor = res.data?.node?.timeline.edges[0]?.node.cursor;
  if (typeof cursor !== 'string') throw new Error(`no cursor for ${ticketId}: ${JSON.stringify(res.errors ?? res.data)}`);
  return cursor;
}

/** The log ids behind the cursors of a stream, in the order received. */
export function logIds(events: readonly { cursor: string }[]): number[] {
  return events.map((e) => {
    const id = decodeCursor(e.cursor);
    if (id === null) throw new Error(`not a cursor: ${e.cursor}`);
    return id;
  });
}

/** The secret the in-process servers use, as the text a CLI process takes in JWT_SECRET. */
export const TEST_SECRET_TEXT = new TextDecoder().decode(TEST_SECRET);

export interface CliInstance { server: CliServer; url: string; wsUrl: string }

/** A real `start` process on the test database, accepting the in-process servers' tokens. */
export async function startCliInstance(env: Record<string, string> = {}): Promise<CliInstance> {
  const server = await startCli({ DATABASE_URL: testDatabaseUrl(), JWT_SECRET: TEST_SECRET_TEXT, LOG_LEVEL: 'info', ...env }, 60_000);
  return { server, url: server.url, wsUrl: server.url.replace(/^http/, 'ws') };
}

export interface Listener { pid: number; port: number }

/** Every event-bus LISTEN backend on the test database, with the client port it talks to. */
export async function listenerBackends(): Promise<Listener[]> {
  const rows = await sql<{ pid: number; client_port: number | null }>(testDatabaseUrl(),
    `select pid, client_port from pg_stat_activity where application_name = 'gridkeeper-listener' and datname = current_database()`);
  return rows.map((r) => ({ pid: r.pid, port: r.client_port ?? -1 }));
}

/**
 * The local TCP ports of the sockets the processes `pids` hold, read from
 * /proc. Test files share the database, so a listener backend is told apart
 * by the process at the other end of its connection.
 */
function portsOwnedBy(pids: readonly number[]): Set<number> {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // the process is gone
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]);
      } catch {
        // closed meanwhile
      }
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = fs.existsSync(table) ? fs.readFileSync(table, 'utf8').trim().split('\n').slice(1) : [];
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (inodes.has(fields[9])) ports.add(parseInt(fields[1].split(':')[1], 16));
    }
  }
  return ports;
}

/** This process and every process in the group of a spawned CLI (tsx runs the server in a grandchild). */
export function processTree(groupLeaders: readonly number[]): number[] {
  const pids = [process.pid];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (groupLeaders.includes(pgrp)) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** The listener backends whose client end is held by one of `pids`. */
export async function listenersOf(pids: readonly number[]): Promise<Listener[]> {
  const ports = portsOwnedBy(pids);
  return (await listenerBackends()).filter((l) => ports.has(l.port));
}

/** Terminates these backends, as a failover or an idle-connection killer would. */
export async function terminate(listeners: readonly Listener[]): Promise<void> {
  const rows = await sql<{ ok: boolean }>(testDatabaseUrl(), 'select pg_terminate_backend(pid) as ok from unnest($1::int[]) as pid', [listeners.map((l) => l.pid)]);
  if (rows.some((r) => !r.ok)) throw new Error('a listener backend could not be terminated');
}

/**
 * A WebSocket speaking graphql-transport-ws by hand, for what the graphql-ws
 * client hides: reading nothing, counting pings, the raw close code.
 */
export interface RawSocket {
  socket: WebSocket;
  messages: Record<string, any>[];
  pings: number[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves on connection_ack. */
  acked: Promise<void>;
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
  /** Stops and restarts reading from the TCP socket. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export function rawConnect(wsUrl: string, token: string): RawSocket {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const messages: Record<string, any>[] = [];
  const pings: number[] = [];
  let ack!: () => void;
  const acked = new Promise<void>((r) => (ack = r));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  socket.on('error', () => {}); // surfaces as the close
  socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
  socket.on('ping', () => pings.push(Date.now()));
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    messages.push(message);
    if (message.type === 'connection_ack') ack();
  });
  // ws keeps the TCP socket in a private field; pausing it is what a client that stops reading looks like.
  // ws resumes it itself after draining a large frame, so resume() is held off until the test says so.
  const tcp = () => (socket as unknown as { _socket: import('node:net').Socket })._socket;
  let resumeTcp: (() => void) | null = null;
  return {
    socket, messages, pings, closed, acked,
    subscribe: (id, query, variables) => socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } })),
    pause: () => {
      const s = tcp();
      const original = s.resume;
      s.resume = () => s;
      resumeTcp = () => {
        s.resume = original;
        s.resume();
      };
      s.pause();
    },
    resume: () => resumeTcp?.(),
    close: async () => {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.terminate();
      await closed;
    },
  };
}

/** Everything one subscription of any document received. */
export interface Watcher {
  data: any[];
  /** Field errors of results, and the errors of an `error` message, flattened. */
  errors: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  /** A socket close that ended it, if one did. */
  closeCode: number | null;
  ended: Promise<void>;
  waitFor(count: number, ms?: number): Promise<any[]>;
  stop(): void;
}

/** Subscribes `query` on an open graphql-ws connection and records what arrives. */
export function watch(conn: WsConnection, query: string, variables: Record<string, unknown> = {}): Watcher {
  const data: any[] = [];
  const errors: Watcher['errors'] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let end!: () => void;
  const ended = new Promise<void>((r) => (end = r));
  const watcher: Watcher = {
    data, errors, closeCode: null, ended,
    waitFor: (count, ms = 10_000) => new Promise((resolve, reject) => {
      if (data.length >= count) return resolve(data);
      const timer = setTimeout(() => reject(new Error(`waited ${ms} ms for ${count} results, got ${data.length}; errors: ${JSON.stringify(errors).slice(0, 300)}`)), ms);
      waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(data); } });
    }),
    stop: () => unsubscribe(),
  };
  const unsubscribe = conn.client.subscribe({ query, variables }, {
    next: (result) => {
      if (result.errors) errors.push(...(result.errors as Watcher['errors']));
      if (result.data) data.push(result.data);
      for (const w of waiters) if (data.length >= w.count) w.resolve();
    },
    error: (error: unknown) => {
      if (Array.isArray(error)) errors.push(...error);
      else if (error && typeof error === 'object' && 'code' in error) watcher.closeCode = (error as { code: number }).code;
      else errors.push({ message: String(error) });
      end();
    },
    complete: () => end(),
  });
  return watcher;
}
