import { toGlobalId } from '../src/ids';
import { codes, contract, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { book, bookOk, bookingWrites, localWeekday, setHours, slot, spaceGid } from './helpers/spaces';
import { concurrently, expectFailure, rowId, sql } from './helpers/tickets';

/** Booking public spaces through a real server: the race for one slot, closed spaces, hours, capacity, rules, who sees whose booking. */

let t: TestServer;
let estate: Estate;
let other: Estate;
const tokens: Record<string, string> = {};
/** Tokens of the estate's ten residents (households 0–4, two each). */
const residents: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 5, residentsPerHousehold: 2 });
  other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  // The activity room closes for lunch; the garden is closed on the weekday five days from now.
  await setHours(t, estate.spaces[0].id, [['08:00', '12:00'], ['14:00', '21:00']]);
  await setHours(t, estate.spaces[1].id, [['06:00', '22:00']], [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== localWeekday(5)));
  await setHours(t, other.spaces[0].id, [['00:00', '24:00']]);
  for (let i = 0; i < 10; i++) residents.push(await t.token({ sub: estate.gid.resident(i), role: 'RESIDENT', communities: [estate.code] }));
  const sign = (sub: string, role: string, e = estate) => t.token({ sub, role: role as never, communities: [e.code] });
  tokens.manager = await sign(estate.gid.staff('manager'), 'MANAGER');
  tokens.steward = await sign(estate.gid.staff('steward'), 'STAFF');
  tokens.district = await sign('district-spaces', 'DISTRICT');
  tokens.integrator = await sign('integrator-spaces', 'INTEGRATOR');
  tokens.foreignResident = await sign(other.gid.resident(0), 'RESIDENT', other);
});
afterAll(() => t.close());

describe('BookSpace, as the contract writes it', () => {
  it('books a slot and answers with the booking and its space', async () => {
    const times = slot(2, 9);
    const res = await book(t, residents[0], { spaceId: spaceGid(estate), ...times, purpose: 'Birthday tea for flat 0101', attendees: 12 });
    expect(res.errors).toBeUndefined();
    const booking = res.data.bookSpace.booking;
    expect(booking).toEqual({ id: expect.any(String), ...times, space: { id: spaceGid(estate), name: 'Activity Room' } });
    const [row] = await sql(t, 'select status, attendees, purpose, booker_resident_id, household_id, booked_by_staff_id from booking where id = ?', [rowId(booking.id)]);
    expect(row).toEqual({ status: 'CONFIRMED', attendees: 12, purpose: 'Birthday tea for flat 0101', booker_resident_id: estate.residents[0].id,
      household_id: estate.households[0].id, booked_by_staff_id: null });
    const [change] = await sql(t, `select c.type, l.kind from booking_change c join event_log l on l.booking_change_id = c.id where c.booking_id = ?`, [rowId(booking.id)]);
    expect(change).toEqual({ type: 'BOOKED', kind: 'BOOKING' });
  });
});

describe('no double booking', () => {
  it('of ten concurrent requests for one slot, exactly one books it; the others get SPACE_UNAVAILABLE', async () => {
    const times = slot(3, 15, 2);
    const answers = await concurrently(10, (s, i) => gql(s.url, contract('BookSpace'), {
      input: { spaceId: spaceGid(estate), ...times, purpose: `race ${i}`, attendees: 5 },
    }, residents[i]));
    const won = answers.filter((a) => !a.errors);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.errors).map((a) => codes(a))).toEqual(Array.from({ length: 9 }, () => ['SPACE_UNAVAILABLE']));
    const rows = await sql(t, `select id from booking where public_space_id = ? and status = 'CONFIRMED' and starts_at = ?`, [estate.spaces[0].id, times.startsAt]);
    expect(rows.map((r) => r.id)).toEqual([rowId(won[0].data.bookSpace.booking.id)]);
  });

  it('refuses overlapping ranges that are not the same, whoever asks, and admits one that starts when another ends', async () => {
    await bookOk(t, residents[1], { spaceId: spaceGid(estate), ...slot(4, 16, 2) });
    const overlapping = await concurrently(6, (s, i) => gql(s.url, contract('BookSpace'), {
      input: { spaceId: spaceGid(estate), ...slot(4, 15, 2, i * 15), purpose: 'overlap', attendees: 3 },
    }, i % 2 ? tokens.manager : residents[2 + i]));
    expect(overlapping.map((a) => codes(a))).toEqual(Array.from({ length: 6 }, () => ['SPACE_UNAVAILABLE']));
    const unavailable = overlapping[0].errors![0];
    expect(unavailable.message).toMatch(/already booked from 16:00 to 18:00/);
    expect(unavailable.extensions).not.toHaveProperty('bookingId');
    // Half-open ranges: 18:00–19:00 follows 16:00–18:00, 14:00–16:00 precedes it.
    await bookOk(t, residents[3], { spaceId: spaceGid(estate), ...slot(4, 18, 1) });
    await bookOk(t, residents[4], { spaceId: spaceGid(estate), ...slot(4, 14, 2) });
  });

  it('tells a retry of a booking that went through that it is already yours, with its id', async () => {
    const input = { spaceId: spaceGid(estate), ...slot(5, 10, 1) };
    const first = await bookOk(t, residents[5], input);
    const again = await book(t, residents[5], input);
    expectFailure(again, 'SPACE_UNAVAILABLE');
    expect(again.errors![0].extensions).toMatchObject({ bookingId: first.id });
    // A neighbour asking for the same slot learns nothing about who holds it.
    const neighbour = await book(t, residents[7], input);
    expect(neighbour.errors![0].extensions).not.toHaveProperty('bookingId');
  });

  it('frees the slot when a booking is cancelled, so it can be booked again', async () => {
    const input = { spaceId: spaceGid(estate), ...slot(6, 19, 1) };
    const first = await bookOk(t, residents[6], input);
    const CANCEL = 'mutation($i: CancelBookingInput!) { cancelBooking(input: $i) { booking { id status cancelledAt } cursor } }';
    expectFailure(await gql(t.url, CANCEL, { i: { bookingId: first.id } }, residents[8]), 'FORBIDDEN');
    expectFailure(await gql(t.url, CANCEL, { i: { bookingId: first.id } }, tokens.district), 'FORBIDDEN');
    expectFailure(await gql(t.url, CANCEL, { i: { bookingId: first.id } }, tokens.foreignResident), 'NOT_FOUND');
    const cancelled = await gql(t.url, CANCEL, { i: { bookingId: first.id } }, residents[6]);
    expect(cancelled.data.cancelBooking).toMatchObject({ booking: { id: first.id, status: 'CANCELLED', cancelledAt: expect.any(String) }, cursor: expect.any(String) });
    expectFailure(await gql(t.url, CANCEL, { i: { bookingId: first.id } }, tokens.steward), 'INVALID_TRANSITION');
    const again = await bookOk(t, residents[8], input);
    // Staff cancel anyone's booking of their estate.
    expect((await gql(t.url, CANCEL, { i: { bookingId: again.id } }, tokens.steward)).data.cancelBooking.booking.status).toBe('CANCELLED');
  });
});

describe('what cannot be booked', () => {
  it.each(['CLOSED', 'UNDER_RENOVATION'])('a %s space: SPACE_UNAVAILABLE, and nothing is written', async (status) => {
    await sql(t, 'update public_space set status = ? where id = ?', [status, estate.spaces[1].id]);
    try {
      const before = await bookingWrites(t, estate);
      const res = await book(t, residents[0], { spaceId: spaceGid(estate, 1), ...slot(2, 10) });
      expectFailure(res, 'SPACE_UNAVAILABLE');
      expect(res.errors![0].extensions).toMatchObject({ status });
      // Even a valid-looking staff booking is refused, before its values are looked at.
      expectFailure(await book(t, tokens.manager, { spaceId: spaceGid(estate, 1), ...slot(2, 10), attendees: 5000 }), 'SPACE_UNAVAILABLE');
      expect(await bookingWrites(t, estate)).toEqual(before);
    } finally {
      await sql(t, `update public_space set status = 'OPEN' where id = ?`, [estate.spaces[1].id]);
    }
  });

  it.each([
    ['before opening', slot(7, 7, 2), 'startsAt'],
    ['after closing', slot(7, 20, 2), 'startsAt'],
    ['across the lunch break', slot(7, 11, 2), 'startsAt'],
    ['ending before it starts', { startsAt: slot(7, 10).startsAt, endsAt: slot(7, 9).startsAt }, 'endsAt'],
  ])('outside the opening hours (%s): BAD_USER_INPUT naming the field', async (_, times, field) => {
    const res = await book(t, residents[0], { spaceId: spaceGid(estate), ...times });
    expectFailure(res, 'BAD_USER_INPUT', field);
  });

  it('on a weekday the space is closed, and across midnight', async () => {
    const closed = await book(t, residents[0], { spaceId: spaceGid(estate, 1), ...slot(5, 10) });
    expectFailure(closed, 'BAD_USER_INPUT', 'startsAt');
    expect(closed.errors![0].message).toMatch(/it is closed/);
    const aroundTheClock = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
    await setHours(t, aroundTheClock.spaces[0].id, [['00:00', '24:00']]);
    await sql(t, 'update public_space set max_booking_minutes = 600 where id = ?', [aroundTheClock.spaces[0].id]);
    const night = await t.token({ sub: aroundTheClock.gid.resident(0), role: 'RESIDENT', communities: [aroundTheClock.code] });
    expectFailure(await book(t, night, { spaceId: spaceGid(aroundTheClock), ...slot(3, 23, 2) }), 'BAD_USER_INPUT', 'startsAt');
    // Up to midnight is one day.
    await bookOk(t, night, { spaceId: spaceGid(aroundTheClock), ...slot(3, 22, 2) });
  });

  it('above capacity, or nobody: BAD_USER_INPUT naming attendees', async () => {
    const over = await book(t, residents[0], { spaceId: spaceGid(estate), ...slot(8, 9), attendees: 41 });
    expectFailure(over, 'BAD_USER_INPUT', 'attendees');
    expect(over.errors![0].message).toMatch(/capacity of 40/);
    expectFailure(await book(t, residents[0], { spaceId: spaceGid(estate), ...slot(8, 9), attendees: 0 }), 'BAD_USER_INPUT', 'attendees');
    await bookOk(t, residents[0], { spaceId: spaceGid(estate), ...slot(8, 9), attendees: 40 });
  });

  it("holds residents to the space's lead time, advance window and longest booking; staff booking for the estate to its hours", async () => {
    await sql(t, 'update public_space set min_lead_minutes = 2880, max_advance_days = 20, max_booking_minutes = 120 where id = ?', [estate.spaces[1].id]);
    try {
      expectFailure(await book(t, residents[0], { spaceId: spaceGid(estate, 1), ...slot(1, 10) }), 'BAD_USER_INPUT', 'startsAt');
      expectFailure(await book(t, residents[0], { spaceId: spaceGid(estate, 1), ...slot(21, 10) }), 'BAD_USER_INPUT', 'startsAt');
      expectFailure(await book(t, residents[0], { spaceId: spaceGid(estate, 1), ...slot(3, 10, 3) }), 'BAD_USER_INPUT', 'endsAt');
      expectFailure(await book(t, residents[0], { spaceId: spaceGid(estate, 1), startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: new Date().toISOString() }), 'BAD_USER_INPUT', 'startsAt');
      const estateBooking = await book(t, tokens.manager, { spaceId: spaceGid(estate, 1), ...slot(1, 8, 6), purpose: "Residents' council" });
      expect(estateBooking.errors).toBeUndefined();
    } finally {
      await sql(t, 'update public_space set min_lead_minutes = 60, max_advance_days = 60, max_booking_minutes = 240 where id = ?', [estate.spaces[1].id]);
    }
  });

  it.each([
    ['no token', 'UNAUTHENTICATED', undefined],
    ['a DISTRICT dashboard', 'FORBIDDEN', 'district'],
    ['an INTEGRATOR', 'FORBIDDEN', 'integrator'],
    ['a resident of another estate', 'NOT_FOUND', 'foreignResident'],
  ])('booking with %s: %s, and nothing is written', async (_, code, who) => {
    const before = await bookingWrites(t, estate);
    expectFailure(await book(t, who ? tokens[who] : undefined, { spaceId: spaceGid(estate), ...slot(9, 10) }), code);
    expect(await bookingWrites(t, estate)).toEqual(before);
  });

  it('a purpose that is empty or too long: BAD_USER_INPUT naming purpose', async () => {
    expectFailure(await book(t, residents[0], { spaceId: spaceGid(estate), ...slot(9, 10), purpose: '  ' }), 'BAD_USER_INPUT', 'purpose');
    expectFailure(await book(t, residents[0], { spaceId: spaceGid(estate), ...slot(9, 10), purpose: 'x'.repeat(201) }), 'BAD_USER_INPUT', 'purpose');
  });
});

describe('who may see whose booking', () => {
  const DAY = 10;
  let mine: { id: string };
  let estateBooking: { id: string };

  beforeAll(async () => {
    mine = await bookOk(t, residents[0], { spaceId: spaceGid(estate), ...slot(DAY, 9), purpose: 'Mahjong with 0101' });
    estateBooking = await bookOk(t, tokens.manager, { spaceId: spaceGid(estate), ...slot(DAY, 15), purpose: 'Grid meeting' });
    await bookOk(t, residents[2], { spaceId: spaceGid(estate), ...slot(DAY, 17), purpose: 'Choir practice, flat 0201' });
  });

  const SLOTS = `query($id: ID!, $from: DateTime!, $to: DateTime!) { node(id: $id) { ... on PublicSpace {
    bookings(from: $from, to: $to) { id startsAt purpose attendees booker { id name } bookedBy { id } } } } }`;
  const range = { from: slot(DAY, 0).startsAt, to: slot(DAY + 1, 0).startsAt };

  it('a resident sees every busy slot, and who and why only for their own household', async () => {
    for (const token of [residents[0], residents[1]]) {
      const res = await gql(t.url, SLOTS, { id: spaceGid(estate), ...range }, token);
      const slots = res.data.node.bookings;
      expect(slots.map((b: any) => b.attendees)).toEqual([10, 10, 10]);
      expect(slots[0]).toMatchObject({ id: mine.id, purpose: 'Mahjong with 0101', booker: { id: estate.gid.resident(0), name: expect.any(String) } });
      expect(slots[1]).toMatchObject({ id: estateBooking.id, purpose: null, booker: null, bookedBy: { id: estate.gid.staff('manager') } });
      expect(slots[2]).toMatchObject({ purpose: null, booker: null });
      expect(JSON.stringify(res.data)).not.toContain('0201');
      // The estate's booking has no resident behind it: its booker is withheld like a neighbour's.
      expect(res.errors!.map((e) => `${e.extensions?.code} ${e.path!.slice(2).join('.')}`).sort()).toEqual([
        'FORBIDDEN 1.booker', 'FORBIDDEN 1.purpose', 'FORBIDDEN 2.booker', 'FORBIDDEN 2.purpose',
      ]);
    }
  });

  it('staff see who and why; dashboards see the slots without either', async () => {
    const manager = await gql(t.url, SLOTS, { id: spaceGid(estate), ...range }, tokens.manager);
    expect(manager.errors).toBeUndefined();
    expect(manager.data.node.bookings.map((b: any) => b.purpose)).toEqual(['Mahjong with 0101', 'Grid meeting', 'Choir practice, flat 0201']);
    const district = await gql(t.url, SLOTS, { id: spaceGid(estate), ...range }, tokens.district);
    expect(district.data.node.bookings.map((b: any) => [b.purpose, b.booker])).toEqual([[null, null], [null, null], [null, null]]);
    expect(new Set(codes(district))).toEqual(new Set(['FORBIDDEN']));
    const anonymous = await gql(t.url, SLOTS, { id: spaceGid(estate), ...range });
    expect(anonymous.data.node.bookings).toBeNull();
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it("a resident's own list is theirs: a neighbour gets FORBIDDEN", async () => {
    const OWN = `query($id: ID!) { node(id: $id) { ... on Resident { bookings(first: 50) { edges { node { id purpose } } } } } }`;
    const own = await gql(t.url, OWN, { id: estate.gid.resident(0) }, residents[0]);
    expect(own.data.node.bookings.edges.map((e: any) => e.node.id)).toContain(mine.id);
    const neighbour = await gql(t.url, OWN, { id: estate.gid.resident(0) }, residents[2]);
    expect(neighbour.data.node.bookings).toBeNull();
    expect(codes(neighbour)).toEqual(['FORBIDDEN']);
  });

  it("the desk's diary pages the estate's bookings by start, and keeps other estates out", async () => {
    const DIARY = `query($code: String!, $from: DateTime, $to: DateTime, $space: ID) { community(code: $code) {
      bookings(from: $from, to: $to, spaceId: $space, first: 2) { totalCount edges { node { startsAt space { id } } } pageInfo { hasNextPage } } } }`;
    const res = await gql(t.url, DIARY, { code: estate.code, ...range, space: spaceGid(estate) }, tokens.steward);
    expect(res.errors).toBeUndefined();
    expect(res.data.community.bookings.totalCount).toBe(3);
    expect(res.data.community.bookings.pageInfo.hasNextPage).toBe(true);
    const foreign = await gql(t.url, DIARY, { code: estate.code }, tokens.foreignResident);
    expect(foreign.data.community.bookings).toBeNull();
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
  });

  it('refuses a range longer than 31 days', async () => {
    const res = await gql(t.url, SLOTS, { id: spaceGid(estate), from: slot(0, 0).startsAt, to: slot(40, 0).startsAt }, tokens.manager);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('spaces, hours and rules are public', () => {
  it('lists barrier-free spaces with their opening hours and booking rules, without a token', async () => {
    await sql(t, 'update public_space set accessible = false where id = ?', [estate.spaces[1].id]);
    const res = await gql(t.url, `query($code: String!) { community(code: $code) {
      all: publicSpaces { code } barrierFree: publicSpaces(accessible: true) { code minLeadMinutes maxAdvanceDays maxBookingMinutes
        openingHours { weekday opens closes } } } }`, { code: estate.code });
    expect(res.errors).toBeUndefined();
    expect(res.data.community.all.map((s: any) => s.code)).toEqual(['PS01', 'PS02']);
    const [room] = res.data.community.barrierFree;
    expect(res.data.community.barrierFree).toHaveLength(1);
    expect(room).toMatchObject({ code: 'PS01', minLeadMinutes: 60, maxAdvanceDays: 60, maxBookingMinutes: 240 });
    expect(room.openingHours.slice(0, 2)).toEqual([{ weekday: 'MONDAY', opens: '08:00', closes: '12:00' }, { weekday: 'MONDAY', opens: '14:00', closes: '21:00' }]);
    expect(room.openingHours).toHaveLength(14);
  });

  it('fetches a booking by id for the estate only', async () => {
    const booking = await bookOk(t, residents[9], { spaceId: spaceGid(estate), ...slot(12, 10) });
    const NODE = `query($id: ID!) { node(id: $id) { ... on Booking { id status space { code } changes { type } } } }`;
    expect((await gql(t.url, NODE, { id: booking.id }, tokens.district)).data.node).toEqual({ id: booking.id, status: 'CONFIRMED', space: { code: 'PS01' }, changes: [{ type: 'BOOKED' }] });
    expectFailure(await gql(t.url, NODE, { id: booking.id }, tokens.foreignResident), 'NOT_FOUND');
    expect(toGlobalId('Booking', rowId(booking.id))).toBe(booking.id);
  });
});
