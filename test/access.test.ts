import { SignJWT, type JWTPayload } from 'jose';
import { buildSchema } from '../resolvers';
import { fieldRules } from '../src/access/fields';
import { codes, gql } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { sleep, submitTicket } from './helpers/instances';
import { follow } from './helpers/live';
import { managerToken, startTestServer, TEST_SECRET, type TestServer } from './helpers/server';
import { act, actOk, expectFailure, rowId, sql, submitOk } from './helpers/tickets';
import { bearer, connect } from './helpers/ws';

/** Access is decided where rows are read: the regressions of the cross-estate leak and its family. */

let t: TestServer;
let a: Estate;
let b: Estate;
const tokens: Record<string, string> = {};

/** A fresh id far above anything the sequences hand out, free in every table. */
const farId = () => 900_000_000 + Math.floor(Math.random() * 90_000_000);

beforeAll(async () => {
  t = await startTestServer();
  a = await createEstate(t.orm, { buildings: 2, householdsPerBuilding: 3, residentsPerHousehold: 2 });
  b = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 3, residentsPerHousehold: 2 });
  // The leak as reported: a grid of A whose row id equals the row id of estate B, so a list keyed by
  // the wrong parent column reads B's tickets. Ids are moved before any ticket exists (events are append-only).
  const shared = farId();
  await sql(t, 'update community set id = ? where id = ?', [shared, b.community.id]);
  await sql(t, 'update grid set id = ? where id = ?', [shared, a.grids[0].id]);
  b = { ...b, community: { ...b.community, id: shared } } as Estate;
  a.grids[0] = { ...a.grids[0], id: shared } as Estate['grids'][0];
  const sign = (sub: string, role: string, code: string) => t.token({ sub, role: role as never, communities: [code] });
  tokens.managerA = await sign(a.gid.staff('manager'), 'MANAGER', a.code);
  tokens.managerB = await sign(b.gid.staff('manager'), 'MANAGER', b.code);
  tokens.stewardA = await sign(a.gid.staff('steward'), 'STAFF', a.code);
  tokens.districtA = await sign('district-a', 'DISTRICT', a.code);
  tokens.integratorA = await sign('integrator-a', 'INTEGRATOR', a.code);
  tokens.resident0 = await sign(a.gid.resident(0), 'RESIDENT', a.code);
  tokens.resident2 = await sign(a.gid.resident(2), 'RESIDENT', a.code);
  tokens.residentB = await sign(b.gid.resident(0), 'RESIDENT', b.code);
  // Tickets in both estates, raised by their residents (names and flats in the text, as people write).
  for (const [estate, token] of [[a, tokens.resident0], [b, tokens.residentB]] as const) {
    for (let i = 0; i < 3; i++) {
      await submitOk(t, token, { householdId: estate.gid.household(0), title: `Leak at ${estate.code} ${i}`, description: `Flat ${estate.households[0].unit}, call ${estate.residents[0].phone}` });
    }
  }
});
afterAll(() => t.close());

describe('the cross-estate leak (regression)', () => {
  const LEAK = `query($code: String!) { community(code: $code) {
    tickets(first: 2) { edges { node { number } } }
    grids { code tickets(first: 2) { edges { node { number community { code } reporter { name } household { unit } } } } } } }`;

  it("a manager's grid lists hold their own estate's tickets only, whatever other lists the request holds", async () => {
    const res = await gql(t.url, LEAK, { code: a.code }, tokens.managerA);
    expect(res.errors).toBeUndefined();
    const gridTickets = res.data.community.grids.flatMap((g: any) => g.tickets.edges.map((e: any) => e.node));
    expect(gridTickets).toHaveLength(2);
    for (const ticket of gridTickets) {
      expect(ticket.community.code).toBe(a.code);
      expect(ticket.number.startsWith(`${a.code}-`)).toBe(true);
    }
    expect(JSON.stringify(res.data)).not.toContain(b.code);
  });

  it('two parent kinds in one request each get their own list (building and household, grid and resident)', async () => {
    const res = await gql(t.url, `query($b: ID!, $h: ID!, $r: ID!, $code: String!) {
      b: node(id: $b) { ... on Building { tickets(first: 5) { totalCount edges { node { number } } } } }
      h: node(id: $h) { ... on Household { tickets(first: 5) { totalCount edges { node { number } } } } }
      r: node(id: $r) { ... on Resident { tickets(first: 5) { totalCount edges { node { number } } } } }
      community(code: $code) { grids { tickets(first: 5) { totalCount } } } }`,
    { b: a.gid.building(1), h: a.gid.household(0), r: a.gid.resident(1), code: a.code }, tokens.managerA);
    expect(res.errors).toBeUndefined();
    expect(res.data.b.tickets.totalCount).toBe(0);
    expect(res.data.h.tickets.totalCount).toBe(3);
    expect(res.data.r.tickets.totalCount).toBe(0);
    expect(res.data.community.grids[0].tickets.totalCount).toBe(3);
  });
});

describe('free text is personal for DISTRICT and INTEGRATOR', () => {
  it.each(['districtA', 'integratorA'])('%s gets titles and descriptions as null with FORBIDDEN, the rest intact', async (who) => {
    const res = await gql(t.url, `query($code: String!) { community(code: $code) { tickets(first: 3) { edges { node {
      number status title description timeline(first: 5) { edges { node { type note } } } } } } } }`, { code: a.code }, tokens[who]);
    const nodes = res.data.community.tickets.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(3);
    for (const node of nodes) expect(node).toMatchObject({ status: 'SUBMITTED', title: null, description: null });
    expect(new Set(codes(res))).toEqual(new Set(['FORBIDDEN']));
    expect(JSON.stringify(res)).not.toContain(a.residents[0].phone);
    expect(JSON.stringify(res)).not.toContain('Leak at');
  });

  it('staff and the reporting resident read it', async () => {
    for (const token of [tokens.managerA, tokens.resident0]) {
      const res = await gql(t.url, `query($code: String!) { tickets(filter: { communityCodes: [$code] }, first: 1) { edges { node { title description } } } }`, { code: a.code }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data.tickets.edges[0].node.description).toContain(a.residents[0].phone);
    }
  });
});

describe('cursors reveal nothing', () => {
  const HOUSEHOLDS = `query($id: ID!, $after: String) { node(id: $id) { ... on Building { households(first: 2, after: $after) {
    edges { cursor node { id } } pageInfo { endCursor hasNextPage } } } } }`;
  const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString());

  it.each(['districtA', 'integratorA', 'resident2'])('%s pages households by id: no cursor holds a flat number', async (who) => {
    const first = await gql(t.url, HOUSEHOLDS, { id: a.gid.building(0) }, tokens[who]);
    expect(first.errors).toBeUndefined();
    const page = first.data.node.households;
    for (const edge of page.edges) expect(decode(edge.cursor)).toEqual([rowId(edge.node.id)]);
    const next = await gql(t.url, HOUSEHOLDS, { id: a.gid.building(0), after: page.pageInfo.endCursor }, tokens[who]);
    const ids = [...page.edges, ...next.data.node.households.edges].map((e: any) => rowId(e.node.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(ids).toHaveLength(3);
    for (const h of a.households) expect(JSON.stringify([first, next])).not.toContain(h.unit);
  });

  it('a forged cursor on the flat number is refused, not compared', async () => {
    const forged = Buffer.from(JSON.stringify([a.households[1].unit, a.households[1].id])).toString('base64url');
    const res = await gql(t.url, HOUSEHOLDS, { id: a.gid.building(0), after: forged }, tokens.districtA);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.data.node).toBeNull();
  });

  it('staff page by unit, and their cursors hold only what they may read', async () => {
    const res = await gql(t.url, HOUSEHOLDS, { id: a.gid.building(0) }, tokens.stewardA);
    expect(decode(res.data.node.households.edges[0].cursor)).toEqual([expect.any(String), expect.any(Number)]);
  });
});

describe('tokens', () => {
  const claims = () => ({ sub: a.gid.staff('manager'), role: 'MANAGER', communities: [a.code] });
  const raw = (payload: JWTPayload, exp?: number) => {
    const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
    return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(TEST_SECRET);
  };
  const cases: [string, () => Promise<string>][] = [
    ['no exp', () => raw(claims())],
    ['exp: 1e308', () => raw({ ...claims(), exp: 1e308 })],
    ['exp beyond the maximum lifetime (25 h)', () => raw(claims(), Math.floor(Date.now() / 1000) + 25 * 3600)],
    ['a STAFF token naming staff of another estate', () => raw({ sub: b.gid.staff('steward'), role: 'STAFF', communities: [a.code] }, Math.floor(Date.now() / 1000) + 600)],
    ['a RESIDENT token for an estate they do not live in', () => raw({ sub: a.gid.resident(0), role: 'RESIDENT', communities: [b.code] }, Math.floor(Date.now() / 1000) + 600)],
    ['a MANAGER token naming staff that does not exist', () => raw({ ...claims(), sub: Buffer.from('Staff:2000000000').toString('base64url') }, Math.floor(Date.now() / 1000) + 600)],
    ['an ADMIN sub longer than 200 characters', () => raw({ sub: 'x'.repeat(201), role: 'ADMIN' }, Math.floor(Date.now() / 1000) + 600)],
    ['a NUL byte in communities', () => raw({ ...claims(), communities: [`${a.code}\u0000`] }, Math.floor(Date.now() / 1000) + 600)],
  ];

  it.each(cases)('%s: HTTP 401 UNAUTHENTICATED', async (_, token) => {
    const res = await gql(t.url, '{ communities(first: 1) { totalCount } }', {}, await token());
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it.each(cases)('%s: the WebSocket closes with 4403 and the same reason HTTP gives', async (_, token) => {
    const jwt = await token();
    const http = await gql(t.url, '{ communities(first: 1) { totalCount } }', {}, jwt);
    const conn = connect(t.wsUrl, bearer(jwt));
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      conn.client.on('closed', (event) => resolve(event as { code: number; reason: string }));
    });
    await conn.dispose();
    expect(closed.code).toBe(4403);
    expect(closed.reason).toBe(http.errors![0].message);
  });
});

describe('a dashboard over every estate (DISTRICT for one)', () => {
  it('gets every estate with its public fields, and counts only where the token covers the estate', async () => {
    const res = await gql(t.url, '{ communities(first: 100) { edges { node { code name residentCount grids { code } } } } }', {}, tokens.districtA);
    expect(res.data).not.toBeNull();
    const nodes = res.data.communities.edges.map((e: any) => e.node);
    expect(nodes.find((n: any) => n.code === a.code)).toEqual({ code: a.code, name: `Estate ${a.code}`, residentCount: 12, grids: [{ code: 'G01' }] });
    expect(nodes.find((n: any) => n.code === b.code)).toEqual({ code: b.code, name: `Estate ${b.code}`, residentCount: null, grids: null });
    expect(new Set(codes(res))).toEqual(new Set(['FORBIDDEN']));
    // One error per denied field, each at its own estate.
    expect(res.errors!.every((e) => e.path![0] === 'communities' && e.path![4] !== undefined)).toBe(true);
  });
});

describe('only the reporting resident rates', () => {
  async function resolved(token: string, extra: Record<string, unknown>) {
    const ticket = await submitOk(t, token, { householdId: a.gid.household(0), ...extra });
    for (const op of ['AcknowledgeTicket', 'StartTicket', 'ResolveTicket']) await actOk(t, op, { ticketId: ticket.id }, tokens.stewardA);
    return ticket.id;
  }

  it('a steward who raised a ticket for a resident cannot rate it; the resident can', async () => {
    const ticketId = await resolved(tokens.stewardA, { channel: 'WALK_IN', reporterId: a.gid.resident(0) });
    expectFailure(await act(t, 'RateTicket', { ticketId, score: 5 }, tokens.stewardA), 'FORBIDDEN');
    expectFailure(await act(t, 'RateTicket', { ticketId, score: 5 }, tokens.managerA), 'FORBIDDEN');
    // Nor can staff cancel or close it in the resident's place.
    expectFailure(await gql(t.url, 'mutation($i: TicketActionInput!) { closeTicket(input: $i) { ticket { status } } }', { i: { ticketId } }, tokens.stewardA), 'FORBIDDEN');
    const rated = await act(t, 'RateTicket', { ticketId, score: 4 }, tokens.resident0);
    expect(rated.errors).toBeUndefined();
    expect(rated.data.rateTicket.ticket).toMatchObject({ status: 'CLOSED', rating: { score: 4 } });
  });

  it('a ticket raised by staff with no resident has no rating: staff close it', async () => {
    const ticketId = await resolved(tokens.stewardA, { channel: 'PATROL', householdId: undefined, buildingId: a.gid.building(0) });
    for (const token of [tokens.stewardA, tokens.managerA, tokens.resident0]) {
      const res = await act(t, 'RateTicket', { ticketId, score: 5 }, token);
      expect(codes(res)).toEqual([token === tokens.resident0 ? 'NOT_FOUND' : 'FORBIDDEN']);
    }
    const closed = await gql(t.url, 'mutation($i: TicketActionInput!) { closeTicket(input: $i) { ticket { status rating { score } } } }', { i: { ticketId } }, tokens.stewardA);
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeTicket.ticket).toEqual({ status: 'CLOSED', rating: null });
    const [row] = await sql(t, 'select rating_score, closed_at from ticket where id = ?', [rowId(ticketId)]);
    expect(row.rating_score).toBeNull();
    expect(row.closed_at).not.toBeNull();
  });
});

describe('erasing a resident', () => {
  it('removes their name, phone and household link, keeps tickets, events and ratings, and ends their tokens', async () => {
    const estate = await createEstate(t.orm, { buildings: 1, householdsPerBuilding: 2, residentsPerHousehold: 1 });
    const manager = await managerToken(t, estate);
    const steward = await t.token({ sub: estate.gid.staff('steward'), role: 'STAFF', communities: [estate.code] });
    const resident = await t.token({ sub: estate.gid.resident(0), role: 'RESIDENT', communities: [estate.code] });
    const ticket = await submitOk(t, resident, { householdId: estate.gid.household(0) });
    for (const op of ['AcknowledgeTicket', 'StartTicket', 'ResolveTicket']) await actOk(t, op, { ticketId: ticket.id }, steward);
    await actOk(t, 'RateTicket', { ticketId: ticket.id, score: 5, comment: 'quick' }, resident);

    const ERASE = 'mutation($id: ID!) { eraseResident(input: { residentId: $id }) { erasedResidentId ticketsKept eventsKept } }';
    expectFailure(await gql(t.url, ERASE, { id: estate.gid.resident(0) }, tokens.districtA), 'NOT_FOUND');
    expectFailure(await gql(t.url, ERASE, { id: estate.gid.resident(0) }, steward), 'FORBIDDEN');
    const res = await gql(t.url, ERASE, { id: estate.gid.resident(0) }, manager);
    expect(res.errors).toBeUndefined();
    expect(res.data.eraseResident).toEqual({ erasedResidentId: estate.gid.resident(0), ticketsKept: 1, eventsKept: 3 });

    const [gone] = await sql(t, 'select count(*)::int as n from resident where id = ?', [estate.residents[0].id]);
    expect(gone.n).toBe(0);
    const [kept] = await sql(t, `select k.status, k.rating_score, k.reporter_resident_id,
      (select count(*) from ticket_event e where e.ticket_id = k.id)::int as events,
      (select count(*) from ticket_event e where e.ticket_id = k.id and e.actor_resident_id is not null)::int as by_resident
      from ticket k where k.id = ?`, [rowId(ticket.id)]);
    expect(kept).toEqual({ status: 'CLOSED', rating_score: 5, reporter_resident_id: null, events: 6, by_resident: 0 });
    const read = await gql(t.url, 'query($id: ID!) { node(id: $id) { ... on Ticket { status reporter { name } rating { score } } } }', { id: ticket.id }, manager);
    expect(read.data.node).toEqual({ status: 'CLOSED', reporter: null, rating: { score: 5 } });
    const after = await gql(t.url, '{ communities(first: 1) { totalCount } }', {}, resident);
    expect([after.status, codes(after)]).toEqual([401, ['UNAUTHENTICATED']]);
  });

  it('the events stay append-only for everything else', async () => {
    await expect(sql(t, "update ticket_event set note = 'rewritten' where community_id = ?", [a.community.id])).rejects.toThrow(/append-only/);
    await expect(sql(t, 'delete from ticket_event where community_id = ?', [a.community.id])).rejects.toThrow(/append-only/);
  });
});

describe('subscribers that differ only by subject', () => {
  it('two residents of one estate with the same filter each get their own household only', async () => {
    const filter = { communityCodes: [a.code] };
    const first = follow(t.wsUrl, tokens.resident0, { filter });
    const second = follow(t.wsUrl, tokens.resident2, { filter });
    await sleep(300);
    const mine = await submitTicket(t.url, tokens.resident0, { householdId: a.gid.household(0) });
    const theirs = await submitTicket(t.url, tokens.resident2, { householdId: a.gid.household(1) });
    await first.waitFor(1);
    await second.waitFor(1);
    await sleep(300);
    expect(first.events.map((e) => e.ticket.id)).toEqual([mine.id]);
    expect(second.events.map((e) => e.ticket.id)).toEqual([theirs.id]);
    await Promise.all([first.stop(), second.stop()]);
  });

  it('two residents of one household: a ticket one raised about a public space reaches only them, the household\'s reaches both', async () => {
    const housemate = await t.token({ sub: a.gid.resident(1), role: 'RESIDENT', communities: [a.code] });
    const filter = { communityCodes: [a.code] };
    const reporter = follow(t.wsUrl, tokens.resident0, { filter });
    const other = follow(t.wsUrl, housemate, { filter });
    await sleep(300);
    const space = await submitTicket(t.url, tokens.resident0, { spaceId: Buffer.from(`PublicSpace:${a.spaces[0].id}`).toString('base64url') });
    const home = await submitTicket(t.url, tokens.resident0, { householdId: a.gid.household(0) });
    await reporter.waitFor(2);
    await other.waitFor(1);
    await sleep(300);
    expect(reporter.events.map((e) => e.ticket.id)).toEqual([space.id, home.id]);
    expect(other.events.map((e) => e.ticket.id)).toEqual([home.id]);
    await Promise.all([reporter.stop(), other.stop()]);
  });
});

describe('the personal surface, as the schema declares it', () => {
  it('is exactly this list (a change here is a change of who sees what)', () => {
    expect(Object.fromEntries(fieldRules(buildSchema()))).toEqual({
      'Community.residentCount': 'scoped', 'Community.householdCount': 'scoped', 'Community.specialCareHouseholdCount': 'scoped',
      'Community.buildings': 'scoped', 'Community.grids': 'scoped', 'Community.staff': 'scoped', 'Community.tickets': 'scoped',
      'Community.dispatches': 'scoped', 'DispatchEvent.note': 'personal:TEXT',
      'Household.unit': 'personal:HOUSEHOLD', 'Household.careNeeds': 'personal:HOUSEHOLD', 'Household.specialCare': 'personal:HOUSEHOLD',
      'Resident.name': 'personal:HOUSEHOLD', 'Resident.phone': 'personal:HOUSEHOLD',
      'Staff.phone': 'personal:STAFF_CONTACT', 'GridWorker.phone': 'personal:STAFF_CONTACT',
      'Ticket.title': 'personal:TEXT', 'Ticket.description': 'personal:TEXT',
      'TicketRating.comment': 'personal:TEXT', 'TicketEvent.note': 'personal:TEXT',
      'SatisfactionSurvey.note': 'personal:TEXT',
      'PublicSpace.bookings': 'scoped', 'Community.bookings': 'scoped', 'Community.groups': 'scoped', 'Community.events': 'scoped',
      'Booking.booker': 'personal:HOUSEHOLD', 'Booking.purpose': 'personal:HOUSEHOLD', 'Resident.bookings': 'personal:HOUSEHOLD',
      'ResidentGroup.description': 'personal:TEXT', 'ResidentGroup.leader': 'personal:HOUSEHOLD', 'GroupMember.resident': 'personal:HOUSEHOLD',
      'Resident.groups': 'personal:HOUSEHOLD', 'Resident.registrations': 'personal:HOUSEHOLD',
      'CommunityEvent.description': 'personal:TEXT', 'EventRegistration.resident': 'personal:HOUSEHOLD',
      // Who needs care and why: staff of the estate and the household itself; dashboards count visits in the figures.
      'Household.carePlans': 'personal:HOUSEHOLD', 'CarePlan.note': 'personal:HOUSEHOLD', 'CarePlan.household': 'personal:HOUSEHOLD',
      'CareVisit.household': 'personal:HOUSEHOLD', 'CareVisit.outcomeNote': 'personal:TEXT', 'Community.careVisits': 'scoped',
      'Community.patrolRoutes': 'scoped', 'PatrolAnomaly.note': 'personal:TEXT',
      'Community.drills': 'scoped', 'Community.drillSchedule': 'scoped', 'Drill.findings': 'personal:TEXT',
      'Community.organisations': 'scoped', 'Community.receptionTeam': 'scoped', 'Community.liaisonMeetings': 'scoped',
      'OrganisationContact.name': 'personal:HOUSEHOLD', 'OrganisationContact.phone': 'personal:HOUSEHOLD',
      'ReceptionMember.phone': 'personal:STAFF_CONTACT', 'LiaisonMeeting.summary': 'personal:TEXT', 'TicketEscalation.note': 'personal:TEXT',
      'Community.figures': 'scoped',
    });
  });
});
