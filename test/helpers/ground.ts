import crypto from 'node:crypto';
import { toGlobalId } from '../../src/ids';
import { localToday } from '../../src/local-time';
import { gql } from './client';
import { createEstate, type Estate } from './factories';
import type { TestServer } from './server';
import { actOk, sql, submitOk } from './tickets';
import { setHours, slot } from './spaces';
import { proactiveGround, type ProactiveGround } from './ground-proactive';

/**
 * The leak hunter's ground: an estate whose every personal and non-public
 * value is a unique marker, with tickets raised and worked through the API by
 * residents, staff, the desk and the manager, so a marker found in an answer
 * can only have come from where it was written.
 */

const marker = (kind: string) => `${kind}${crypto.randomBytes(6).toString('hex')}`;
const digits = () => `1${crypto.randomInt(10 ** 9, 10 ** 10 - 1)}`;

/** What one ticket of the ground is and whose it is. */
export interface GroundTicket {
  id: string;
  /** Its human number, e.g. `TAB12-2025-000001`. */
  number: string;
  householdId: number | null;
  reporterResidentId: number | null;
  /** Raised by the care schedule (channel CARE_SCHEDULE): dashboards may not read it. */
  careVisit: boolean;
  /** Global IDs of its events. */
  events: string[];
  /** Its title, description, notes and rating comment. */
  text: string[];
}

export interface Ground {
  estate: Estate;
  /** Global IDs of the estate's non-public rows (buildings, grids, staff, households, residents, tickets, events). */
  rowIds: Set<string>;
  /** Global IDs of its public rows (the estate, its public spaces). */
  publicIds: Set<string>;
  /** Household row id → the personal values of that household (unit, care needs, its residents' names and phones). */
  households: Map<number, string[]>;
  /** Staff work phones and the grid workers' phones. */
  staffContact: string[];
  /** Staff and grid workers' names, grid names, building codes, group names, event titles: not personal, but not public either. */
  internal: string[];
  tickets: GroundTicket[];
  /** Notes of the estate's satisfaction surveys (free text). */
  surveyNotes: string[];
  /** Free text of community life every token of the estate reads but dashboards: group and event descriptions. */
  text: string[];
  /** Why the estate booked a space: personal data with no household, so staff only. */
  staffOnly: string[];
  /** Global IDs of the community-life rows: bookings (a resident's, a neighbour's, the estate's), the group, the event, its registrations. */
  lifeIds: string[];
  /** The reception day's global ID. */
  eventId: string;
  /** Care, patrols, drills and the liaison network (see ground-proactive.ts). */
  proactive: ProactiveGround;
}

/** The year the ground's tickets and survey fall in, in the estates' time zone. */
export const groundYear = () => localToday().slice(0, 4);

/** Care needs per household, by position: each value tells its household apart. */
export type CareNeedsPlan = string[][];

/**
 * Two buildings of two households of two residents, markers everywhere, and
 * five tickets: the resident of household 0 (rated, with notes), the resident
 * of household 1 (escalated to community level), a steward's patrol, the desk
 * for household 2's resident, the manager's about a public space; then an
 * emergency, and the proactive records (ground-proactive.ts): care visits of
 * households 0 and 1 with their tickets, a patrol anomaly with its ticket, a
 * drill, an organisation, the reception team, a meeting; this year's
 * satisfaction survey, with a note; then community life: bookings of
 * households 0 and 1 and of the estate, a group with three members, a
 * reception day with two registrations and an issue raised there for
 * household 2.
 */
export async function huntingGround(t: TestServer, care: CareNeedsPlan): Promise<Ground> {
  const estate = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 2, residentsPerHousehold: 2 });
  const id = estate.community.id;
  for (const r of estate.residents) await sql(t, 'update resident set name = ?, phone = ? where id = ?', [marker('name'), digits(), r.id]);
  for (const [i, h] of estate.households.entries()) {
    await sql(t, 'update household set unit = ?, care_needs = ?::text[] where id = ?', [marker('U').slice(0, 14), `{${(care[i] ?? []).join(',')}}`, h.id]);
  }
  for (const s of Object.values(estate.staff)) await sql(t, 'update staff set name = ?, phone = ? where id = ?', [marker('staff'), digits(), s.id]);
  await sql(t, 'update grid set name = ?, grid_worker_name = ?, grid_worker_phone = ? where community_id = ?', [marker('grid'), marker('worker'), digits(), id]);
  for (const b of estate.buildings) await sql(t, 'update building set code = ? where id = ?', [marker('B').slice(0, 14), b.id]);

  const token = (sub: string, role: string) => t.token({ sub, role: role as never, communities: [estate.code] });
  const [r0, r2, r4] = [await token(estate.gid.resident(0), 'RESIDENT'), await token(estate.gid.resident(2), 'RESIDENT'), await token(estate.gid.resident(4), 'RESIDENT')];
  const steward = await token(estate.gid.staff('steward'), 'STAFF');
  const desk = await token(estate.gid.staff('dispatcher'), 'DISPATCHER');
  const manager = await token(estate.gid.staff('manager'), 'MANAGER');
  const words = () => ({ title: marker('title'), description: marker('desc') });
  const note = () => ({ note: marker('note') });

  const t1 = await submitOk(t, r0, { householdId: estate.gid.household(0), ...words() });
  for (const op of ['AcknowledgeTicket', 'StartTicket', 'ResolveTicket']) await actOk(t, op, { ticketId: t1.id, ...note() }, steward);
  await actOk(t, 'RateTicket', { ticketId: t1.id, score: 4, comment: marker('comment') }, r0);
  const t2 = await submitOk(t, r2, { householdId: estate.gid.household(1), ...words() });
  await actOk(t, 'AcknowledgeTicket', { ticketId: t2.id, ...note() }, steward);
  await submitOk(t, steward, { buildingId: estate.gid.building(1), channel: 'PATROL', ...words() });
  const t4 = await submitOk(t, desk, { householdId: estate.gid.household(2), channel: 'HOTLINE', reporterId: estate.gid.resident(4), ...words() });
  await actOk(t, 'AssignTicket', { ticketId: t4.id, assigneeId: estate.gid.staff('maintenance'), ...note() }, manager);
  await submitOk(t, manager, { spaceId: toGlobalId('PublicSpace', estate.spaces[0].id), ...words() });
  // An emergency for household 3, acknowledged by the desk with a note: a dispatch, its units and its events.
  const raised = await gql(t.url, `mutation($i: RaiseEmergencyInput!) { raiseEmergency(input: $i) { dispatch { id } } }`,
    { i: { idempotencyKey: marker('key'), incidentType: 'WATER_LEAK', buildingId: estate.gid.building(1), householdId: estate.gid.household(3), description: marker('desc') } }, desk);
  if (raised.errors) throw new Error(`ground: raiseEmergency failed: ${JSON.stringify(raised.errors)}`);
  await gql(t.url, `mutation($i: DispatchActionInput!) { acknowledgeDispatch(input: $i) { dispatch { id } } }`,
    { i: { dispatchId: raised.data.raiseEmergency.dispatch.id, note: marker('note') } }, desk);
  // Household 1's ticket is taken to community level there.
  const proactive = await proactiveGround(t, estate, t2.id);

  const surveyNote = marker('survey');
  const recorded = await gql(t.url, 'mutation($i: RecordSurveyInput!) { recordSurvey(input: $i) { replaced } }',
    { i: { communityCode: estate.code, period: groundYear(), score: 81.25, respondents: 3, note: surveyNote } }, manager);
  if (recorded.errors) throw new Error(`setup recordSurvey failed: ${JSON.stringify(recorded.errors)}`);
  // Community life: bookings by residents of households 0 and 1 and by the estate, a group with members, a reception day
  // with registrations and an issue raised there for household 2 (a ticket like the others below).
  for (const space of estate.spaces) await setHours(t, space.id, [['00:00', '24:00']]);
  const purposes = [marker('purpose'), marker('purpose'), marker('purpose')];
  const booked: string[] = [];
  for (const [i, token] of [r0, r2, manager].entries()) {
    const res = await gql(t.url, `mutation($i: BookSpaceInput!) { bookSpace(input: $i) { booking { id } } }`,
      { i: { spaceId: toGlobalId('PublicSpace', estate.spaces[0].id), ...slot(2, 9 + 2 * i), purpose: purposes[i], attendees: 5 } }, token);
    if (res.errors) throw new Error(`ground: bookSpace failed: ${JSON.stringify(res.errors)}`);
    booked.push(res.data.bookSpace.booking.id);
  }
  const groupName = marker('group');
  const words2 = { groupText: marker('about'), eventTitle: marker('event'), eventText: marker('about') };
  const group = await gql(t.url, `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: {
    name: groupName, theme: 'CULTURE', description: words2.groupText, leaderId: estate.gid.resident(0), liaisonId: estate.gid.staff('steward'),
  } }, manager);
  if (group.errors) throw new Error(`ground: createGroup failed: ${JSON.stringify(group.errors)}`);
  const groupId: string = group.data.createGroup.group.id;
  for (const token of [r2, r4]) await gql(t.url, `mutation($i: GroupMembershipInput!) { joinGroup(input: $i) { group { id } } }`, { i: { groupId } }, token);
  const event = await gql(t.url, `mutation($i: ScheduleEventInput!) { scheduleEvent(input: $i) { event { id } } }`, { i: {
    spaceId: toGlobalId('PublicSpace', estate.spaces[1].id), ...slot(3, 9, 3), kind: 'RECEPTION_DAY', title: words2.eventTitle,
    description: words2.eventText, capacity: 1, groupId,
  } }, manager);
  if (event.errors) throw new Error(`ground: scheduleEvent failed: ${JSON.stringify(event.errors)}`);
  const eventId: string = event.data.scheduleEvent.event.id;
  const registrations: string[] = [];
  for (const token of [r0, r2]) {
    const res = await gql(t.url, `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { id } } }`, { i: { eventId } }, token);
    registrations.push(res.data.registerForEvent.registration.id);
  }
  const issue = await gql(t.url, `mutation($i: RaiseReceptionIssueInput!) { raiseReceptionIssue(input: $i) { ticket { id } } }`, { i: {
    idempotencyKey: marker('key'), eventId, residentId: estate.gid.resident(4), householdId: estate.gid.household(2), category: 'COMPLAINT', ...words(),
  } }, desk);
  if (issue.errors) throw new Error(`ground: raiseReceptionIssue failed: ${JSON.stringify(issue.errors)}`);
  const changeIds = (await sql(t, `select 'BookingChange:' || c.id as id from booking_change c where c.community_id = ?
      union all select 'CommunityEventChange:' || c.id from community_event_change c where c.community_id = ?`, [id, id]))
    .map((r) => Buffer.from(r.id).toString('base64url'));

  const tickets = (await sql(t, `select k.id, k.number, k.household_id, k.reporter_resident_id, k.channel = 'CARE_SCHEDULE' as care_visit,
      array_remove(array[k.title, k.description, k.rating_comment], null)
        || coalesce((select array_agg(e.note) from ticket_event e where e.ticket_id = k.id and e.note is not null), '{}')
        || coalesce((select array_agg(e.note) from dispatch_event e join dispatch d on d.id = e.dispatch_id where d.ticket_id = k.id and e.note is not null), '{}') as text,
      (select array_agg(e.id order by e.id) from ticket_event e where e.ticket_id = k.id) as events,
      (select array_agg(d.id) from dispatch d where d.ticket_id = k.id) as dispatches,
      (select array_agg(e.id) from dispatch_event e join dispatch d on d.id = e.dispatch_id where d.ticket_id = k.id) as dispatch_events
    from ticket k where k.community_id = ? order by k.id`, [id])).map((row): GroundTicket => ({
    id: toGlobalId('Ticket', row.id),
    number: row.number,
    householdId: row.household_id,
    reporterResidentId: row.reporter_resident_id,
    careVisit: row.care_visit,
    // Its events, and its dispatch and the dispatch's events when it is an emergency.
    events: [
      ...(row.events as string[]).map((e) => Buffer.from(`TicketEvent:${e}`).toString('base64url')),
      ...((row.dispatches ?? []) as number[]).map((d) => toGlobalId('Dispatch', d)),
      ...((row.dispatch_events ?? []) as string[]).map((e) => Buffer.from(`DispatchEvent:${e}`).toString('base64url')),
    ],
    // Only the markers this ground wrote: the server's own words (an emergency's title) are the same everywhere.
    text: (row.text as string[]).filter((v) => /[0-9a-f]{12}$/.test(v)),
  }));

  const residents = await sql(t, 'select id, household_id, name, phone from resident where community_id = ?', [id]);
  const households = new Map<number, string[]>();
  for (const h of await sql(t, 'select id, unit, care_needs from household where community_id = ?', [id])) {
    households.set(h.id, [h.unit, ...h.care_needs, ...residents.filter((r) => r.household_id === h.id).flatMap((r) => [r.name, r.phone]),
      ...(proactive.care.get(h.id) ?? [])]);
  }
  const staff = await sql(t, 'select id, name, phone from staff where community_id = ?', [id]);
  const [grid] = await sql(t, 'select id, name, grid_worker_name, grid_worker_phone from grid where community_id = ?', [id]);
  const buildings = await sql(t, 'select id, code from building where community_id = ?', [id]);

  // The booking purposes are their households' personal data.
  households.get(estate.households[0].id)!.push(purposes[0]);
  households.get(estate.households[1].id)!.push(purposes[1]);
  const lifeIds = [...booked, groupId, eventId, ...registrations];
  const rowIds = new Set<string>([
    ...lifeIds, ...changeIds,
    ...buildings.map((b) => toGlobalId('Building', b.id)), toGlobalId('Grid', grid.id),
    ...staff.map((s) => toGlobalId('Staff', s.id)),
    ...[...households.keys()].map((h) => toGlobalId('Household', h)),
    ...residents.map((r) => toGlobalId('Resident', r.id)),
    ...tickets.flatMap((k) => [k.id, ...k.events]),
    ...proactive.rowIds,
  ]);
  return {
    estate,
    rowIds,
    publicIds: new Set([estate.gid.community, ...estate.spaces.map((s) => toGlobalId('PublicSpace', s.id))]),
    households,
    staffContact: [...staff.map((s) => s.phone), grid.grid_worker_phone, ...proactive.staffContact],
    internal: [...staff.map((s) => s.name), grid.name, grid.grid_worker_name, ...buildings.map((b) => b.code), groupName, words2.eventTitle, ...proactive.internal],
    tickets,
    surveyNotes: [surveyNote],
    text: [words2.groupText, words2.eventText],
    staffOnly: [purposes[2]],
    lifeIds,
    eventId,
    proactive,
  };
}
