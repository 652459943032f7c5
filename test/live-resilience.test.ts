import { createEstate, type Estate } from './helpers/factories';
import { latestCursor, logIds, sleep, submitTicket, waitUntil, writeConcurrently } from './helpers/instances';
import { follow, type Follower, type StreamEvent } from './helpers/live';
import { startTestServer, type TestServer } from './helpers/server';

/** A client that loses its connection, or whose token runs out, loses no event and sees none twice. */

let t: TestServer;
let estate: Estate;
let manager: string;
let claims: { sub: string; role: 'MANAGER'; communities: string[] };
const followers: Follower[] = [];

beforeAll(async () => {
  // Long enough for the 30-day token below: timers past 2^31 ms (~24.8 days) must still wait.
  t = await startTestServer({ tokenMaxLifetimeSeconds: 40 * 86400 });
  estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 2 });
  claims = { sub: estate.gid.staff('manager'), role: 'MANAGER', communities: [estate.code] };
  manager = await t.token(claims);
});
afterEach(async () => {
  await Promise.all(followers.splice(0).map((f) => f.stop()));
});
afterAll(() => t.close());

const filter = () => ({ communityCodes: [estate.code] });

function live(token: string, after: string | null): Follower {
  const f = follow(t.wsUrl, token, { filter: filter(), after });
  followers.push(f);
  return f;
}

/** A fixed point in the stream: everything after it is what the streams below are compared on. */
async function mark(): Promise<string> {
  const ticket = await submitTicket(t.url, manager, { buildingId: estate.gid.building(1) });
  return latestCursor(t.url, manager, ticket.id);
}

const cursors = (events: StreamEvent[]) => events.map((e) => e.cursor);

function expectOrderedOnce(events: StreamEvent[]): void {
  const ids = logIds(events);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(new Set(ids).size).toBe(ids.length);
}

describe('disconnect and resume', () => {
  it('gets exactly the events committed while away, then live ones, while writers keep committing', async () => {
    const start = await mark();
    // The reference never disconnects; subscribed `after` the mark, it cannot miss an early event.
    const reference = live(manager, start);
    const first = live(manager, start);
    await writeConcurrently([t.url], manager, estate, 3, 1);
    await first.waitFor(6);
    const seen = [...first.events];
    await first.stop();

    await writeConcurrently([t.url], manager, estate, 4, 3); // 24 events while disconnected
    const meanwhile = writeConcurrently([t.url], manager, estate, 4, 3); // 24 more around the resume
    await sleep(100);
    const resumed = live(manager, seen[seen.length - 1].cursor);
    await meanwhile;

    await reference.waitFor(6 + 48, 20_000);
    await resumed.waitFor(48, 20_000);
    await sleep(300); // a duplicate would arrive by now
    expect(seen).toHaveLength(6);
    expect(cursors(seen)).toEqual(cursors(reference.events.slice(0, 6)));
    expect(cursors(resumed.events)).toEqual(cursors(reference.events.slice(6)));
    expectOrderedOnce(reference.events);
    expect(resumed.errors).toEqual([]);
  });
});

describe('token expiry', () => {
  it('closes the connection with 4401 once the token expires; a fresh token resumes from the last cursor with nothing lost', async () => {
    const start = await mark();
    const shortLived = await t.token(claims, '3s');
    const exp = JSON.parse(Buffer.from(shortLived.split('.')[1], 'base64url').toString()).exp as number;
    const reference = live(manager, start);
    const expiring = live(shortLived, start);

    // One writer commits steadily before, across and after the expiry.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await submitTicket(t.url, manager, { buildingId: estate.gid.building(0) });
        written += 1;
        await sleep(100);
      }
    })();
    try {
      await waitUntil('the expiry close', () => expiring.closes.length > 0);
      const closedAt = Date.now();
      expect(expiring.closes).toEqual([4401]);
      // Timers may round to the millisecond; the close is never meaningfully before `exp`, nor long after.
      expect(closedAt).toBeGreaterThanOrEqual(exp * 1000 - 20);
      expect(closedAt).toBeLessThan(exp * 1000 + 3000);
      expect(expiring.events.length).toBeGreaterThan(0);

      // The writer commits while the client is away.
      await waitUntil('events committed after the close', () => reference.events.length > expiring.events.length + 2);
      const resumed = live(await t.token(claims), expiring.events[expiring.events.length - 1].cursor);
      await sleep(800);
      writing = false;
      await writer;

      await reference.waitFor(written);
      await resumed.waitFor(written - expiring.events.length);
      await sleep(300);
      expect(reference.events).toHaveLength(written);
      expect(cursors([...expiring.events, ...resumed.events])).toEqual(cursors(reference.events));
      expectOrderedOnce(reference.events);
    } finally {
      writing = false;
      await writer;
    }
  });

  it('keeps a connection whose token is valid for 30 days open', async () => {
    const start = await mark();
    const f = live(await t.token(claims, '30d'), start);
    await sleep(500);
    expect(f.closes).toEqual([]);
    const ticket = await submitTicket(t.url, manager, { buildingId: estate.gid.building(0) });
    const [event] = await f.waitFor(1);
    expect(event.ticket.id).toBe(ticket.id);
    expect(f.closes).toEqual([]);
    expect(f.errors).toEqual([]);
  });

  it('refuses a token that expired before connection_init with 4403', async () => {
    const expired = await t.token(claims, Math.floor(Date.now() / 1000) - 5);
    const f = live(expired, null);
    await waitUntil('the refusal', () => f.closes.length > 0);
    expect(f.closes).toEqual([4403]);
    expect(f.events).toEqual([]);
  });
});
