import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's `chromium` package; .ci/run installs it. Nothing here downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

export const haveChromium = (): boolean => fs.existsSync(CHROMIUM);

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A headless Chromium with a profile of its own, removed on close. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gridkeeper-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** graphql-ws's browser bundle (global `graphqlWs`), from the installed package. */
function graphqlWsBundle(): string {
  const file = path.join(path.dirname(require.resolve('graphql-ws')), '../umd/graphql-ws.min.js');
  if (!fs.existsSync(file)) throw new Error(`graphql-ws ships no browser bundle at ${file}`);
  return fs.readFileSync(file, 'utf8');
}

/** What the page's checks report; each `ok` is decided inside the page. */
export interface PageQuery { ok: boolean; status?: number; error?: string }
export interface PageSubscription { ok: boolean; closeCode?: number }
export interface PageEvents { ok: boolean; events: { type: string; number: string; cursor: string }[] }

/**
 * A client app as a front-end team would write it: plain fetch for queries
 * and graphql-ws for subscriptions, run against the API from its own origin.
 * `gk.query` runs the contract's EstateOverview and checks it got that
 * estate; `gk.subscribe` follows TicketEvents; `gk.verify` checks that
 * events arrived and that each is a change to one of the given tickets,
 * with a cursor to resume from.
 */
const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>gridkeeper client check</title>
<script src="/graphql-ws.js"></script>
<script>
window.gk = {
  events: [],
  async query({ api, token, code, document }) {
    try {
      const res = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
        body: JSON.stringify({ query: document, variables: { code } }),
      });
      const body = await res.json();
      return { ok: res.ok && !body.errors && body.data.community.code === code, status: res.status };
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  },
  subscribe({ ws, token, code, document }) {
    return new Promise((resolve) => {
      const client = graphqlWs.createClient({
        url: ws,
        connectionParams: { authorization: 'Bearer ' + token },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => {},
        on: {
          connected: () => resolve({ ok: true }),
          closed: (event) => resolve({ ok: false, closeCode: event.code }),
        },
      });
      client.subscribe({ query: document, variables: { filter: { communityCodes: [code] } } }, {
        next: (result) => window.gk.events.push(result),
        // A refused connection ends in \`closed\` above; the sink's error only repeats it.
        error: () => {},
        complete: () => {},
      });
    });
  },
  verify(numbers) {
    const events = window.gk.events.map((r) => r.data && r.data.ticketEvents);
    const ok = events.length > 0 && window.gk.events.every((r) => !r.errors)
      && events.every((e) => e && numbers.includes(e.ticket.number) && typeof e.cursor === 'string');
    return { ok, events: events.map((e) => e && { type: e.type, number: e.ticket.number, cursor: e.cursor }) };
  },
};
</script>`;

/** Serves the page and the graphql-ws bundle on a port of its own: another origin than the API's. */
export async function servePage(): Promise<{ port: number; close(): Promise<void> }> {
  const bundle = graphqlWsBundle();
  const server = http.createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (req.url === '/graphql-ws.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else if (req.url === '/favicon.ico') res.writeHead(204).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
