import { buildSchema } from '../resolvers';
import { toGlobalId } from '../src/ids';
import { contract, gql, type GraphQLResponse } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { startTestServer, type TestServer } from './helpers/server';
import { actOk, estateWrites, expectFailure, roleTokens, sql, submitOk, ticketInput, ticketState, type Role } from './helpers/tickets';

/**
 * The contract's order of refusals, for every mutation in the schema: a
 * request wrong in several ways at once gets the first of UNAUTHENTICATED,
 * NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, INVALID_TRANSITION, BAD_USER_INPUT,
 * and writes nothing. Anything outside the caller's estates answers exactly
 * as what does not exist. The table below says which faults each mutation
 * can have; a mutation it does not know fails the test.
 */

let t: TestServer;
let own: Estate;
let other: Estate;
const tokens = {} as Record<Role, string>;
const theirs = {} as Record<Role, string>;

beforeAll(async () => {
  t = await startTestServer();
  own = await createEstate(t.orm);
  other = await createEstate(t.orm);
  Object.assign(tokens, await roleTokens(t, own));
  Object.assign(theirs, await roleTokens(t, other));
});
afterAll(() => t.close());

// Row ids this far up are never reached by a test database.
const UNKNOWN = 2_147_480_000;
const LONG_NOTE = 'n'.repeat(1001);
/** An expectedVersion no ticket is at. */
const STALE = 2_147_483_647;

type Fault = 'version' | 'transition' | 'values';
type Status = 'SUBMITTED' | 'ACKNOWLEDGED' | 'IN_PROGRESS' | 'RESOLVED';

interface Row {
  document: string;
  faults: readonly Fault[];
  /** A fresh target in the estate, where the move is legal (or not). */
  target(estate: Estate, legal: boolean): Promise<string>;
  /** An ID of the target's type that names nothing. */
  missing: string;
  /** Who may act, and who sees the target but may not. */
  allowed: Role;
  forbidden: Role;
  /** The input: every bad value at once when `bad`, a stale expectedVersion when `version` is a number. */
  input(target: string, o: { bad: boolean; version?: number }): Record<string, unknown>;
  /** Each bad value alone, with the field the refusal must name. */
  values: [field: string, what: string, input: () => Record<string, unknown>][];
  /** The target is public (an estate by its code): another estate's answers FORBIDDEN, as it is known to exist; a made-up one NOT_FOUND. */
  public?: boolean;
  /** Other objects the input names: one of another estate and one made up must answer alike, before everything but the token. */
  references?: { field: string; hidden: () => string; missing: string }[];
}

const STATUSES: Status[] = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED'];
const PATH = ['AcknowledgeTicket', 'StartTicket', 'ResolveTicket'];

/** A ticket of the estate's resident 0 (or, `byStaff`, of its steward's patrol), worked up to `status`. */
async function ticketAt(e: Estate, status: Status, byStaff = false): Promise<string> {
  const tok = e === own ? tokens : theirs;
  const where = byStaff ? { buildingId: e.gid.building(0), channel: 'PATROL' } : { householdId: e.gid.household(0) };
  const { id } = await submitOk(t, byStaff ? tok.STAFF : tok.RESIDENT, where);
  for (const op of PATH.slice(0, STATUSES.indexOf(status))) await actOk(t, op, { ticketId: id }, tok.STAFF);
  return id;
}

type DispatchStatus = 'DISPATCHED' | 'ACKNOWLEDGED' | 'ON_SCENE';
const DISPATCH_PATH = ['AcknowledgeDispatch', 'ArriveOnScene'];

/** An emergency raised by the estate's desk, its dispatch moved on to `status`. */
async function dispatchAt(e: Estate, status: DispatchStatus): Promise<string> {
  const tok = e === own ? tokens : theirs;
  const raised = await gql(t.url, contract('RaiseEmergency'), {
    input: { idempotencyKey: `key-${Math.random()}`, incidentType: 'WATER_LEAK', buildingId: e.gid.building(0) },
  }, tok.DISPATCHER);
  if (raised.errors) throw new Error(`raiseEmergency failed: ${JSON.stringify(raised.errors)}`);
  const id: string = raised.data.raiseEmergency.dispatch.id;
  for (const op of DISPATCH_PATH.slice(0, ['DISPATCHED', 'ACKNOWLEDGED', 'ON_SCENE'].indexOf(status))) {
    const moved = await gql(t.url, contract(op), { input: { dispatchId: id } }, tok.DISPATCHER);
    if (moved.errors) throw new Error(`${op} failed: ${JSON.stringify(moved.errors)}`);
  }
  return id;
}

/** A dispatch move, like a ticket move: the desk may, a district token sees it but may not. */
function dispatchMove(op: string, legal: DispatchStatus, illegal: DispatchStatus): Row {
  return {
    document: contract(op),
    faults: ['version', 'transition', 'values'],
    target: (e, ok) => dispatchAt(e, ok ? legal : illegal),
    missing: toGlobalId('Dispatch', UNKNOWN),
    allowed: 'DISPATCHER', forbidden: 'DISTRICT',
    input: (dispatchId, o) => ({ dispatchId, expectedVersion: o.version, ...(o.bad ? { note: LONG_NOTE } : {}) }),
    values: [['note', '1,001 characters', () => ({ note: LONG_NOTE })], ['note', 'a control character', () => ({ note: 'bell\u0007' })]],
  };
}

/** A ticket move: `legal` and `illegal` are where the ticket starts; every move takes a note. */
function move(op: string, legal: Status, illegal: Status, allowed: Role, forbidden: Role, byStaff = false): Row {
  return {
    document: op === 'CloseTicket' ? 'mutation($input: TicketActionInput!) { closeTicket(input: $input) { ticket { id status version } } }' : contract(op),
    faults: ['version', 'transition', 'values'],
    target: (e, ok) => ticketAt(e, ok ? legal : illegal, byStaff),
    missing: toGlobalId('Ticket', UNKNOWN),
    allowed, forbidden,
    input: (ticketId, o) => ({ ticketId, expectedVersion: o.version, ...(o.bad ? { note: LONG_NOTE } : {}) }),
    values: [['note', '1,001 characters', () => ({ note: LONG_NOTE })], ['note', 'a control character', () => ({ note: 'bell\u0007' })]],
  };
}

const TABLE: Record<string, Row> = {
  acknowledgeTicket: move('AcknowledgeTicket', 'SUBMITTED', 'RESOLVED', 'STAFF', 'DISTRICT'),
  startTicket: move('StartTicket', 'ACKNOWLEDGED', 'SUBMITTED', 'STAFF', 'DISTRICT'),
  resolveTicket: move('ResolveTicket', 'IN_PROGRESS', 'SUBMITTED', 'STAFF', 'RESIDENT'),
  reopenTicket: move('ReopenTicket', 'RESOLVED', 'SUBMITTED', 'MANAGER', 'STAFF'),
  cancelTicket: move('CancelTicket', 'SUBMITTED', 'IN_PROGRESS', 'RESIDENT', 'MANAGER'),
  closeTicket: move('CloseTicket', 'RESOLVED', 'SUBMITTED', 'MANAGER', 'DISTRICT', true),
  assignTicket: {
    ...move('AssignTicket', 'SUBMITTED', 'RESOLVED', 'DISPATCHER', 'STAFF'),
    input: (ticketId, o) => ({ ticketId, expectedVersion: o.version, assigneeId: o.bad ? 'bad' : own.gid.staff('maintenance'), ...(o.bad ? { note: LONG_NOTE } : {}) }),
    values: [['assigneeId', 'malformed', () => ({ assigneeId: 'bad' })], ['assigneeId', 'a Resident ID', () => ({ assigneeId: own.gid.resident(0) })], ['note', '1,001 characters', () => ({ note: LONG_NOTE })]],
    references: [{ field: 'assigneeId', hidden: () => other.gid.staff('maintenance'), missing: toGlobalId('Staff', UNKNOWN) }],
  },
  rateTicket: {
    ...move('RateTicket', 'RESOLVED', 'SUBMITTED', 'RESIDENT', 'MANAGER'),
    input: (ticketId, o) => ({ ticketId, expectedVersion: o.version, score: o.bad ? 9 : 4, ...(o.bad ? { comment: 'c'.repeat(1001) } : {}) }),
    values: [['score', '9', () => ({ score: 9 })], ['score', '0', () => ({ score: 0 })], ['comment', '1,001 characters', () => ({ comment: 'c'.repeat(1001) })]],
  },
  submitTicket: {
    document: contract('SubmitTicket'),
    faults: ['values'],
    target: async (e) => e.gid.household(0),
    missing: toGlobalId('Household', UNKNOWN),
    allowed: 'MANAGER', forbidden: 'DISTRICT',
    input: (householdId, o) => ticketInput({
      householdId, ...(o.bad ? { title: '', description: 'd'.repeat(4001), idempotencyKey: 'k\u0000', reporterId: 'bad' } : {}),
    }),
    values: [
      ['title', 'empty', () => ({ title: '' })], ['title', 'a NUL', () => ({ title: 'Leak\u0000' })], ['title', '201 characters', () => ({ title: 't'.repeat(201) })], ['description', '4,001 characters', () => ({ description: 'd'.repeat(4001) })],
      ['idempotencyKey', 'a NUL', () => ({ idempotencyKey: 'k\u0000' })], ['reporterId', 'malformed', () => ({ reporterId: 'bad' })], ['reporterId', 'a Household ID', () => ({ reporterId: own.gid.household(0) })],
    ],
    references: [{ field: 'reporterId', hidden: () => other.gid.resident(0), missing: toGlobalId('Resident', UNKNOWN) }],
  },
  raiseEmergency: {
    document: contract('RaiseEmergency'),
    faults: ['values'],
    target: async (e) => e.gid.building(0),
    missing: toGlobalId('Building', UNKNOWN),
    allowed: 'DISPATCHER', forbidden: 'DISTRICT',
    input: (buildingId, o) => ({
      idempotencyKey: o.bad ? 'k\u0000' : `key-${Math.random()}`, incidentType: 'WATER_LEAK', buildingId,
      ...(o.bad ? { description: 'd'.repeat(4001), householdId: own.gid.household(3) } : {}),
    }),
    values: [
      ['description', '4,001 characters', () => ({ description: 'd'.repeat(4001) })], ['idempotencyKey', 'a NUL', () => ({ idempotencyKey: 'k\u0000' })],
      ['householdId', 'of another building', () => ({ householdId: own.gid.household(3) })], ['householdId', 'malformed', () => ({ householdId: 'bad' })],
      ['buildingId', 'spaceId as well', () => ({ spaceId: toGlobalId('PublicSpace', own.spaces[0].id) })],
      ['buildingId', 'neither buildingId nor spaceId', () => ({ buildingId: null })],
    ],
    references: [
      { field: 'householdId', hidden: () => other.gid.household(0), missing: toGlobalId('Household', UNKNOWN) },
      { field: 'spaceId', hidden: () => toGlobalId('PublicSpace', other.spaces[0].id), missing: toGlobalId('PublicSpace', UNKNOWN) },
    ],
  },
  acknowledgeDispatch: dispatchMove('AcknowledgeDispatch', 'DISPATCHED', 'ON_SCENE'),
  arriveOnScene: dispatchMove('ArriveOnScene', 'ACKNOWLEDGED', 'DISPATCHED'),
  clearDispatch: dispatchMove('ClearDispatch', 'ON_SCENE', 'ACKNOWLEDGED'),
  setDuty: {
    document: 'mutation($input: SetDutyInput!) { setDuty(input: $input) { staff { id onDuty } } }',
    faults: [],
    target: async (e) => e.gid.staff('maintenance'),
    missing: toGlobalId('Staff', UNKNOWN),
    allowed: 'DISPATCHER', forbidden: 'STAFF',
    input: (staffId) => ({ staffId, onDuty: false }),
    values: [['staffId', 'malformed', () => ({ staffId: 'bad' })], ['staffId', 'a Resident ID', () => ({ staffId: own.gid.resident(0) })]],
  },
  recordSurvey: {
    document: 'mutation($input: RecordSurveyInput!) { recordSurvey(input: $input) { survey { score } replaced } }',
    faults: ['values'],
    target: async (e) => e.code,
    missing: 'ZZNONE',
    public: true,
    allowed: 'MANAGER', forbidden: 'INTEGRATOR',
    input: (communityCode, o) => ({ communityCode, period: o.bad ? '2025-13' : '2025-Q3', score: o.bad ? 101 : 88.5, ...(o.bad ? { respondents: 0, note: LONG_NOTE } : {}) }),
    values: [
      ['period', 'month 13', () => ({ period: '2025-13' })], ['score', '101', () => ({ score: 101 })], ['score', '-1', () => ({ score: -1 })],
      ['respondents', '0', () => ({ respondents: 0 })], ['note', '1,001 characters', () => ({ note: LONG_NOTE })],
    ],
  },
  eraseResident: {
    document: 'mutation($input: EraseResidentInput!) { eraseResident(input: $input) { erasedResidentId } }',
    faults: [],
    target: async (e) => e.gid.resident(3),
    missing: toGlobalId('Resident', UNKNOWN),
    allowed: 'MANAGER', forbidden: 'STAFF',
    input: (residentId) => ({ residentId }),
    values: [],
  },
};

const mutations = Object.keys(buildSchema().getMutationType()!.getFields());

it('knows every mutation in the schema, and only those', () => {
  const unknown = mutations.filter((m) => !TABLE[m]);
  if (unknown.length) throw new Error(`test/precedence.test.ts has no row for ${unknown.join(', ')}: add one saying which faults it can have`);
  expect(Object.keys(TABLE).filter((m) => !mutations.includes(m))).toEqual([]);
});

/** Everything a mutation could have written, in both estates. */
async function snapshot(target?: string) {
  const estates = [own.community.id, other.community.id];
  const [others] = await sql(t, `select (select count(*) from resident where community_id in (?, ?))::int as residents,
      (select count(*) from dispatch where community_id in (?, ?))::int as dispatches,
      (select count(*) from dispatch_event e join dispatch d on d.id = e.dispatch_id where d.community_id in (?, ?))::int as dispatch_events,
      (select jsonb_agg(to_jsonb(s) order by s.id) from satisfaction_survey s where s.community_id in (?, ?)) as surveys,
      (select jsonb_agg(jsonb_build_array(s.id, s.on_duty) order by s.id) from staff s where s.community_id in (?, ?)) as duty`,
  [...estates, ...estates, ...estates, ...estates, ...estates]);
  const typeOf = target ? Buffer.from(target, 'base64url').toString().split(':')[0] : '';
  const ticket = typeOf === 'Ticket' ? await ticketState(t, target!).catch(() => null) : null;
  const dispatch = typeOf === 'Dispatch'
    ? (await sql(t, 'select to_jsonb(d) as row from dispatch d where d.id = ?', [Number(Buffer.from(target!, 'base64url').toString().split(':')[1])]))[0] ?? null
    : null;
  return { own: await estateWrites(t, own), other: await estateWrites(t, other), ...others, ticket, dispatch };
}

/** Sends the mutation and insists it wrote nothing; returns the answer. */
async function attempt(row: Row, input: Record<string, unknown>, token: string | undefined, target?: string): Promise<GraphQLResponse> {
  const before = await snapshot(target);
  const res = await gql(t.url, row.document, { input }, token);
  expect(await snapshot(target)).toEqual(before);
  return res;
}

/** The version a ticket or a dispatch is at. */
async function currentVersion(id: string): Promise<number> {
  const [type, row] = Buffer.from(id, 'base64url').toString().split(':');
  const [{ version }] = await sql(t, `select version from ${type === 'Dispatch' ? 'dispatch' : 'ticket'} where id = ?`, [Number(row)]);
  return version;
}

describe.each(Object.keys(TABLE).filter((m) => mutations.includes(m)).map((m) => [m]))('%s', (mutation) => {
  const row = TABLE[mutation];
  const has = (fault: Fault) => row.faults.includes(fault);
  /** Every fault the mutation can have, on this target. */
  const worst = (target: string) => row.input(target, { bad: has('values'), version: has('version') ? STALE : undefined });
  const illegal = (e: Estate) => row.target(e, !has('transition'));

  it('(a) no token, with every other fault: UNAUTHENTICATED', async () => {
    for (const target of [await illegal(own), await illegal(other), row.missing]) {
      expectFailure(await attempt(row, worst(target), undefined, target), 'UNAUTHENTICATED');
    }
  });

  if (row.public) it('(b, c) another estate\'s public target: FORBIDDEN; a made-up one: NOT_FOUND', async () => {
    const foreign = await illegal(other);
    expectFailure(await attempt(row, worst(foreign), tokens[row.allowed], foreign), 'FORBIDDEN');
    expectFailure(await attempt(row, worst(row.missing), tokens[row.allowed]), 'NOT_FOUND');
  });
  else it('(b, c) another estate\'s target and a made-up one: NOT_FOUND, word for word the same', async () => {
    const foreign = await illegal(other);
    const hidden = await attempt(row, worst(foreign), tokens[row.allowed], foreign);
    const missing = await attempt(row, worst(row.missing), tokens[row.allowed]);
    expectFailure(hidden, 'NOT_FOUND');
    expectFailure(missing, 'NOT_FOUND');
    expect(hidden.errors![0].message).toBe(missing.errors![0].message);
  });

  for (const ref of row.references ?? []) {
    it(`(b, c) ${ref.field} of another estate and a made-up one: NOT_FOUND alike, before FORBIDDEN and every later fault`, async () => {
      for (const who of [row.forbidden, row.allowed]) {
        const target = await illegal(own);
        const answers = [];
        for (const reference of [ref.hidden(), ref.missing]) {
          answers.push(await attempt(row, { ...worst(target), [ref.field]: reference }, tokens[who], target));
        }
        for (const res of answers) expectFailure(res, 'NOT_FOUND');
        expect(answers[0].errors![0].message).toBe(answers[1].errors![0].message);
      }
    });
  }

  it('(d) a visible target the role may not act on: FORBIDDEN', async () => {
    const target = await illegal(own);
    expectFailure(await attempt(row, worst(target), tokens[row.forbidden], target), 'FORBIDDEN');
  });

  if (has('version')) it('(e) allowed, with a stale expectedVersion: VERSION_CONFLICT', async () => {
    const target = await illegal(own);
    for (const version of [STALE, 0, -1]) {
      const res = await attempt(row, row.input(target, { bad: has('values'), version }), tokens[row.allowed], target);
      expectFailure(res, 'VERSION_CONFLICT');
      expect(res.errors![0].extensions?.currentVersion).toBe(await currentVersion(target));
    }
  });

  if (has('transition')) it('(f) allowed, current version, an illegal move: INVALID_TRANSITION', async () => {
    const target = await row.target(own, false);
    for (const version of [await currentVersion(target), undefined]) {
      expectFailure(await attempt(row, row.input(target, { bad: has('values'), version }), tokens[row.allowed], target), 'INVALID_TRANSITION');
    }
  });

  if (row.values.length) it.each(row.values)('(g) allowed and legal, only %s bad (%s): BAD_USER_INPUT naming it', async (field, _, bad) => {
    const target = await row.target(own, true);
    const version = has('version') ? await currentVersion(target) : undefined;
    const res = await attempt(row, { ...row.input(target, { bad: false, version }), ...bad() }, tokens[row.allowed], target);
    expectFailure(res, 'BAD_USER_INPUT', field);
  });

  it('(h) and with nothing wrong, the same request goes through: the faults above were the only obstacles', async () => {
    const target = await row.target(own, true);
    const version = has('version') ? await currentVersion(target) : undefined;
    const res = await gql(t.url, row.document, { input: row.input(target, { bad: false, version }) }, tokens[row.allowed]);
    expect(res.errors).toBeUndefined();
  });
});

describe('the reported cases', () => {
  const act = (op: string, input: Record<string, unknown>, token?: string) => attempt(TABLE[op], input, token, input.ticketId as string);

  it('anonymous assignTicket(assigneeId: "bad") and rateTicket(score: 9): UNAUTHENTICATED', async () => {
    const ticketId = await ticketAt(own, 'RESOLVED');
    expectFailure(await act('assignTicket', { ticketId, assigneeId: 'bad' }), 'UNAUTHENTICATED');
    expectFailure(await act('rateTicket', { ticketId, score: 9 }), 'UNAUTHENTICATED');
  });

  it('a manager\'s bad expectedVersion, over-long note or score 9 for another estate\'s ticket: NOT_FOUND, as for no ticket', async () => {
    const ticketId = await ticketAt(other, 'RESOLVED');
    const missing = toGlobalId('Ticket', UNKNOWN);
    for (const [op, input] of [
      ['acknowledgeTicket', { expectedVersion: -7 }], ['resolveTicket', { note: LONG_NOTE }], ['rateTicket', { score: 9 }],
    ] as const) {
      const hidden = await act(op, { ticketId, ...input }, tokens.MANAGER);
      const none = await act(op, { ticketId: missing, ...input }, tokens.MANAGER);
      expectFailure(hidden, 'NOT_FOUND');
      expect(hidden.errors).toEqual(none.errors);
    }
  });

  it('a manager submitting for another estate\'s household and for a made-up one: the same NOT_FOUND', async () => {
    const hidden = await attempt(TABLE.submitTicket, ticketInput({ householdId: other.gid.household(0) }), tokens.MANAGER);
    const none = await attempt(TABLE.submitTicket, ticketInput({ householdId: toGlobalId('Household', UNKNOWN) }), tokens.MANAGER);
    expectFailure(hidden, 'NOT_FOUND');
    expect(hidden.errors).toEqual(none.errors);
  });

  it('assigning to another estate\'s staff and to made-up staff: the same NOT_FOUND', async () => {
    const ticketId = await ticketAt(own, 'SUBMITTED');
    const hidden = await act('assignTicket', { ticketId, assigneeId: other.gid.staff('steward') }, tokens.MANAGER);
    const none = await act('assignTicket', { ticketId, assigneeId: toGlobalId('Staff', UNKNOWN) }, tokens.MANAGER);
    expectFailure(hidden, 'NOT_FOUND');
    expect(hidden.errors).toEqual(none.errors);
  });
});
