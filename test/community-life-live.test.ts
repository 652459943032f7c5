import { gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { sleep, watch, type Watcher } from './helpers/instances';
import { startTestServer, type TestServer } from './helpers/server';
import { CANCEL_REGISTRATION, REGISTER, bookOk, scheduleOk, setHours, slot, spaceGid } from './helpers/spaces';
import { bearer, connect, type WsConnection } from './helpers/ws';

/** Bookings, events and registrations live: one stream, a front desk per space, an organiser per event, resume without a gap. */

let t: TestServer;
let estate: Estate;
let other: Estate;
const tokens: Record<string, string> = {};
const open: WsConnection[] = [];
let day = 2;

const STREAM = `subscription($filter: CommunityLifeFilter, $after: String) { communityLifeChanges(filter: $filter, after: $after) {
  __typename id cursor at
  ... on BookingChange { bookingChange: type booking { id status space { id } purpose booker { id } } }
  ... on CommunityEventChange { eventChange: type event { id } registration { id status resident { id } } } } }`;

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 3, residentsPerHousehold: 1 });
  other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  for (const e of [estate, other]) for (const s of e.spaces) await setHours(t, s.id, [['06:00', '22:00']]);
  const sign = (sub: string, role: string, e = estate) => t.token({ sub, role: role as never, communities: [e.code] });
  tokens.desk = await sign(estate.gid.staff('dispatcher'), 'DISPATCHER');
  tokens.manager = await sign(estate.gid.staff('manager'), 'MANAGER');
  tokens.r0 = await sign(estate.gid.resident(0), 'RESIDENT');
  tokens.r1 = await sign(estate.gid.resident(1), 'RESIDENT');
  tokens.r2 = await sign(estate.gid.resident(2), 'RESIDENT');
  tokens.otherManager = await sign(other.gid.staff('manager'), 'MANAGER', other);
  tokens.district = await sign('district-live', 'DISTRICT');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.dispose()));
});
afterAll(() => t.close());

function subscribe(token: string, variables: Record<string, unknown>): Watcher {
  const conn = connect(t.wsUrl, bearer(token));
  open.push(conn);
  return watch(conn, STREAM, variables);
}

const changes = (w: Watcher) => w.data.map((d) => d.communityLifeChanges);
const kinds = (w: Watcher) => changes(w).map((c: any) => c.bookingChange ?? c.eventChange);

it("a front desk follows its space's bookings, and nothing of the estate's other space or another estate", async () => {
  const desk = subscribe(tokens.desk, { filter: { spaceId: spaceGid(estate, 0) } });
  await sleep(300);
  day++;
  const here = await bookOk(t, tokens.r0, { spaceId: spaceGid(estate, 0), ...slot(day, 9) });
  await bookOk(t, tokens.r1, { spaceId: spaceGid(estate, 1), ...slot(day, 9) });
  await bookOk(t, tokens.otherManager, { spaceId: spaceGid(other, 0), ...slot(day, 9) });
  await gql(t.url, 'mutation($i: CancelBookingInput!) { cancelBooking(input: $i) { booking { id } } }', { i: { bookingId: here.id } }, tokens.r0);
  await desk.waitFor(2);
  await sleep(300);
  expect(desk.errors).toEqual([]);
  expect(changes(desk).map((c: any) => [c.__typename, c.bookingChange, c.booking.id])).toEqual([
    ['BookingChange', 'BOOKED', here.id], ['BookingChange', 'CANCELLED', here.id],
  ]);
  expect(changes(desk)[0].booking).toMatchObject({ purpose: "residents' meeting", booker: { id: estate.gid.resident(0) } });
});

it("an organiser follows an event: its booking, registrations, the waiting list moving up", async () => {
  day++;
  const event = await scheduleOk(t, tokens.manager, { spaceId: spaceGid(estate, 1), ...slot(day, 14, 2), capacity: 1 });
  const organiser = subscribe(tokens.manager, { filter: { eventId: event.id } });
  const registrationsOnly = subscribe(tokens.manager, { filter: { eventId: event.id, kinds: ['COMMUNITY_EVENT'] } });
  await sleep(300);
  const first = (await gql(t.url, REGISTER, { i: { eventId: event.id } }, tokens.r0)).data.registerForEvent.registration;
  const second = (await gql(t.url, REGISTER, { i: { eventId: event.id } }, tokens.r1)).data.registerForEvent.registration;
  await gql(t.url, CANCEL_REGISTRATION, { i: { registrationId: first.id } }, tokens.r0);
  await gql(t.url, 'mutation($i: CancelEventInput!) { cancelEvent(input: $i) { event { id } } }', { i: { eventId: event.id } }, tokens.manager);
  await organiser.waitFor(6);
  await registrationsOnly.waitFor(5);
  await sleep(300);
  expect(kinds(organiser)).toEqual(['REGISTERED', 'WAITLISTED', 'REGISTRATION_CANCELLED', 'PROMOTED', 'CANCELLED', 'CANCELLED']);
  expect(changes(organiser).map((c: any) => c.__typename)).toEqual([
    'CommunityEventChange', 'CommunityEventChange', 'CommunityEventChange', 'CommunityEventChange', 'BookingChange', 'CommunityEventChange',
  ]);
  expect(changes(organiser)[3].registration).toMatchObject({ id: second.id, status: 'CONFIRMED' });
  expect(kinds(registrationsOnly)).toEqual(['REGISTERED', 'WAITLISTED', 'REGISTRATION_CANCELLED', 'PROMOTED', 'CANCELLED']);
});

it('resumes after a disconnect with exactly the changes it missed, then goes on live', async () => {
  const first = subscribe(tokens.desk, {});
  await sleep(300);
  day++;
  await bookOk(t, tokens.r0, { spaceId: spaceGid(estate, 0), ...slot(day, 8) });
  await first.waitFor(1);
  const last = changes(first)[0].cursor;
  first.stop();
  const missed = [
    await bookOk(t, tokens.r1, { spaceId: spaceGid(estate, 0), ...slot(day, 10) }),
    await bookOk(t, tokens.r2, { spaceId: spaceGid(estate, 0), ...slot(day, 12) }),
  ];
  const event = await scheduleOk(t, tokens.manager, { spaceId: spaceGid(estate, 1), ...slot(day, 9, 3), capacity: 5 });
  const resumed = subscribe(tokens.desk, { after: last });
  await resumed.waitFor(4);
  const later = await bookOk(t, tokens.r0, { spaceId: spaceGid(estate, 0), ...slot(day, 16) });
  await resumed.waitFor(5);
  await sleep(300);
  expect(changes(resumed).map((c: any) => c.booking?.id ?? c.event.id)).toEqual([missed[0].id, missed[1].id, event.booking.id, event.id, later.id]);
  expect(kinds(resumed)).toEqual(['BOOKED', 'BOOKED', 'BOOKED', 'SCHEDULED', 'BOOKED']);
  const cursors = changes(resumed).map((c: any) => c.cursor);
  expect(new Set([last, ...cursors]).size).toBe(6);
});

it("a resident sees every busy slot live, and who and why only of their own household's", async () => {
  const watcher = subscribe(tokens.r0, { filter: { kinds: ['BOOKING'] } });
  await sleep(300);
  day++;
  const mine = await bookOk(t, tokens.r0, { spaceId: spaceGid(estate, 0), ...slot(day, 9), purpose: 'Knitting circle' });
  const theirs = await bookOk(t, tokens.r1, { spaceId: spaceGid(estate, 0), ...slot(day, 11), purpose: 'Flat 0102 party' });
  await watcher.waitFor(2);
  await sleep(300);
  expect(changes(watcher).map((c: any) => c.booking)).toEqual([
    { id: mine.id, status: 'CONFIRMED', space: { id: spaceGid(estate, 0) }, purpose: 'Knitting circle', booker: { id: estate.gid.resident(0) } },
    { id: theirs.id, status: 'CONFIRMED', space: { id: spaceGid(estate, 0) }, purpose: null, booker: null },
  ]);
  expect(watcher.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  expect(JSON.stringify(watcher.data)).not.toContain('0102');
});

it('a dashboard sees changes without who or why; an estate the token does not cover is FORBIDDEN', async () => {
  const dashboard = subscribe(tokens.district, {});
  const foreign = subscribe(tokens.district, { filter: { communityCodes: [other.code] } });
  await sleep(300);
  day++;
  await bookOk(t, tokens.r2, { spaceId: spaceGid(estate, 1), ...slot(day, 9), purpose: 'Flat 0103 birthday' });
  await dashboard.waitFor(1);
  await foreign.ended;
  expect(changes(dashboard)[0].booking).toMatchObject({ purpose: null, booker: null });
  expect(JSON.stringify(dashboard.data)).not.toContain('0103');
  expect(foreign.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});
