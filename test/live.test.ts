import { contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { follow, type Follower } from './helpers/live';
import { sleep, submitTicket } from './helpers/instances';
import { dropDatabases, ownDatabase } from './helpers/process';
import { managerToken, startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let estate: Estate;
let manager: string;
const followers: Follower[] = [];

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 4 });
  manager = await managerToken(t, estate);
});
afterEach(async () => {
  await Promise.all(followers.splice(0).map((f) => f.stop()));
});
afterAll(() => t.close());

let keys = 0;
async function submit(token = manager, building = 0) {
  const res = await gql(t.url, contract('SubmitTicket'), {
    input: { idempotencyKey: `live-${keys++}-${Math.random()}`, buildingId: estate.gid.building(building), category: 'CLEANING', priority: 'NORMAL', channel: 'PATROL', title: 'Litter in the lobby' },
  }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.submitTicket.ticket as { id: string; number: string };
}

async function acknowledge(id: string) {
  const res = await gql(t.url, contract('AcknowledgeTicket'), { input: { ticketId: id } }, manager);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

function start(variables: { filter?: Record<string, unknown>; after?: string | null }, token = manager) {
  const f = follow(t.wsUrl, token, variables);
  followers.push(f);
  return f;
}

describe('ticketEvents', () => {
  it('streams a change as it commits, with a cursor', async () => {
    const live = start({ filter: { communityCodes: [estate.code] } });
    await new Promise((r) => setTimeout(r, 200)); // the subscription is registered before the change
    const ticket = await submit();
    const [event] = await live.waitFor(1);
    expect(event).toMatchObject({ type: 'SUBMITTED', fromStatus: null, toStatus: 'SUBMITTED', ticket: { id: ticket.id, number: ticket.number, building: { code: 'B01' } } });
    expect(typeof event.cursor).toBe('string');
    await acknowledge(ticket.id);
    const events = await live.waitFor(2);
    expect(events[1]).toMatchObject({ type: 'ACKNOWLEDGED', fromStatus: 'SUBMITTED', toStatus: 'ACKNOWLEDGED' });
  });

  it('replays from a cursor then continues live, with no gap and no duplicate while 8 writers commit', async () => {
    const first = start({ filter: { communityCodes: [estate.code] } });
    await new Promise((r) => setTimeout(r, 200));
    await submit();
    const [mark] = await first.waitFor(1);

    // 8 writers commit concurrently; a subscriber resumes from `mark` in the middle of it.
    const writers = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 6; i++) {
        const ticket = await submit();
        await acknowledge(ticket.id);
      }
    });
    await new Promise((r) => setTimeout(r, 150));
    const resumed = start({ filter: { communityCodes: [estate.code] }, after: mark.cursor });
    await Promise.all(writers);
    const expected = 8 * 6 * 2;
    await first.waitFor(1 + expected, 20_000);
    await resumed.waitFor(expected, 20_000);
    await new Promise((r) => setTimeout(r, 300)); // anything extra would show up now

    const cursors = resumed.events.map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(cursors).toEqual(first.events.slice(1).map((e) => e.cursor));
    expect(resumed.events).toHaveLength(expected);
  });
});

describe('a stream without a cursor', () => {
  // Its own database: the test holds back the log's notifications, which would slow every other file's live tests.
  let own: TestServer;
  let here: Estate;
  let token: string;
  beforeAll(async () => {
    // No safety poll during the test: the held-back change must stay unheard until the next notification.
    own = await startTestServer({ databaseUrl: await ownDatabase('live_start') }, { eventBus: { safetyPollMs: 3_600_000 } });
    here = await createEstate(own.orm, { buildings: 1, householdsPerBuilding: 1 });
    token = await managerToken(own, here);
  });
  afterAll(async () => {
    await own.close();
    await dropDatabases();
  });

  it('starts at the log as it stands when it subscribes: a change committed before, not yet heard by this process, is not news', async () => {
    const notify = (on: boolean) => own.orm.em.fork().execute(`alter table event_log ${on ? 'enable' : 'disable'} trigger event_log_notify`);
    await notify(false);
    try {
      // Committed and answered before the client subscribes; this process's LISTEN never hears of it.
      await submitTicket(own.url, token, { buildingId: here.gid.building(0) });
    } finally {
      await notify(true);
    }
    const f = follow(own.wsUrl, token, { filter: { communityCodes: [here.code] } });
    followers.push(f);
    await sleep(200);
    const after = await submitTicket(own.url, token, { buildingId: here.gid.building(0) });
    await f.waitFor(1);
    await sleep(300); // anything extra would show up now
    expect(f.events.map((e) => e.ticket.id)).toEqual([after.id]);
  });
});
