import { signToken } from '../src/auth';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import {
  act, actOk, estateWrites, expectFailure, rowId, sql, submit, submitOk, ticketState, roleTokens,
} from './helpers/tickets';

/** Who may raise and work tickets, per role, and in which order the contract's refusals come. */

let t: TestServer;
let own: Estate;
let other: Estate;
const tokens: Record<string, string | undefined> = {};

type Actor = 'reporter' | 'neighbour' | 'STAFF' | 'DISPATCHER' | 'MANAGER' | 'DISTRICT' | 'INTEGRATOR' | 'ADMIN' | 'foreignManager' | 'anonymous';
const ACTORS: Actor[] = ['reporter', 'neighbour', 'STAFF', 'DISPATCHER', 'MANAGER', 'DISTRICT', 'INTEGRATOR', 'ADMIN', 'foreignManager', 'anonymous'];

beforeAll(async () => {
  t = await startTestServer();
  // One building, two households of two residents: resident 0 (household 0) reports, resident 2 lives in household 1.
  const shape = { buildings: 1, householdsPerBuilding: 2, residentsPerHousehold: 2 };
  own = await createEstate(t.orm, shape);
  other = await createEstate(t.orm, shape);
  const roles = await roleTokens(t, own);
  Object.assign(tokens, roles, { reporter: roles.RESIDENT, anonymous: undefined });
  tokens.neighbour = await t.token({ sub: own.gid.resident(2), role: 'RESIDENT', communities: [own.code] });
  tokens.foreignManager = await t.token({ sub: other.gid.staff('manager'), role: 'MANAGER', communities: [other.code] });
  // Staff of the other estate whose token happens to cover both estates.
  tokens.crossStaff = await t.token({ sub: other.gid.staff('steward'), role: 'STAFF', communities: [other.code, own.code] });
});
afterAll(() => t.close());

/** Written out here, not imported from src/, so that widening a rule there fails these tests. */
const WORKERS: Actor[] = ['STAFF', 'DISPATCHER', 'MANAGER', 'ADMIN'];
const ACTIONS = {
  AcknowledgeTicket: { from: 'SUBMITTED', to: 'ACKNOWLEDGED', may: WORKERS, events: 1 },
  StartTicket: { from: 'ACKNOWLEDGED', to: 'IN_PROGRESS', may: WORKERS, events: 1 },
  ResolveTicket: { from: 'IN_PROGRESS', to: 'RESOLVED', may: WORKERS, events: 1 },
  AssignTicket: { from: 'SUBMITTED', to: 'SUBMITTED', may: ['DISPATCHER', 'MANAGER', 'ADMIN'] as Actor[], events: 1 },
  CancelTicket: { from: 'SUBMITTED', to: 'CANCELLED', may: ['reporter'] as Actor[], events: 1 },
  RateTicket: { from: 'RESOLVED', to: 'CLOSED', may: ['reporter'] as Actor[], events: 2 },
  // ADMIN is the operator's administrator and holds every manager power, reopening included.
  ReopenTicket: { from: 'RESOLVED', to: 'REOPENED', may: ['reporter', 'MANAGER', 'ADMIN'] as Actor[], events: 1 },
} as const;
type Op = keyof typeof ACTIONS;

function expected(actor: Actor, may: readonly Actor[]): string {
  if (actor === 'anonymous') return 'UNAUTHENTICATED';
  // The neighbour may not see another household's ticket; the foreign manager may not see the estate.
  if (actor === 'neighbour' || actor === 'foreignManager') return 'NOT_FOUND';
  return may.includes(actor) ? 'ok' : 'FORBIDDEN';
}

/** A ticket the reporter raised for their household, worked by the steward up to `status`. */
async function ticketAt(status: string): Promise<string> {
  const ticket = await submitOk(t, tokens.reporter!, { householdId: own.gid.household(0) });
  const path = ['AcknowledgeTicket', 'StartTicket', 'ResolveTicket'];
  const steps = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED'].indexOf(status);
  for (const op of path.slice(0, steps)) await actOk(t, op, { ticketId: ticket.id }, tokens.STAFF!);
  return ticket.id;
}

function inputFor(op: Op, ticketId: string): Record<string, unknown> {
  if (op === 'AssignTicket') return { ticketId, assigneeId: own.gid.staff('maintenance') };
  if (op === 'RateTicket') return { ticketId, score: 4 };
  return { ticketId };
}

describe('submitTicket per role (for household 0 of the estate)', () => {
  const table: [Actor, string][] = [
    ['reporter', 'ok'], ['neighbour', 'FORBIDDEN'], ['STAFF', 'ok'], ['DISPATCHER', 'ok'], ['MANAGER', 'ok'],
    ['DISTRICT', 'FORBIDDEN'], ['INTEGRATOR', 'FORBIDDEN'], ['ADMIN', 'ok'], ['foreignManager', 'NOT_FOUND'], ['anonymous', 'UNAUTHENTICATED'],
  ];
  it.each(table)('%s → %s', async (actor, outcome) => {
    const before = await estateWrites(t, own);
    const res = await submit(t, tokens[actor], { householdId: own.gid.household(0) });
    if (outcome !== 'ok') {
      expectFailure(res, outcome);
      expect(await estateWrites(t, own)).toEqual(before);
      return;
    }
    expect(res.errors).toBeUndefined();
    expect(res.data.submitTicket.ticket).toMatchObject({ status: 'SUBMITTED', version: 1 });
    expect(await estateWrites(t, own)).toEqual({ tickets: before.tickets + 1, events: before.events + 1, counter: before.counter + 1 });
  });

  it('staff of another estate are FORBIDDEN even when their token covers this one', async () => {
    const before = await estateWrites(t, own);
    expectFailure(await submit(t, tokens.crossStaff, { householdId: own.gid.household(0) }), 'FORBIDDEN');
    expect(await estateWrites(t, own)).toEqual(before);
  });

  it('records who raised it: the resident, or the staff member and the resident they named', async () => {
    const mine = await submitOk(t, tokens.reporter!, { householdId: own.gid.household(0) });
    const desk = await submitOk(t, tokens.DISPATCHER!, { householdId: own.gid.household(1), channel: 'HOTLINE', reporterId: own.gid.resident(2) });
    const rows = await sql(t, 'select id, reporter_resident_id, reporter_staff_id from ticket where id in (?, ?) order by id', [rowId(mine.id), rowId(desk.id)]);
    expect(rows).toEqual([
      { id: rowId(mine.id), reporter_resident_id: own.residents[0].id, reporter_staff_id: null },
      { id: rowId(desk.id), reporter_resident_id: own.residents[2].id, reporter_staff_id: own.staff.dispatcher.id },
    ]);
    // The resident the desk named may withdraw it: they are its reporter.
    const cancelled = await act(t, 'CancelTicket', { ticketId: desk.id }, tokens.neighbour);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelTicket.ticket.status).toBe('CANCELLED');
  });
});

describe('moves per role', () => {
  const cases = (Object.keys(ACTIONS) as Op[]).flatMap((op) => ACTORS.map((actor) => [op, actor, expected(actor, ACTIONS[op].may)] as const));

  it.each(cases)('%s by %s → %s', async (op, actor, outcome) => {
    const { from, to, events } = ACTIONS[op];
    const ticketId = await ticketAt(from);
    const before = await ticketState(t, ticketId);
    const res = await act(t, op, inputFor(op, ticketId), tokens[actor]);
    const after = await ticketState(t, ticketId);
    if (outcome !== 'ok') {
      expectFailure(res, outcome);
      expect(after).toEqual(before);
      return;
    }
    expect(res.errors).toBeUndefined();
    expect(after.row).toMatchObject({ status: to, version: (before.row.version as number) + 1 });
    expect(after.events).toBe(before.events + events);
    if (op === 'AssignTicket') expect(after.row.assignee_id).toBe(own.staff.maintenance.id);
  });

  it('staff of another estate cannot work a ticket here even when their token covers it', async () => {
    const ticketId = await ticketAt('SUBMITTED');
    const before = await ticketState(t, ticketId);
    expectFailure(await act(t, 'AcknowledgeTicket', { ticketId }, tokens.crossStaff), 'FORBIDDEN');
    expect(await ticketState(t, ticketId)).toEqual(before);
  });

  it('assigns only to staff of the ticket\'s estate: staff the token cannot see answer like staff that do not exist', async () => {
    const ticketId = await ticketAt('SUBMITTED');
    const before = await ticketState(t, ticketId);
    const madeUp = Buffer.from('Staff:2000000000').toString('base64url');
    for (const token of [tokens.MANAGER, tokens.DISPATCHER, tokens.ADMIN]) {
      const hidden = await act(t, 'AssignTicket', { ticketId, assigneeId: other.gid.staff('maintenance') }, token);
      const missing = await act(t, 'AssignTicket', { ticketId, assigneeId: madeUp }, token);
      expectFailure(hidden, 'NOT_FOUND');
      expectFailure(missing, 'NOT_FOUND');
      expect(hidden.errors![0].message).toBe(missing.errors![0].message);
    }
    // A token that sees both estates is told the real problem.
    const both = await t.token({ sub: 'admin-both', role: 'ADMIN', communities: [own.code, other.code] });
    expectFailure(await act(t, 'AssignTicket', { ticketId, assigneeId: other.gid.staff('maintenance') }, both), 'BAD_USER_INPUT', 'assigneeId');
    expect(await ticketState(t, ticketId)).toEqual(before);
  });
});

describe('precedence of refusals', () => {
  it('a bad token is UNAUTHENTICATED with HTTP 401, whatever else is wrong', async () => {
    const ticketId = await ticketAt('SUBMITTED');
    const before = await ticketState(t, ticketId);
    const forged = await signToken({ sub: own.gid.staff('manager'), role: 'MANAGER', communities: [own.code] },
      new TextEncoder().encode('not-the-server-secret-not-the-server'));
    for (const token of ['not-a-jwt', forged]) {
      const res = await act(t, 'ResolveTicket', { ticketId, expectedVersion: 9 }, token);
      expect(res.status).toBe(401);
      expectFailure(res, 'UNAUTHENTICATED');
    }
    expect(await ticketState(t, ticketId)).toEqual(before);
  });

  it('a ticket of another estate is NOT_FOUND, never FORBIDDEN or VERSION_CONFLICT, and shows nothing of it', async () => {
    const ticketId = await ticketAt('SUBMITTED');
    const [{ number }] = await sql(t, 'select number from ticket where id = ?', [rowId(ticketId)]);
    for (const [op, input] of [['ResolveTicket', { expectedVersion: 9 }], ['CancelTicket', {}], ['AcknowledgeTicket', { expectedVersion: 1 }]] as const) {
      const res = await act(t, op, { ticketId, ...input }, tokens.foreignManager);
      expectFailure(res, 'NOT_FOUND');
      expect(JSON.stringify(res.errors)).not.toContain(number);
    }
    expect((await ticketState(t, ticketId)).row).toMatchObject({ status: 'SUBMITTED', version: 1 });
  });

  it('a visible ticket the role may not act on is FORBIDDEN even with a stale expectedVersion and an illegal move', async () => {
    const ticketId = await ticketAt('SUBMITTED');
    const before = await ticketState(t, ticketId);
    expectFailure(await act(t, 'AcknowledgeTicket', { ticketId, expectedVersion: 9 }, tokens.DISTRICT), 'FORBIDDEN');
    expectFailure(await act(t, 'ResolveTicket', { ticketId, expectedVersion: 9 }, tokens.reporter), 'FORBIDDEN');
    expectFailure(await act(t, 'RateTicket', { ticketId, score: 5, expectedVersion: 9 }, tokens.MANAGER), 'FORBIDDEN');
    expect(await ticketState(t, ticketId)).toEqual(before);
  });

  it('an assignee no one may see is NOT_FOUND before FORBIDDEN, VERSION_CONFLICT, INVALID_TRANSITION and bad values, as made-up staff are', async () => {
    const ticketId = await ticketAt('RESOLVED');
    const before = await ticketState(t, ticketId);
    const madeUp = Buffer.from('Staff:2000000000').toString('base64url');
    for (const token of [tokens.STAFF, tokens.MANAGER]) {
      const answers = [];
      for (const assigneeId of [other.gid.staff('maintenance'), madeUp]) {
        answers.push(await act(t, 'AssignTicket', { ticketId, assigneeId, expectedVersion: 99, note: 'n'.repeat(1001) }, token));
      }
      for (const res of answers) expectFailure(res, 'NOT_FOUND');
      expect(answers[0].errors).toEqual(answers[1].errors);
    }
    expect(await ticketState(t, ticketId)).toEqual(before);
  });

  it('a reporter no one may see is NOT_FOUND before FORBIDDEN (a read-only role) and bad values', async () => {
    const before = await estateWrites(t, own);
    for (const reporterId of [other.gid.resident(0), Buffer.from('Resident:2000000000').toString('base64url')]) {
      expectFailure(await submit(t, tokens.DISTRICT, { householdId: own.gid.household(0), reporterId, title: '' }), 'NOT_FOUND');
    }
    // A malformed one is only a bad value: the role is refused first.
    expectFailure(await submit(t, tokens.DISTRICT, { householdId: own.gid.household(0), reporterId: 'bad' }), 'FORBIDDEN');
    expect(await estateWrites(t, own)).toEqual(before);
  });

  it('a stale expectedVersion is VERSION_CONFLICT even for an illegal move; a current one reaches INVALID_TRANSITION', async () => {
    const ticketId = await ticketAt('SUBMITTED');
    const before = await ticketState(t, ticketId);
    const stale = await act(t, 'ResolveTicket', { ticketId, expectedVersion: 9 }, tokens.STAFF);
    expectFailure(stale, 'VERSION_CONFLICT');
    expect(stale.errors![0].extensions?.currentVersion).toBe(1);
    expectFailure(await act(t, 'ResolveTicket', { ticketId, expectedVersion: 1 }, tokens.STAFF), 'INVALID_TRANSITION');
    expectFailure(await act(t, 'ResolveTicket', { ticketId }, tokens.STAFF), 'INVALID_TRANSITION');
    expect(await ticketState(t, ticketId)).toEqual(before);
  });
});
