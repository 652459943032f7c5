import type { Page } from 'playwright-core';
import { contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { haveChromium, launchChromium, servePage, CHROMIUM, type PageEvents, type PageQuery, type PageSubscription } from './helpers/browser';
import { managerToken, startTestServer, type TestServer } from './helpers/server';

/**
 * A real browser on another origin than the API: what a front-end team's app
 * meets. CI installs Chromium; on a machine without it these tests are
 * skipped with a note rather than failing the clone's first `npm test`.
 */
const run = haveChromium() || process.env.CI ? describe : describe.skip;
if (!haveChromium() && !process.env.CI) console.warn(`${CHROMIUM} not found: skipping the browser tests (apt-get install chromium to run them)`);

declare const gk: {
  query(cfg: unknown): Promise<PageQuery>;
  subscribe(cfg: unknown): Promise<PageSubscription>;
  verify(numbers: string[]): PageEvents;
  events: unknown[];
};

run('a browser app on another origin', () => {
  let page: Awaited<ReturnType<typeof servePage>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let t: TestServer;
  let estate: Estate;
  let token: string;
  let cfg: { api: string; ws: string; token: string; code: string; document: string };

  beforeAll(async () => {
    page = await servePage();
    // Only the page's localhost origin is listed: the same page from 127.0.0.1 is another, unlisted origin.
    t = await startTestServer({ corsOrigins: [`http://localhost:${page.port}`] });
    estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 2 });
    token = await managerToken(t, estate);
    cfg = { api: t.url, ws: t.wsUrl, token, code: estate.code, document: '' };
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await page?.close();
  });

  /** A tab on `origin` with every console line it prints. */
  async function open(origin: string): Promise<{ tab: Page; console: string[] }> {
    const tab = await browser.context.newPage();
    const console: string[] = [];
    tab.on('console', (message) => console.push(message.text()));
    await tab.goto(`${origin}/`);
    return { tab, console };
  }

  let keys = 0;
  async function submit(): Promise<string> {
    const res = await gql(t.url, contract('SubmitTicket'), {
      input: { idempotencyKey: `browser-${keys++}-${Date.now()}`, buildingId: estate.gid.building(0), category: 'CLEANING', priority: 'NORMAL', channel: 'PATROL', title: 'Stairwell light out' },
    }, token);
    if (res.errors) throw new Error(`setup submit failed: ${JSON.stringify(res.errors)}`);
    return res.data.submitTicket.ticket.number;
  }

  it('queries over HTTP and receives a live event over graphql-ws from an allowed origin', async () => {
    const { tab, console } = await open(`http://localhost:${page.port}`);
    const query = await tab.evaluate((c) => gk.query(c), { ...cfg, document: contract('EstateOverview') });
    expect({ query, console }).toEqual({ query: { ok: true, status: 200 }, console: [] });

    expect(await tab.evaluate((c) => gk.subscribe(c), { ...cfg, document: contract('TicketEvents') })).toEqual({ ok: true });
    // "Live from now" starts once the server has registered the subscription: change tickets until one arrives.
    const numbers: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      numbers.push(await submit());
      const arrived = await tab.waitForFunction(() => gk.events.length > 0, undefined, { timeout: 500 }).then(() => true, () => false);
      if (arrived) break;
    }
    const verdict = await tab.evaluate((n) => gk.verify(n), numbers);
    expect(verdict.ok).toBe(true);
    expect(verdict.events[0]).toMatchObject({ type: 'SUBMITTED', number: expect.stringMatching(new RegExp(`^${estate.code}-`)) });
  }, 60_000);

  it('refuses the same page from an origin not on the list, over HTTP and WebSocket', async () => {
    const { tab, console } = await open(`http://127.0.0.1:${page.port}`);
    const query = await tab.evaluate((c) => gk.query(c), { ...cfg, document: contract('EstateOverview') });
    expect(query).toEqual({ ok: false, error: expect.stringMatching(/TypeError: Failed to fetch/) });
    expect(console.join('\n')).toMatch(/blocked by CORS policy.*No 'Access-Control-Allow-Origin' header/s);

    const subscription = await tab.evaluate((c) => gk.subscribe(c), { ...cfg, document: contract('TicketEvents') });
    expect(subscription).toEqual({ ok: false, closeCode: 1006 });
    expect(console.join('\n')).toMatch(/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/graphql' failed.*403/s);
  }, 60_000);
});
