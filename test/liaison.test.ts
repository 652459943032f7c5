import { codes, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { sleep, watch } from './helpers/instances';
import { startTestServer, type TestServer } from './helpers/server';
import { actOk, expectFailure, rowId, sql, submitOk, ticketState } from './helpers/tickets';
import { bearer, connect } from './helpers/ws';

/**
 * The liaison network through a real server: residents' organisations paired
 * with staff and their contact people, the reception team, liaison meetings
 * with the organisations and the tickets that came of them, and tickets taken
 * from building level to community level. Reception days are community
 * events (community-life.test.ts); the figures count both (figures.test.ts).
 */

let t: TestServer;
let estate: Estate;
let other: Estate;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer({ dispatch: { ackTimeoutSeconds: 3600, timerPollMs: 3_600_000 } });
  estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 2, residentsPerHousehold: 1 });
  other = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 1, residentsPerHousehold: 1 });
  const token = (sub: string, role: string, e = estate) => t.token({ sub, role: role as never, communities: [e.code] });
  tokens.steward = await token(estate.gid.staff('steward'), 'STAFF');
  tokens.cleaning = await token(estate.gid.staff('cleaning'), 'STAFF');
  tokens.desk = await token(estate.gid.staff('dispatcher'), 'DISPATCHER');
  tokens.manager = await token(estate.gid.staff('manager'), 'MANAGER');
  tokens.district = await token('district-liaison', 'DISTRICT');
  tokens.resident = await token(estate.gid.resident(0), 'RESIDENT');
  tokens.neighbour = await token(estate.gid.resident(1), 'RESIDENT');
  tokens.foreign = await token(other.gid.staff('manager'), 'MANAGER', other);
});
afterAll(() => t.close());

const ORGANISATION = `mutation($i: AddResidentOrganisationInput!) { addResidentOrganisation(input: $i) { organisation { id kind name liaison { id }
  contacts { name phone position } } } }`;
const MEMBER = `mutation($i: AddReceptionMemberInput!) { addReceptionMember(input: $i) { member { id name post phone staff { id } } } }`;
const MEETING = `mutation($i: RecordLiaisonMeetingInput!) { recordLiaisonMeeting(input: $i) { meeting { id heldAt place attendees summary
  organisation { name } recordedBy { id } tickets { id } } } }`;
const ESCALATE = `mutation($i: EscalateTicketInput!) { escalateTicket(input: $i) { cursor ticket { id level version status
  escalation { escalatedAt note escalatedBy { id } takenOverBy { __typename ... on ReceptionMember { name post } ... on Staff { id role } } }
  timeline(first: 10) { edges { node { type note actor { role staff { id } } } } } } } }`;

async function organisation(name: string, kind = 'COMMITTEE') {
  const res = await gql(t.url, ORGANISATION, { i: {
    communityCode: estate.code, kind, name, liaisonId: estate.gid.staff('steward'),
    contacts: [{ name: '林秀英', phone: '139 1234 5678', position: 'Secretary' }],
  } }, tokens.manager);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.addResidentOrganisation.organisation;
}

async function member(name: string, role = 'COMMUNITY_OFFICIAL', e = estate, token = tokens.manager) {
  const res = await gql(t.url, MEMBER, { i: { communityCode: e.code, name, post: role, phone: '0755-8888 1234' } }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.addReceptionMember.member;
}

describe('residents\' organisations and the reception team', () => {
  it('pairs each organisation with a member of staff; its contact people are for staff only', async () => {
    const org = await organisation('第二居委会 Second Residents\' Committee');
    expect(org).toMatchObject({ kind: 'COMMITTEE', liaison: { id: estate.gid.staff('steward') }, contacts: [{ name: '林秀英', phone: '13912345678', position: 'Secretary' }] });
    const LIST = `query($code: String!) { community(code: $code) { organisations { name kind liaison { id } contacts { name phone position } } receptionTeam { name } } }`;
    for (const who of ['resident', 'district']) {
      const res = await gql(t.url, LIST, { code: estate.code }, tokens[who]);
      const listed = res.data.community.organisations.find((o: any) => o.name === org.name);
      expect(listed).toMatchObject({ kind: 'COMMITTEE', liaison: { id: estate.gid.staff('steward') }, contacts: [{ name: null, phone: null, position: 'Secretary' }] });
      expect(new Set(codes(res))).toEqual(new Set(['FORBIDDEN']));
    }
    expectFailure(await gql(t.url, ORGANISATION, { i: { communityCode: estate.code, kind: 'COMMITTEE', name: org.name, liaisonId: estate.gid.staff('steward'), contacts: [] } }, tokens.manager), 'BAD_USER_INPUT', 'name');
    expectFailure(await gql(t.url, ORGANISATION, { i: { communityCode: estate.code, kind: 'PARTY_BRANCH', name: 'x', liaisonId: estate.gid.staff('steward'), contacts: [] } }, tokens.steward), 'FORBIDDEN');
    expectFailure(await gql(t.url, ORGANISATION, { i: { communityCode: estate.code, kind: 'PARTY_BRANCH', name: 'x', liaisonId: other.gid.staff('steward'), contacts: [] } }, tokens.manager), 'NOT_FOUND');
  });

  it('keeps a reception team whose phones only staff see', async () => {
    const m = await member('王建国', 'COMMUNITY_OFFICIAL');
    expect(m).toMatchObject({ name: '王建国', post: 'COMMUNITY_OFFICIAL', phone: '075588881234', staff: null });
    const pm = await gql(t.url, MEMBER, { i: { communityCode: estate.code, name: 'Manager', post: 'PROJECT_MANAGER', phone: '13900000005', staffId: estate.gid.staff('manager') } }, tokens.manager);
    expect(pm.data.addReceptionMember.member.staff).toEqual({ id: estate.gid.staff('manager') });
    const res = await gql(t.url, `query($id: ID!) { node(id: $id) { ... on ReceptionMember { name phone } } }`, { id: m.id }, tokens.resident);
    expect(res.data.node).toEqual({ name: '王建国', phone: null });
    expectFailure(await gql(t.url, MEMBER, { i: { communityCode: estate.code, name: 'x', post: 'COMMUNITY_OFFICIAL', phone: '12' } }, tokens.manager), 'BAD_USER_INPUT', 'phone');
    expectFailure(await gql(t.url, MEMBER, { i: { communityCode: estate.code, name: 'x', post: 'COMMUNITY_OFFICIAL', phone: '13900000000' } }, tokens.foreign), 'FORBIDDEN');
  });
});

describe('liaison meetings', () => {
  it('record what was said and the tickets that came of them', async () => {
    const org = await organisation('党支部 Party Branch No. 1', 'PARTY_BRANCH');
    const ticket = await submitOk(t, tokens.steward, { buildingId: estate.gid.building(0), channel: 'WALK_IN', title: 'Bike shed light out' });
    const res = await gql(t.url, MEETING, { i: {
      communityCode: estate.code, organisationId: org.id, heldAt: new Date(Date.now() - 3600_000).toISOString(),
      place: "Residents' Council Room", attendees: 12, summary: 'Lighting in the bike shed; noise after 22:00', ticketIds: [ticket.id],
    } }, tokens.steward);
    expect(res.errors).toBeUndefined();
    expect(res.data.recordLiaisonMeeting.meeting).toMatchObject({
      attendees: 12, organisation: { name: org.name }, recordedBy: { id: estate.gid.staff('steward') }, tickets: [{ id: ticket.id }],
    });

    const LIST = `query($code: String!, $org: ID!) { community(code: $code) { liaisonMeetings(first: 10) { totalCount edges { node { organisation { name } summary } } } }
      node(id: $org) { ... on ResidentOrganisation { meetings(first: 5) { totalCount } } } }`;
    const district = await gql(t.url, LIST, { code: estate.code, org: org.id }, tokens.district);
    expect(district.data.community.liaisonMeetings.totalCount).toBe(1);
    expect(district.data.community.liaisonMeetings.edges.map((e: any) => e.node)).toEqual([{ organisation: { name: org.name }, summary: null }]);
    expect(district.data.node.meetings.totalCount).toBe(1);
    const resident = await gql(t.url, LIST, { code: estate.code, org: org.id }, tokens.resident);
    expect(resident.data.community.liaisonMeetings).toBeNull();
    expect(resident.data.node.meetings).toBeNull();
  });

  it('are meetings with organisations only: reception days are community events', async () => {
    const res = await gql(t.url, `{ meeting: __type(name: "LiaisonMeeting") { fields { name } } kind: __type(name: "LiaisonMeetingKind") { name }
      input: __type(name: "RecordLiaisonMeetingInput") { inputFields { name type { kind } } } }`, {}, tokens.manager);
    expect(res.data.kind).toBeNull();
    expect(res.data.meeting.fields.map((f: any) => f.name)).not.toContain('kind');
    expect(res.data.input.inputFields.find((f: any) => f.name === 'organisationId').type.kind).toBe('NON_NULL');
  });

  it.each([
    ['a resident', 'FORBIDDEN', 'resident', {}],
    ['a meeting with no organisation', 'BAD_USER_INPUT', 'steward', { organisationId: undefined }],
    ["another estate's organisation", 'NOT_FOUND', 'steward', { organisationId: 'FOREIGN' }],
    ["another estate's ticket", 'NOT_FOUND', 'steward', { ticketIds: ['FOREIGN'] }],
    ['a meeting in the future', 'BAD_USER_INPUT', 'steward', { heldAt: new Date(Date.now() + 86400_000).toISOString() }],
  ])('recording: %s → %s, and nothing is written', async (_, code, who, extra: Record<string, unknown>) => {
    const input: Record<string, unknown> = { communityCode: estate.code, organisationId: 'ORG', heldAt: new Date().toISOString(), place: 'Hall', attendees: 3, ...extra };
    if (input.organisationId === 'ORG') input.organisationId = (await organisation(`Group ${Date.now()}`, 'RESIDENT_GROUP')).id;
    if (input.organisationId === 'FOREIGN') {
      const res = await gql(t.url, ORGANISATION, { i: {
        communityCode: other.code, kind: 'COMMITTEE', name: `Elsewhere ${Date.now()}`, liaisonId: other.gid.staff('steward'), contacts: [],
      } }, tokens.foreign);
      input.organisationId = res.data.addResidentOrganisation.organisation.id;
    }
    if (input.organisationId === undefined) delete input.organisationId;
    if (Array.isArray(input.ticketIds)) {
      const foreignManager = tokens.foreign;
      input.ticketIds = [(await submitOk(t, foreignManager, { buildingId: other.gid.building(0) })).id];
    }
    const [before] = await sql(t, 'select count(*)::int as n from liaison_meeting where community_id = ?', [estate.community.id]);
    expectFailure(await gql(t.url, MEETING, { i: input }, tokens[who]), code);
    const [after] = await sql(t, 'select count(*)::int as n from liaison_meeting where community_id = ?', [estate.community.id]);
    expect(after.n).toBe(before.n);
  });
});

describe('escalation from building level to community level', () => {
  it('is an ESCALATED event in the ticket\'s timeline and on the log, with who took it over', async () => {
    const official = await member('陈志强');
    const ticket = await submitOk(t, tokens.resident, { householdId: estate.gid.household(0), category: 'COMPLAINT', title: 'Neighbour dispute over drying rack' });
    await actOk(t, 'AcknowledgeTicket', { ticketId: ticket.id }, tokens.steward);
    const conn = connect(t.wsUrl, bearer(tokens.manager));
    const live = watch(conn, 'subscription($f: TicketEventFilter) { ticketEvents(filter: $f) { type cursor ticket { level } } }', { f: { ticketId: ticket.id } });
    await sleep(300);
    const res = await gql(t.url, ESCALATE, { i: { ticketId: ticket.id, to: 'COMMUNITY', takenOverById: official.id, note: 'Needs mediation', expectedVersion: 2 } }, tokens.steward);
    expect(res.errors).toBeUndefined();
    const escalated = res.data.escalateTicket;
    expect(escalated.ticket).toMatchObject({
      level: 'COMMUNITY', version: 3, status: 'ACKNOWLEDGED',
      escalation: { note: 'Needs mediation', escalatedBy: { id: estate.gid.staff('steward') }, takenOverBy: { __typename: 'ReceptionMember', name: '陈志强', post: 'COMMUNITY_OFFICIAL' } },
    });
    expect(escalated.ticket.timeline.edges.map((e: any) => e.node.type)).toEqual(['SUBMITTED', 'ACKNOWLEDGED', 'ESCALATED']);
    expect(escalated.ticket.timeline.edges[2].node).toMatchObject({ note: 'Needs mediation', actor: { role: 'STAFF', staff: { id: estate.gid.staff('steward') } } });
    await live.waitFor(1);
    expect(live.data[0].ticketEvents).toEqual({ type: 'ESCALATED', cursor: escalated.cursor, ticket: { level: 'COMMUNITY' } });
    await conn.dispose();
    // The reporting resident sees where their ticket went.
    const own = await gql(t.url, 'query($id: ID!) { node(id: $id) { ... on Ticket { level escalation { takenOverBy { __typename } } } } }', { id: ticket.id }, tokens.resident);
    expect(own.data.node).toEqual({ level: 'COMMUNITY', escalation: { takenOverBy: { __typename: 'ReceptionMember' } } });
    // Once only.
    expectFailure(await gql(t.url, ESCALATE, { i: { ticketId: ticket.id, to: 'COMMUNITY', takenOverById: official.id } }, tokens.manager), 'INVALID_TRANSITION');
  });

  it('can be taken over by the estate\'s manager', async () => {
    const ticket = await submitOk(t, tokens.desk, { buildingId: estate.gid.building(0), channel: 'HOTLINE', title: 'Water pressure, whole building' });
    const res = await gql(t.url, ESCALATE, { i: { ticketId: ticket.id, to: 'COMMUNITY', takenOverById: estate.gid.staff('manager') } }, tokens.desk);
    expect(res.data.escalateTicket.ticket.escalation.takenOverBy).toEqual({ __typename: 'Staff', id: estate.gid.staff('manager'), role: 'MANAGER' });
  });

  it.each([
    ['a squad member who is not the steward', 'FORBIDDEN', 'cleaning', {}],
    ['a district dashboard', 'FORBIDDEN', 'district', {}],
    ['the reporting resident', 'FORBIDDEN', 'resident', {}],
    ["another estate's manager", 'NOT_FOUND', 'foreign', {}],
    ['a stale version', 'VERSION_CONFLICT', 'steward', { expectedVersion: 9 }],
    ['a resolved ticket', 'INVALID_TRANSITION', 'steward', { resolve: true }],
    ['to BUILDING', 'BAD_USER_INPUT', 'steward', { to: 'BUILDING' }],
    ['a taker who is neither on the team nor a manager', 'BAD_USER_INPUT', 'steward', { takenOverById: 'CLEANER' }],
    ["another estate's reception member", 'NOT_FOUND', 'steward', { takenOverById: 'FOREIGN' }],
  ])('escalating: %s → %s, and nothing is written', async (_, code, who, extra: Record<string, unknown>) => {
    const ticket = await submitOk(t, tokens.resident, { householdId: estate.gid.household(0) });
    if (extra.resolve) {
      for (const op of ['AcknowledgeTicket', 'StartTicket', 'ResolveTicket']) await actOk(t, op, { ticketId: ticket.id }, tokens.steward);
    }
    const input: Record<string, unknown> = { ticketId: ticket.id, to: 'COMMUNITY', takenOverById: (await member(`Official ${Date.now()}`)).id, ...extra };
    delete input.resolve;
    if (input.takenOverById === 'CLEANER') input.takenOverById = estate.gid.staff('cleaning');
    if (input.takenOverById === 'FOREIGN') input.takenOverById = (await member('Elsewhere', 'COMMUNITY_OFFICIAL', other, tokens.foreign)).id;
    const before = await ticketState(t, ticket.id);
    expectFailure(await gql(t.url, ESCALATE, { i: input }, tokens[who]), code);
    expect(await ticketState(t, ticket.id)).toEqual(before);
    const [row] = await sql(t, 'select count(*)::int as n from ticket_escalation where ticket_id = ?', [rowId(ticket.id)]);
    expect(row.n).toBe(0);
  });
});
