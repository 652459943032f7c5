import { codes, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { ATTEND, CANCEL_REGISTRATION, REGISTER, book, bookOk, scheduleOk, setHours, slot, spaceGid } from './helpers/spaces';
import { concurrently, expectFailure, rowId, sql } from './helpers/tickets';

/** Events, registrations, service days and groups, through a real server (the figures: community-figures.test.ts). */

let t: TestServer;
let estate: Estate;
let other: Estate;
const tokens: Record<string, string> = {};
/** Tokens of the estate's twelve residents (households 0–5, two each). */
const residents: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
  estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 3, residentsPerHousehold: 2 });
  other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  await setHours(t, estate.spaces[0].id, [['08:00', '21:00']]);
  await setHours(t, estate.spaces[1].id, [['06:00', '22:00']]);
  for (let i = 0; i < 12; i++) residents.push(await t.token({ sub: estate.gid.resident(i), role: 'RESIDENT', communities: [estate.code] }));
  const sign = (sub: string, role: string, e = estate) => t.token({ sub, role: role as never, communities: [e.code] });
  tokens.manager = await sign(estate.gid.staff('manager'), 'MANAGER');
  tokens.steward = await sign(estate.gid.staff('steward'), 'STAFF');
  tokens.desk = await sign(estate.gid.staff('dispatcher'), 'DISPATCHER');
  tokens.district = await sign('district-life', 'DISTRICT');
  tokens.integrator = await sign('integrator-life', 'INTEGRATOR');
  tokens.foreignManager = await sign(other.gid.staff('manager'), 'MANAGER', other);
});
afterAll(() => t.close());

const register = (token: string, eventId: string, residentId?: string) => gql(t.url, REGISTER, { i: { eventId, residentId } }, token);
const EVENT = `query($id: ID!) { node(id: $id) { ... on CommunityEvent { status capacity confirmedCount waitlistedCount attendedCount placesLeft
  booking { status space { id } } registrations(first: 50) { edges { node { id status resident { id } } } } } } }`;

describe('events hold their space', () => {
  it('scheduling books the space in the same transaction; a clash with a booking is SPACE_UNAVAILABLE and writes nothing', async () => {
    const event = await scheduleOk(t, tokens.steward, { spaceId: spaceGid(estate), ...slot(3, 14, 3), kind: 'CLASS', title: 'Paper-cutting class' });
    const read = await gql(t.url, EVENT, { id: event.id }, tokens.manager);
    expect(read.data.node).toMatchObject({ status: 'SCHEDULED', capacity: 20, booking: { status: 'CONFIRMED', space: { id: spaceGid(estate) } } });
    const [row] = await sql(t, 'select purpose, attendees, booker_resident_id from booking where id = ?', [rowId(event.booking.id)]);
    expect(row).toEqual({ purpose: 'Paper-cutting class', attendees: 20, booker_resident_id: null });
    // Nobody can book over it, and no second event goes in.
    expectFailure(await book(t, residents[0], { spaceId: spaceGid(estate), ...slot(3, 16, 1) }), 'SPACE_UNAVAILABLE');
    const [before] = await sql(t, 'select count(*)::int as n from community_event where community_id = ?', [estate.community.id]);
    const clash = await gql(t.url, `mutation($i: ScheduleEventInput!) { scheduleEvent(input: $i) { event { id } } }`,
      { i: { spaceId: spaceGid(estate), ...slot(3, 13, 2), kind: 'SPORTS', title: 'Table tennis', capacity: 10 } }, tokens.steward);
    expectFailure(clash, 'SPACE_UNAVAILABLE');
    const [after] = await sql(t, 'select count(*)::int as n from community_event where community_id = ?', [estate.community.id]);
    expect(after.n).toBe(before.n);
  });

  it('only staff schedule; capacity is at most the space’s', async () => {
    const input = { spaceId: spaceGid(estate), ...slot(4, 9), kind: 'CULTURE', title: 'Tea', capacity: 10 };
    const SCHEDULE = `mutation($i: ScheduleEventInput!) { scheduleEvent(input: $i) { event { id } } }`;
    expectFailure(await gql(t.url, SCHEDULE, { i: input }, residents[0]), 'FORBIDDEN');
    expectFailure(await gql(t.url, SCHEDULE, { i: input }, tokens.district), 'FORBIDDEN');
    expectFailure(await gql(t.url, SCHEDULE, { i: input }, tokens.foreignManager), 'NOT_FOUND');
    expectFailure(await gql(t.url, SCHEDULE, { i: { ...input, capacity: 41 } }, tokens.manager), 'BAD_USER_INPUT', 'capacity');
  });

  it('calling an event off cancels its booking and closes registration', async () => {
    const event = await scheduleOk(t, tokens.manager, { spaceId: spaceGid(estate, 1), ...slot(5, 9, 2), capacity: 5 });
    await register(residents[0], event.id);
    const CANCEL = `mutation($i: CancelEventInput!) { cancelEvent(input: $i) { event { status cancelledAt booking { status } } cursor } }`;
    expectFailure(await gql(t.url, CANCEL, { i: { eventId: event.id } }, residents[0]), 'FORBIDDEN');
    const res = await gql(t.url, CANCEL, { i: { eventId: event.id } }, tokens.steward);
    expect(res.data.cancelEvent).toMatchObject({ event: { status: 'CANCELLED', cancelledAt: expect.any(String), booking: { status: 'CANCELLED' } }, cursor: expect.any(String) });
    expectFailure(await register(residents[2], event.id), 'INVALID_TRANSITION');
    expectFailure(await gql(t.url, CANCEL, { i: { eventId: event.id } }, tokens.steward), 'INVALID_TRANSITION');
    // Its slot is free again.
    await bookOk(t, residents[0], { spaceId: spaceGid(estate, 1), ...slot(5, 9, 2) });
    // Its booking goes with the event, not on its own.
    const other = await scheduleOk(t, tokens.manager, { spaceId: spaceGid(estate, 1), ...slot(5, 14, 2), capacity: 5 });
    expectFailure(await gql(t.url, 'mutation($i: CancelBookingInput!) { cancelBooking(input: $i) { booking { id } } }', { i: { bookingId: other.booking.id } }, tokens.manager), 'FORBIDDEN');
  });
});

describe('registration at capacity', () => {
  it('confirms exactly capacity of twelve concurrent registrations, waitlists the rest in order, and moves the first up on a cancellation', async () => {
    const event = await scheduleOk(t, tokens.steward, { spaceId: spaceGid(estate), ...slot(6, 10, 2), capacity: 5, title: 'Lantern riddles' });
    const answers = await concurrently(12, (s, i) => gql(s.url, REGISTER, { i: { eventId: event.id } }, residents[i]));
    expect(answers.flatMap((a) => codes(a))).toEqual([]);
    const statuses = answers.map((a) => a.data.registerForEvent.registration.status);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(7);
    const [counts] = await sql(t, `select count(*) filter (where status = 'CONFIRMED')::int as confirmed, count(*) filter (where status = 'WAITLISTED')::int as waiting
      from event_registration where event_id = ?`, [rowId(event.id)]);
    expect(counts).toEqual({ confirmed: 5, waiting: 7 });
    // Waiting in registration order: the first of them moves up when a confirmed resident withdraws.
    const waiting = await sql(t, `select id from event_registration where event_id = ? and status = 'WAITLISTED' order by id`, [rowId(event.id)]);
    const confirmedIndex = statuses.indexOf('CONFIRMED');
    const confirmed = answers[confirmedIndex].data.registerForEvent.registration;
    const cancelled = await gql(t.url, CANCEL_REGISTRATION, { i: { registrationId: confirmed.id } }, residents[confirmedIndex]);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelRegistration.registration.status).toBe('CANCELLED');
    expect(rowId(cancelled.data.cancelRegistration.promoted.id)).toBe(waiting[0].id);
    expect(cancelled.data.cancelRegistration.promoted.status).toBe('CONFIRMED');
    const changes = await sql(t, `select type from community_event_change where event_id = ? and type in ('REGISTRATION_CANCELLED', 'PROMOTED') order by id`, [rowId(event.id)]);
    expect(changes.map((c) => c.type)).toEqual(['REGISTRATION_CANCELLED', 'PROMOTED']);
    const read = await gql(t.url, EVENT, { id: event.id }, tokens.manager);
    expect(read.data.node).toMatchObject({ confirmedCount: 5, waitlistedCount: 6, placesLeft: 0 });
  });

  it('cancellations racing registrations never push confirmed places over capacity', async () => {
    const event = await scheduleOk(t, tokens.steward, { spaceId: spaceGid(estate), ...slot(7, 10, 2), capacity: 3 });
    const first = await Promise.all(residents.slice(0, 6).map((r) => register(r, event.id)));
    const toCancel = first.slice(0, 3).map((a, i) => [a.data.registerForEvent.registration.id, residents[i]] as const);
    await concurrently(9, (s, i) => (i < 3
      ? gql(s.url, CANCEL_REGISTRATION, { i: { registrationId: toCancel[i][0] } }, toCancel[i][1])
      : gql(s.url, REGISTER, { i: { eventId: event.id } }, residents[i + 3])));
    const [counts] = await sql(t, `select count(*) filter (where status = 'CONFIRMED')::int as confirmed, count(*) filter (where status = 'WAITLISTED')::int as waiting
      from event_registration where event_id = ?`, [rowId(event.id)]);
    expect(counts).toEqual({ confirmed: 3, waiting: 6 });
  });

  it('one live registration per resident; residents register themselves, staff anyone of the estate', async () => {
    const event = await scheduleOk(t, tokens.steward, { spaceId: spaceGid(estate, 1), ...slot(8, 10, 2), capacity: 10 });
    await register(residents[0], event.id);
    expectFailure(await register(residents[0], event.id), 'BAD_USER_INPUT', 'eventId');
    expectFailure(await register(residents[1], event.id, estate.gid.resident(2)), 'FORBIDDEN');
    expectFailure(await register(tokens.district, event.id), 'FORBIDDEN');
    expectFailure(await register(tokens.desk, event.id), 'BAD_USER_INPUT', 'residentId');
    expectFailure(await register(tokens.desk, event.id, other.gid.resident(0)), 'NOT_FOUND');
    const byDesk = await register(tokens.desk, event.id, estate.gid.resident(3));
    expect(byDesk.data.registerForEvent.registration.status).toBe('CONFIRMED');
    // Withdrawn, then registered again: a new registration.
    const mine = (await register(residents[5], event.id)).data.registerForEvent.registration;
    expectFailure(await gql(t.url, CANCEL_REGISTRATION, { i: { registrationId: mine.id } }, residents[7]), 'FORBIDDEN');
    await gql(t.url, CANCEL_REGISTRATION, { i: { registrationId: mine.id } }, residents[4]); // the same household
    expectFailure(await gql(t.url, CANCEL_REGISTRATION, { i: { registrationId: mine.id } }, residents[5]), 'INVALID_TRANSITION');
    expect((await register(residents[5], event.id)).data.registerForEvent.registration.status).toBe('CONFIRMED');
  });
});

describe('attendance at the door', () => {
  it('staff record confirmed registrations once; waiting ones and residents cannot', async () => {
    const event = await scheduleOk(t, tokens.steward, { spaceId: spaceGid(estate, 1), ...slot(9, 10, 2), capacity: 1 });
    const confirmed = (await register(residents[0], event.id)).data.registerForEvent.registration;
    const waiting = (await register(residents[2], event.id)).data.registerForEvent.registration;
    expect(waiting.status).toBe('WAITLISTED');
    expectFailure(await gql(t.url, ATTEND, { i: { registrationId: confirmed.id } }, residents[0]), 'FORBIDDEN');
    expectFailure(await gql(t.url, ATTEND, { i: { registrationId: waiting.id } }, tokens.steward), 'INVALID_TRANSITION');
    const res = await gql(t.url, ATTEND, { i: { registrationId: confirmed.id } }, tokens.steward);
    expect(res.data.recordAttendance.registration).toMatchObject({ status: 'CONFIRMED', attendedAt: expect.any(String) });
    expectFailure(await gql(t.url, ATTEND, { i: { registrationId: confirmed.id } }, tokens.steward), 'INVALID_TRANSITION');
    expectFailure(await gql(t.url, CANCEL_REGISTRATION, { i: { registrationId: confirmed.id } }, residents[0]), 'INVALID_TRANSITION');
    expect((await gql(t.url, EVENT, { id: event.id }, tokens.manager)).data.node).toMatchObject({ attendedCount: 1, confirmedCount: 1, waitlistedCount: 1 });
  });

  it('who registered is personal: residents see their own household’s, dashboards nobody', async () => {
    const event = await scheduleOk(t, tokens.steward, { spaceId: spaceGid(estate, 1), ...slot(10, 10, 2), capacity: 10 });
    await register(residents[0], event.id);
    await register(residents[2], event.id);
    const residentsOf = async (token: string) => (await gql(t.url, EVENT, { id: event.id }, token)).data.node.registrations.edges.map((e: any) => e.node.resident);
    expect(await residentsOf(residents[1])).toEqual([{ id: estate.gid.resident(0) }, null]);
    expect(await residentsOf(tokens.district)).toEqual([null, null]);
    expect(await residentsOf(tokens.manager)).toEqual([{ id: estate.gid.resident(0) }, { id: estate.gid.resident(2) }]);
  });
});

describe('service days', () => {
  const ISSUE = `mutation($i: RaiseReceptionIssueInput!) { raiseReceptionIssue(input: $i) {
    ticket { id number channel status reporter { id } household { id } publicSpace { id } } event { id serviceDay } cursor } }`;

  it('a reception day turns the issues residents raise into WALK_IN tickets linked to it, once per key', async () => {
    const day = await scheduleOk(t, tokens.manager, { spaceId: spaceGid(estate), ...slot(11, 9, 3), kind: 'RECEPTION_DAY', title: 'Reception day', capacity: 30 });
    const input = { idempotencyKey: 'reception-1', eventId: day.id, residentId: estate.gid.resident(0), householdId: estate.gid.household(0),
      category: 'PLUMBING', title: 'Damp in the bathroom ceiling', description: 'Since the spring' };
    const first = await gql(t.url, ISSUE, { i: input }, tokens.manager);
    expect(first.errors).toBeUndefined();
    const { ticket, event, cursor } = first.data.raiseReceptionIssue;
    expect(ticket).toMatchObject({ channel: 'WALK_IN', status: 'SUBMITTED', reporter: { id: estate.gid.resident(0) }, household: { id: estate.gid.household(0) }, publicSpace: null });
    expect(event).toEqual({ id: day.id, serviceDay: true });
    expect(cursor).toEqual(expect.any(String));
    const again = await gql(t.url, ISSUE, { i: input }, tokens.manager);
    expect(again.data.raiseReceptionIssue.ticket.id).toBe(ticket.id);
    // Without a household or building, the issue is about the day's space.
    const general = await gql(t.url, ISSUE, { i: { idempotencyKey: 'reception-2', eventId: day.id, category: 'SUGGESTION', title: 'More benches' } }, tokens.steward);
    expect(general.data.raiseReceptionIssue.ticket.publicSpace).toEqual({ id: spaceGid(estate) });
    const issues = `query($id: ID!) { node(id: $id) { ... on CommunityEvent { issues { id channel } } } }`;
    expect((await gql(t.url, issues, { id: day.id }, tokens.manager)).data.node.issues.map((k: any) => k.id))
      .toEqual([ticket.id, general.data.raiseReceptionIssue.ticket.id]);
    // A resident sees the issues they raised, not their neighbours'.
    expect((await gql(t.url, issues, { id: day.id }, residents[0])).data.node.issues.map((k: any) => k.id)).toEqual([ticket.id]);
    expect((await gql(t.url, issues, { id: day.id }, residents[4])).data.node.issues).toEqual([]);
    const changes = await sql(t, `select type, ticket_id from community_event_change where event_id = ? and type = 'ISSUE_RAISED' order by id`, [rowId(day.id)]);
    expect(changes.map((c) => c.ticket_id)).toEqual([rowId(ticket.id), rowId(general.data.raiseReceptionIssue.ticket.id)]);
  });

  it('only at a reception day, and only staff record them', async () => {
    const clinic = await scheduleOk(t, tokens.manager, { spaceId: spaceGid(estate), ...slot(12, 9, 3), kind: 'FREE_CLINIC', title: 'Free clinic', capacity: 30 });
    const input = { idempotencyKey: 'clinic-1', eventId: clinic.id, category: 'CARE', title: 'Blood pressure' };
    expectFailure(await gql(t.url, ISSUE, { i: input }, tokens.manager), 'BAD_USER_INPUT', 'eventId');
    expectFailure(await gql(t.url, ISSUE, { i: input }, residents[0]), 'FORBIDDEN');
    const read = await gql(t.url, `query($id: ID!) { node(id: $id) { ... on CommunityEvent { kind serviceDay } } }`, { id: clinic.id }, residents[0]);
    expect(read.data.node).toEqual({ kind: 'FREE_CLINIC', serviceDay: true });
  });
});

describe('groups', () => {
  const GROUP = `query($code: String!) { community(code: $code) { groups { id name theme memberCount leader { id } liaison { id }
    members(first: 20) { edges { node { resident { id } joinedAt } } } } } }`;
  const JOIN = `mutation($i: GroupMembershipInput!) { joinGroup(input: $i) { group { memberCount } } }`;
  const LEAVE = `mutation($i: GroupMembershipInput!) { leaveGroup(input: $i) { group { memberCount leader { id } } } }`;
  let groupId: string;

  beforeAll(async () => {
    const res = await gql(t.url, `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id memberCount } } }`, { i: {
      name: 'Calligraphy and Painting Society', theme: 'CULTURE', description: 'Tuesdays', leaderId: estate.gid.resident(0), liaisonId: estate.gid.staff('steward'),
    } }, tokens.manager);
    expect(res.errors).toBeUndefined();
    groupId = res.data.createGroup.group.id;
    expect(res.data.createGroup.group.memberCount).toBe(1);
  });

  it('a manager starts one; nobody else does, and names are unique per estate', async () => {
    const CREATE = `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`;
    expectFailure(await gql(t.url, CREATE, { i: { name: 'Walkers', theme: 'SPORTS' } }, tokens.steward), 'FORBIDDEN');
    expectFailure(await gql(t.url, CREATE, { i: { name: 'Walkers', theme: 'SPORTS' } }, residents[0]), 'FORBIDDEN');
    expectFailure(await gql(t.url, CREATE, { i: { name: 'Calligraphy and Painting Society', theme: 'CULTURE' } }, tokens.manager), 'BAD_USER_INPUT', 'name');
    expectFailure(await gql(t.url, CREATE, { i: { name: 'Walkers', theme: 'SPORTS', leaderId: other.gid.resident(0) } }, tokens.manager), 'NOT_FOUND');
  });

  it('residents join and leave themselves, staff for them; joining twice changes nothing; a leader who leaves stops leading', async () => {
    expect((await gql(t.url, JOIN, { i: { groupId } }, residents[2])).data.joinGroup.group.memberCount).toBe(2);
    expect((await gql(t.url, JOIN, { i: { groupId } }, residents[2])).data.joinGroup.group.memberCount).toBe(2);
    expectFailure(await gql(t.url, JOIN, { i: { groupId, residentId: estate.gid.resident(4) } }, residents[2]), 'FORBIDDEN');
    expect((await gql(t.url, JOIN, { i: { groupId, residentId: estate.gid.resident(4) } }, tokens.steward)).data.joinGroup.group.memberCount).toBe(3);
    expectFailure(await gql(t.url, JOIN, { i: { groupId } }, tokens.foreignManager), 'NOT_FOUND');
    const left = await gql(t.url, LEAVE, { i: { groupId } }, residents[0]);
    expect(left.data.leaveGroup.group.memberCount).toBe(2);
    const read = await gql(t.url, GROUP, { code: estate.code }, tokens.manager);
    expect(read.data.community.groups[0]).toMatchObject({ memberCount: 2, leader: null, liaison: { id: estate.gid.staff('steward') } });
  });

  it('who belongs is personal: residents see their household’s members, dashboards the count only', async () => {
    const members = async (token: string) => (await gql(t.url, GROUP, { code: estate.code }, token)).data.community.groups[0].members.edges.map((e: any) => e.node.resident);
    expect(await members(tokens.manager)).toEqual([{ id: estate.gid.resident(2) }, { id: estate.gid.resident(4) }]);
    expect(await members(residents[3])).toEqual([{ id: estate.gid.resident(2) }, null]);
    expect(await members(tokens.district)).toEqual([null, null]);
    const mine = await gql(t.url, `query($id: ID!) { node(id: $id) { ... on Resident { groups { name } } } }`, { id: estate.gid.resident(2) }, residents[3]);
    expect(mine.data.node.groups).toEqual([{ name: 'Calligraphy and Painting Society' }]);
    const theirs = await gql(t.url, `query($id: ID!) { node(id: $id) { ... on Resident { groups { name } } } }`, { id: estate.gid.resident(2) }, residents[0]);
    expect(codes(theirs)).toEqual(['FORBIDDEN']);
  });
});

describe('erasure', () => {
  it('erasing a resident keeps their booking, registration and the history, without them; their memberships go', async () => {
    const leaving = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 2, residentsPerHousehold: 1 });
    await setHours(t, leaving.spaces[0].id, [['08:00', '21:00']]);
    const manager = await t.token({ sub: leaving.gid.staff('manager'), role: 'MANAGER', communities: [leaving.code] });
    const resident = await t.token({ sub: leaving.gid.resident(0), role: 'RESIDENT', communities: [leaving.code] });
    const booking = await bookOk(t, resident, { spaceId: spaceGid(leaving), ...slot(14, 9) });
    const event = await scheduleOk(t, manager, { spaceId: spaceGid(leaving), ...slot(14, 14), capacity: 5 });
    await register(resident, event.id);
    await gql(t.url, `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: { name: 'Walkers', theme: 'SPORTS', leaderId: leaving.gid.resident(0) } }, manager);
    const erased = await gql(t.url, 'mutation($i: EraseResidentInput!) { eraseResident(input: $i) { erasedResidentId } }', { i: { residentId: leaving.gid.resident(0) } }, manager);
    expect(erased.errors).toBeUndefined();
    const [row] = await sql(t, `select (select booker_resident_id from booking where id = ?) as booker, (select status from booking where id = ?) as status,
      (select count(*) from event_registration where event_id = ? and resident_id is null and status = 'CONFIRMED')::int as anonymous_registrations,
      (select count(*) from group_member where community_id = ?)::int as members, (select leader_id from resident_group where community_id = ?) as leader,
      (select count(*) from booking_change where booking_id = ?)::int as changes`,
    [rowId(booking.id), rowId(booking.id), rowId(event.id), leaving.community.id, leaving.community.id, rowId(booking.id)]);
    expect(row).toEqual({ booker: null, status: 'CONFIRMED', anonymous_registrations: 1, members: 0, leader: null, changes: 1 });
  });
});
