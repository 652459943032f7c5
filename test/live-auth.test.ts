import { toGlobalId } from '../src/ids';
import { createEstate, type Estate } from './helpers/factories';
import { latestCursor, move, sleep, submitTicket, watch, type Watcher } from './helpers/instances';
import { follow, type Follower, type StreamEvent } from './helpers/live';
import { startTestServer, type TestServer } from './helpers/server';
import { bearer, connect, type WsConnection } from './helpers/ws';

/** Who may follow which ticket events: narrowing and checks per event, per subscriber, live and replayed. */

let t: TestServer;
let home: Estate;
let away: Estate;
const tokens: Record<'manager' | 'awayManager' | 'resident0' | 'resident1' | 'resident2' | 'district', string> = {} as never;
const followers: Follower[] = [];
const conns: WsConnection[] = [];

beforeAll(async () => {
  t = await startTestServer();
  // Households 0 and 1 in building 0, each with two residents: residents 0 and 1 share household 0.
  home = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 2, residentsPerHousehold: 2 });
  away = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1 });
  const sign = (sub: string, role: 'MANAGER' | 'RESIDENT' | 'DISTRICT', code = home.code) => t.token({ sub, role, communities: [code] });
  tokens.manager = await sign(home.gid.staff('manager'), 'MANAGER');
  tokens.awayManager = await sign(away.gid.staff('manager'), 'MANAGER', away.code);
  tokens.resident0 = await sign(home.gid.resident(0), 'RESIDENT');
  tokens.resident1 = await sign(home.gid.resident(1), 'RESIDENT');
  tokens.resident2 = await sign(home.gid.resident(2), 'RESIDENT');
  tokens.district = await sign('district-1', 'DISTRICT');
});
afterEach(async () => {
  await Promise.all(followers.splice(0).map((f) => f.stop()));
  await Promise.all(conns.splice(0).map((c) => c.dispose()));
});
afterAll(() => t.close());

function live(token: string | null, variables: { filter?: Record<string, unknown>; after?: string | null } = {}): Follower {
  const f = follow(t.wsUrl, token, variables);
  followers.push(f);
  return f;
}

function open(token: string): WsConnection {
  const conn = connect(t.wsUrl, bearer(token));
  conns.push(conn);
  return conn;
}

type Stream = Follower | Watcher;
const ticketIdsOf = (s: Stream): string[] =>
  'events' in s ? s.events.map((e) => e.ticket.id) : s.data.map((d) => d.ticketEvents.ticket.id);

/**
 * Writes sentinel tickets (visible to every stream given) until each stream
 * has received one: from then on they are all registered and live. Returns
 * the last sentinel, the point streams are compared from.
 */
async function prime(streams: Stream[], token = tokens.manager, where: Record<string, string> = { householdId: home.gid.household(0) }): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const sentinel = (await submitTicket(t.url, token, where)).id;
    const deadline = Date.now() + 1500;
    while (Date.now() < deadline && !streams.every((s) => ticketIdsOf(s).includes(sentinel))) await sleep(25);
    if (streams.every((s) => ticketIdsOf(s).includes(sentinel))) return sentinel;
  }
  throw new Error('the subscriptions never became live');
}

/** A stream's events after the sentinel's SUBMITTED event. */
function since<T extends StreamEvent>(events: T[], sentinel: string): T[] {
  const at = events.findIndex((e) => e.ticket.id === sentinel);
  if (at < 0) throw new Error(`the stream never saw ${sentinel}`);
  return events.slice(at + 1);
}

const cursors = (events: StreamEvent[]) => events.map((e) => e.cursor);

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await sleep(25);
  }
}

describe('per-event authorisation', () => {
  it('narrows a RESIDENT with a whole-estate filter to their household and their own tickets, live and replayed', async () => {
    const mark = await latestCursor(t.url, tokens.manager, (await submitTicket(t.url, tokens.manager, { buildingId: home.gid.building(1) })).id);
    const filter = { communityCodes: [home.code] };
    const all = live(tokens.manager, { filter });
    const mine = live(tokens.resident0, { filter });
    const sentinel = await prime([all, mine]);

    const w = (token: string, where: Record<string, string>) => submitTicket(t.url, token, where).then((x) => x.id);
    const visible = [
      await w(tokens.manager, { householdId: home.gid.household(0) }), // about their household, raised by staff
      await w(tokens.resident0, { buildingId: home.gid.building(0) }), // raised by them, about the lobby
      await w(tokens.resident1, { householdId: home.gid.household(0) }), // raised by a household member about the household
    ];
    const hidden = [
      await w(tokens.manager, { householdId: home.gid.household(1) }),
      await w(tokens.manager, { buildingId: home.gid.building(1) }),
      await w(tokens.resident2, { householdId: home.gid.household(1) }),
    ];
    for (const id of [...visible, ...hidden]) await move(t.url, tokens.manager, 'AcknowledgeTicket', id);

    await waitFor(() => since(all.events, sentinel).length >= 12 && since(mine.events, sentinel).length >= 6);
    await sleep(500); // a hidden event would arrive by now
    const everything = since(all.events, sentinel);
    expect(everything).toHaveLength(12);
    const expected = everything.filter((e) => visible.includes(e.ticket.id));
    expect(expected).toHaveLength(6);
    expect(cursors(since(mine.events, sentinel))).toEqual(cursors(expected));
    expect(mine.events.every((e) => !hidden.includes(e.ticket.id))).toBe(true);

    // The same narrowing on the replay path (SQL rather than the live predicate).
    const replayed = live(tokens.resident0, { filter, after: mark });
    await waitFor(() => replayed.events.some((e) => e.ticket.id === sentinel) && since(replayed.events, sentinel).length >= 6, 15_000);
    await sleep(300);
    expect(cursors(since(replayed.events, sentinel))).toEqual(cursors(expected));
    expect(replayed.events.every((e) => !hidden.includes(e.ticket.id))).toBe(true);
    expect(mine.errors).toEqual([]);
  });

  it("gives DISTRICT the estate's events but FORBIDDEN and null for household and reporter", async () => {
    const PERSONAL = `subscription($filter: TicketEventFilter) {
      ticketEvents(filter: $filter) { cursor type ticket { id number household { unit } reporter { name } } } }`;
    const filter = { communityCodes: [home.code] };
    const all = live(tokens.manager, { filter });
    const district = live(tokens.district, { filter });
    const districtPersonal = watch(open(tokens.district), PERSONAL, { filter });
    const managerPersonal = watch(open(tokens.manager), PERSONAL, { filter });
    const sentinel = await prime([all, district, districtPersonal, managerPersonal]);

    const ticket = (await submitTicket(t.url, tokens.resident0, { householdId: home.gid.household(0) })).id;
    await move(t.url, tokens.manager, 'AcknowledgeTicket', ticket);
    const count = (s: Stream) => ticketIdsOf(s).filter((id) => id === ticket).length;
    await waitFor(() => [all, district, districtPersonal, managerPersonal].every((s) => count(s) >= 2));
    await sleep(300);

    expect(cursors(since(district.events, sentinel))).toEqual(cursors(since(all.events, sentinel)));
    const personal = (w: Watcher) => w.data.map((d) => d.ticketEvents).filter((e) => e.ticket.id === ticket);
    expect(personal(districtPersonal)).toHaveLength(2);
    // Only the personal fields are null: the household and reporter themselves are there, as they are for HTTP.
    for (const e of personal(districtPersonal)) expect(e.ticket).toMatchObject({ id: ticket, household: { unit: null }, reporter: { name: null } });
    const paths = districtPersonal.errors.map((e) => e.path?.join('.'));
    expect(new Set(districtPersonal.errors.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(paths).toContain('ticketEvents.ticket.household.unit');
    expect(paths).toContain('ticketEvents.ticket.reporter.name');
    const leaked = JSON.stringify(districtPersonal.data);
    expect(leaked).not.toContain(home.residents[0].name);
    expect(leaked).not.toMatch(/"unit":"/);
    for (const h of home.households) expect(leaked).not.toContain(h.unit);
    // The same document works for staff: the nulls above are the rule, not a broken document.
    expect(personal(managerPersonal).map((e) => e.ticket)).toEqual([0, 1].map(() => ({
      id: ticket, number: expect.any(String), household: { unit: home.households[0].unit }, reporter: { name: home.residents[0].name },
    })));
    expect(managerPersonal.errors).toEqual([]);
  });

  it("refuses another estate's token asking for this estate's code: FORBIDDEN, no events", async () => {
    for (const codes of [[home.code], [away.code, home.code]]) {
      const f = live(tokens.awayManager, { filter: { communityCodes: codes } });
      await f.ended;
      await submitTicket(t.url, tokens.manager, { buildingId: home.gid.building(0) });
      await sleep(300);
      expect(f.errors.map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(['FORBIDDEN']);
      expect(f.events).toEqual([]);
    }
  });

  it("does not send a MANAGER without a filter another estate's events", async () => {
    const mine = live(tokens.manager);
    const theirs = live(tokens.awayManager);
    const homeStart = await prime([mine]);
    const awayStart = await prime([theirs], tokens.awayManager, { buildingId: away.gid.building(0) });
    const written: Record<string, string[]> = { [home.code]: [], [away.code]: [] };
    for (let i = 0; i < 3; i++) {
      for (const [estate, token] of [[home, tokens.manager], [away, tokens.awayManager]] as const) {
        const id = (await submitTicket(t.url, token, { buildingId: estate.gid.building(0) })).id;
        await move(t.url, token, 'AcknowledgeTicket', id);
        written[estate.code].push(id, id);
      }
    }
    const after = (f: Follower, start: string) => since(f.events, start).map((e) => e.ticket.id);
    await waitFor(() => after(mine, homeStart).length >= 6 && after(theirs, awayStart).length >= 6);
    await sleep(500);
    expect(after(mine, homeStart)).toEqual(written[home.code]);
    expect(after(theirs, awayStart)).toEqual(written[away.code]);
    expect(mine.events.every((e) => e.ticket.number.startsWith(`${home.code}-`))).toBe(true);
  });
});

describe('refused subscriptions', () => {
  const codeOf = (f: Follower) => f.errors.map((e) => (e as { extensions?: { code?: string } }).extensions?.code);

  it.each([
    ['after that is not a cursor', () => ({ after: 'not-a-cursor' })],
    ['after that is an empty string', () => ({ after: '' })],
    ['after that is a ticket ID, not a stream cursor', () => ({ after: toGlobalId('Ticket', 1) })],
    ['a malformed gridId', () => ({ filter: { gridId: 'grid-one' } })],
    ['a gridId that names a building', () => ({ filter: { gridId: home.gid.building(0) } })],
    // Base64 decoding skips what it does not know: a real cursor or id with a NUL after it is neither.
    ['after that is a real cursor with a NUL after it', () => ({ after: `${Buffer.from('ev:1').toString('base64url')}\u0000` })],
    ['a real buildingId with a NUL after it', () => ({ filter: { buildingId: `${home.gid.building(0)}\u0000` } })],
  ])('answers BAD_USER_INPUT for %s', async (_, variables) => {
    const f = live(tokens.manager, variables());
    await f.ended;
    expect(codeOf(f)).toEqual(['BAD_USER_INPUT']);
    expect(f.events).toEqual([]);
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    const f = live(null, { filter: { communityCodes: [home.code] } });
    await f.ended;
    expect(codeOf(f)).toEqual(['UNAUTHENTICATED']);
    expect(f.events).toEqual([]);
  });

  it('closes a connection with an invalid token (4403) before any subscription runs', async () => {
    const f = live('not.a.token', { filter: { communityCodes: [home.code] } });
    await f.ended;
    expect(f.closes).toContain(4403);
    expect(f.events).toEqual([]);
  });
});
