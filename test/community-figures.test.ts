import { gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { ATTEND, REGISTER, bookOk, localDate, scheduleOk, setHours, slot, spaceGid } from './helpers/spaces';
import { expectFailure } from './helpers/tickets';

/** Community-life figures through a real server: exactly what an estate of its own wrote, counts only, for the roles that read figures. */

let t: TestServer;
let district: string;

beforeAll(async () => {
  t = await startTestServer();
  const elsewhere = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  district = await t.token({ sub: 'district-elsewhere', role: 'DISTRICT', communities: [elsewhere.code] });
});
afterAll(() => t.close());

const register = (token: string, eventId: string) => gql(t.url, REGISTER, { i: { eventId } }, token);

describe('figures', () => {
  const FIGURES = `query($f: CommunityLifeFiguresFilter!) { communityLifeFigures(filter: $f) {
    spaceUtilisation { community { code } space { code } month bookings bookedHours openHours utilisation }
    eventAttendance { community { code } month kind events capacity registrations waitlisted attended attendanceRate }
    groupMembership { community { code } theme groups members } } }`;
  let measured: Estate;
  let filter: Record<string, unknown>;

  beforeAll(async () => {
    // An estate of its own, so the numbers are exactly what this test wrote.
    measured = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 3, residentsPerHousehold: 1 });
    await setHours(t, measured.spaces[0].id, [['08:00', '12:00'], ['14:00', '20:00']]);
    const manager = await t.token({ sub: measured.gid.staff('manager'), role: 'MANAGER', communities: [measured.code] });
    const people = await Promise.all([0, 1, 2].map((i) => t.token({ sub: measured.gid.resident(i), role: 'RESIDENT', communities: [measured.code] })));
    await bookOk(t, people[0], { spaceId: spaceGid(measured), ...slot(13, 8, 2), purpose: 'Secret party of flat 0101' });
    await bookOk(t, people[1], { spaceId: spaceGid(measured), ...slot(13, 10, 1, 30) });
    const event = await scheduleOk(t, manager, { spaceId: spaceGid(measured), ...slot(13, 15, 3), kind: 'HAIRCUT', title: 'Haircuts', capacity: 2 });
    // One after another: two places, so the third waits.
    const first = await register(people[0], event.id);
    for (const p of people.slice(1)) await register(p, event.id);
    await gql(t.url, ATTEND, { i: { registrationId: first.data.registerForEvent.registration.id } }, manager);
    await gql(t.url, `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
      { i: { name: 'Green fingers', theme: 'GARDENING', leaderId: measured.gid.resident(0) } }, manager);
    filter = { communityCodes: [measured.code], from: localDate(13), to: localDate(13) };
  });

  it.each(['MANAGER', 'DISTRICT', 'INTEGRATOR'])('%s reads utilisation, attendance and membership: counts, and nothing personal', async (role) => {
    const sub = role === 'MANAGER' ? measured.gid.staff('manager') : `${role.toLowerCase()}-figures`;
    const token = await t.token({ sub, role: role as never, communities: [measured.code] });
    const res = await gql(t.url, FIGURES, { f: filter }, token);
    expect(res.errors).toBeUndefined();
    const month = localDate(13).slice(0, 7);
    const { spaceUtilisation, eventAttendance, groupMembership } = res.data.communityLifeFigures;
    // One day: open 10 hours; booked 2 + 1 + 3 (the event's booking) hours, in three bookings.
    expect(spaceUtilisation).toEqual([
      { community: { code: measured.code }, space: { code: 'PS01' }, month, bookings: 3, bookedHours: 6, openHours: 10, utilisation: 0.6 },
      { community: { code: measured.code }, space: { code: 'PS02' }, month, bookings: 0, bookedHours: 0, openHours: 0, utilisation: null },
    ]);
    expect(eventAttendance).toEqual([{ community: { code: measured.code }, month, kind: 'HAIRCUT', events: 1, capacity: 2, registrations: 2, waitlisted: 1, attended: 1, attendanceRate: 0.5 }]);
    expect(groupMembership).toEqual([{ community: { code: measured.code }, theme: 'GARDENING', groups: 1, members: 1 }]);
    const body = JSON.stringify(res);
    for (const r of measured.residents) expect(body).not.toContain(r.name);
    expect(body).not.toContain('0101');
  });

  it.each(['RESIDENT', 'STAFF', 'DISPATCHER'])('%s: FORBIDDEN', async (role) => {
    const sub = role === 'RESIDENT' ? measured.gid.resident(0) : measured.gid.staff(role === 'STAFF' ? 'steward' : 'dispatcher');
    const token = await t.token({ sub, role: role as never, communities: [measured.code] });
    expectFailure(await gql(t.url, FIGURES, { f: filter }, token), 'FORBIDDEN');
  });

  it('an estate the token does not cover: FORBIDDEN; more than 36 months or a reversed range: BAD_USER_INPUT', async () => {
    expectFailure(await gql(t.url, FIGURES, { f: { ...filter, communityCodes: [measured.code] } }, district), 'FORBIDDEN');
    const token = await t.token({ sub: 'district-range', role: 'DISTRICT', communities: [measured.code] });
    expectFailure(await gql(t.url, FIGURES, { f: { ...filter, from: '2022-01-01', to: '2025-12-31' } }, token), 'BAD_USER_INPUT', 'filter.to');
    expectFailure(await gql(t.url, FIGURES, { f: { ...filter, from: '2025-02-01', to: '2025-01-31' } }, token), 'BAD_USER_INPUT', 'filter.to');
  });
});
