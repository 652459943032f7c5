import { buildSchema } from '../resolvers';
import { toGlobalId, type NodeType } from '../src/ids';
import { contract, gql, type GraphQLResponse } from './helpers/client';
import { createEstate, type Estate } from './helpers/factories';
import { dropDatabases, ownDatabase } from './helpers/process';
import { startTestServer, type TestServer } from './helpers/server';
import { tableSnapshot } from './helpers/snapshot';
import { slot, spaceGid } from './helpers/spaces';
import { Targets, type Caller } from './helpers/targets';
import { actOk, expectFailure, freshKey, roleTokens, seedTickets, sql, submitOk, ticketInput } from './helpers/tickets';

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
let targets: Targets;
const tokens = {} as Record<Caller, string>;
const theirs = {} as Record<Caller, string>;
/** Objects of each estate that inputs name besides their target. */
const named = { own: {} as Record<string, string>, other: {} as Record<string, string> };
/** 51 tickets of the estate, for a list one too long. */
let fiftyOne: string[];

beforeAll(async () => {
  // A database of its own: nothing but this file writes to it, so `snapshot` sees every write, and the care schedule ticks only here.
  t = await startTestServer({ databaseUrl: await ownDatabase('precedence') });
  own = await createEstate(t.orm);
  other = await createEstate(t.orm);
  targets = new Targets(t, (e) => (e === own ? tokens : theirs));
  for (const [e, tok] of [[own, tokens], [other, theirs]] as const) {
    Object.assign(tok, await roleTokens(t, e));
    tok.SECURITY = await t.token({ sub: e.gid.staff('security'), role: 'STAFF', communities: [e.code] });
    await targets.open(e);
  }
  for (const [e, into] of [[own, named.own], [other, named.other]] as const) {
    into.group = await targets.group(e);
    into.organisation = await targets.organisation(e);
    into.member = await targets.receptionMember(e);
    into.culture = await targets.event(e, true);
    into.checkpoint = (await targets.route(e, false)).checkpoints[0];
    into.ticket = (await submitOk(t, (e === own ? tokens : theirs).RESIDENT, { householdId: e.gid.household(0) })).id;
  }
  fiftyOne = (await seedTickets(t, own, 51)).map((id) => toGlobalId('Ticket', id));
}, 60_000);
afterAll(async () => {
  await t.close();
  await dropDatabases();
});

// Row ids this far up are never reached by a test database.
const UNKNOWN = 2_147_480_000;
const LONG_NOTE = 'n'.repeat(1001);
/** An expectedVersion no ticket is at. */
const STALE = 2_147_483_647;
/** Instants for "held at": a past one, and one too far ahead. */
const PAST = '2025-06-01T02:00:00.000Z';
const FUTURE = () => new Date(Date.now() + 86_400_000).toISOString();

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
  allowed: Caller;
  forbidden: Caller;
  /** The input: every bad value at once when `bad`, a stale expectedVersion when `version` is a number. */
  input(target: string, o: { bad: boolean; version?: number }): Record<string, unknown>;
  /** Each bad value alone, with the field the refusal must name. */
  values: [field: string, what: string, input: () => Record<string, unknown>][];
  /** The target is public (an estate by its code): another estate's answers FORBIDDEN, as it is known to exist; a made-up one NOT_FOUND. */
  public?: boolean;
  /** Other objects the input names: one of another estate and one made up must answer alike, before everything but the token. */
  references?: { field: string; hidden: () => unknown; missing: unknown }[];
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
function move(op: string, legal: Status, illegal: Status, allowed: Caller, forbidden: Caller, byStaff = false): Row {
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

/** The time checks of a booking of the first space (open 08:00–22:00 local), each naming its field. */
function timeValues(): Row['values'] {
  return [
    ['endsAt', 'before startsAt', () => ({ startsAt: slot(60, 10).startsAt, endsAt: slot(60, 9).startsAt })],
    ['startsAt', 'in the past', () => slot(-2, 10)],
    ['startsAt', 'outside opening hours', () => slot(60, 3)],
  ];
}

/**
 * A mutation whose input is only its target's ID (`field`, a `type` ID), whose
 * fault is the target's state unless `faults` says otherwise; a malformed ID
 * is its bad value.
 */
function byId(mutation: string, field: string, type: NodeType, target: Row['target'], allowed: Caller, forbidden: Caller, faults: Fault[] = ['transition'],
  inputType = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`): Row {
  return {
    document: `mutation($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
    faults, target, missing: toGlobalId(type, UNKNOWN), allowed, forbidden,
    input: (id) => ({ [field]: id }),
    values: [[field, 'malformed', () => ({ [field]: 'bad' })]],
  };
}

/** The resident staff act for (`residentId`): each bad value, and another estate's resident. */
const FOR_RESIDENT: Pick<Row, 'values' | 'references'> = {
  values: [
    ['residentId', 'malformed', () => ({ residentId: 'bad' })], ['residentId', 'a Household ID', () => ({ residentId: own.gid.household(0) })],
    ['residentId', 'left out by staff', () => ({ residentId: null })],
  ],
  references: [{ field: 'residentId', hidden: () => other.gid.resident(0), missing: toGlobalId('Resident', UNKNOWN) }],
};

/** Joining or leaving a group: staff for a resident (joining twice or leaving twice changes nothing); a dashboard sees the group but may not. */
function membershipMove(field: 'joinGroup' | 'leaveGroup'): Row {
  return {
    document: `mutation($input: GroupMembershipInput!) { ${field}(input: $input) { group { id } } }`,
    faults: ['values'],
    target: async (e) => (e === own ? named.own : named.other).group,
    missing: toGlobalId('ResidentGroup', UNKNOWN),
    allowed: 'STAFF', forbidden: 'DISTRICT',
    input: (groupId, o) => ({ groupId, residentId: o.bad ? 'bad' : own.gid.resident(2) }),
    ...FOR_RESIDENT,
  };
}

/** A registration: staff may act on it, the resident (of another household) who sees it may not; illegal once withdrawn. */
const registrationMove = (mutation: string) => byId(mutation, 'registrationId', 'EventRegistration', (e, confirmed) => targets.registration(e, confirmed),
  'STAFF', 'RESIDENT', ['transition'], 'RegistrationActionInput');

/** A move on a run the estate's guard is walking; illegal once the run is finished. */
const runMove = (mutation: string, allowed: Caller, forbidden: Caller) => byId(mutation, 'runId', 'PatrolRun', (e, open) => targets.run(e, open), allowed, forbidden);

const CONTACT = { name: '王芳', phone: '13900001111', position: 'Chair' };
const checkpoints = (e: Estate) => [{ name: 'B01 lobby', buildingId: e.gid.building(0) }, { name: 'Garden gate', spaceId: spaceGid(e, 1) }];

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
  // Care: staff of the estate set plans and record visits; a resident sees their own household's but may not.
  setCarePlan: {
    document: 'mutation($input: SetCarePlanInput!) { setCarePlan(input: $input) { plan { id everyDays active } } }',
    faults: ['values'],
    target: async (e) => e.gid.household(0),
    missing: toGlobalId('Household', UNKNOWN),
    allowed: 'STAFF', forbidden: 'RESIDENT',
    input: (householdId, o) => ({ householdId, kind: 'CLEANING', everyDays: o.bad ? 0 : 14, ...(o.bad ? { note: LONG_NOTE } : {}) }),
    values: [
      ['everyDays', '0', () => ({ everyDays: 0 })], ['everyDays', '367', () => ({ everyDays: 367 })], ['note', '1,001 characters', () => ({ note: LONG_NOTE })],
      ['householdId', 'a household without care needs', () => ({ householdId: own.gid.household(1) })], ['householdId', 'malformed', () => ({ householdId: 'bad' })],
    ],
  },
  endCarePlan: {
    ...byId('endCarePlan', 'planId', 'CarePlan', (e) => targets.carePlan(e), 'MANAGER', 'RESIDENT', []),
    values: [['planId', 'malformed', () => ({ planId: 'bad' })], ['planId', 'a Household ID', () => ({ planId: own.gid.household(0) })]],
  },
  recordCareVisit: {
    document: 'mutation($input: RecordCareVisitInput!) { recordCareVisit(input: $input) { visit { id outcome } } }',
    faults: ['transition', 'values'],
    target: (e, open) => targets.careVisit(e, open),
    missing: toGlobalId('CareVisit', UNKNOWN),
    allowed: 'STAFF', forbidden: 'RESIDENT',
    input: (visitId, o) => ({ visitId, outcome: 'DONE', ...(o.bad ? { note: LONG_NOTE } : {}) }),
    values: [['note', '1,001 characters', () => ({ note: LONG_NOTE })], ['note', 'a control character', () => ({ note: 'bell\u0007' })]],
  },
  // Community life: staff run events, residents take part; dashboards read.
  scheduleEvent: {
    document: 'mutation($input: ScheduleEventInput!) { scheduleEvent(input: $input) { event { id } } }',
    faults: ['values'],
    target: async (e) => spaceGid(e),
    missing: toGlobalId('PublicSpace', UNKNOWN),
    allowed: 'STAFF', forbidden: 'RESIDENT',
    input: (spaceId, o) => ({
      spaceId, kind: 'CULTURE', title: o.bad ? '' : 'Calligraphy afternoon', capacity: o.bad ? 0 : 20, groupId: o.bad ? 'bad' : named.own.group, ...targets.nextSlot(),
      ...(o.bad ? { description: 'd'.repeat(2001), programme: 'p'.repeat(121) } : {}),
    }),
    values: [
      ...timeValues(), ['capacity', '0', () => ({ capacity: 0 })], ['capacity', "above the space's 40", () => ({ capacity: 41 })],
      ['title', 'empty', () => ({ title: '' })], ['title', '201 characters', () => ({ title: 't'.repeat(201) })],
      ['description', '2,001 characters', () => ({ description: 'd'.repeat(2001) })], ['programme', '121 characters', () => ({ programme: 'p'.repeat(121) })],
      ['groupId', 'malformed', () => ({ groupId: 'bad' })], ['groupId', 'a Resident ID', () => ({ groupId: own.gid.resident(0) })],
    ],
    references: [{ field: 'groupId', hidden: () => named.other.group, missing: toGlobalId('ResidentGroup', UNKNOWN) }],
  },
  cancelEvent: byId('cancelEvent', 'eventId', 'CommunityEvent', (e, scheduled) => targets.event(e, scheduled), 'STAFF', 'RESIDENT'),
  registerForEvent: {
    document: 'mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { registration { id status } } }',
    faults: ['transition', 'values'],
    target: (e, scheduled) => targets.event(e, scheduled),
    missing: toGlobalId('CommunityEvent', UNKNOWN),
    allowed: 'STAFF', forbidden: 'DISTRICT',
    input: (eventId, o) => ({ eventId, residentId: o.bad ? 'bad' : own.gid.resident(0) }),
    ...FOR_RESIDENT,
  },
  cancelRegistration: registrationMove('cancelRegistration'),
  recordAttendance: registrationMove('recordAttendance'),
  raiseReceptionIssue: {
    document: 'mutation($input: RaiseReceptionIssueInput!) { raiseReceptionIssue(input: $input) { ticket { id } } }',
    faults: ['transition', 'values'],
    target: (e, scheduled) => targets.event(e, scheduled, 'RECEPTION_DAY'),
    missing: toGlobalId('CommunityEvent', UNKNOWN),
    allowed: 'STAFF', forbidden: 'RESIDENT',
    input: (eventId, o) => ({
      eventId, idempotencyKey: o.bad ? 'k\u0000' : freshKey(), category: 'PLUMBING', title: o.bad ? '' : 'Lift noise at night',
      ...(o.bad ? { description: 'd'.repeat(4001), residentId: 'bad', householdId: own.gid.household(0), buildingId: own.gid.building(0) } : {}),
    }),
    values: [
      ['eventId', 'not a reception day', () => ({ eventId: named.own.culture })],
      ['buildingId', 'with householdId', () => ({ householdId: own.gid.household(0), buildingId: own.gid.building(0) })],
      ['residentId', 'malformed', () => ({ residentId: 'bad' })], ['householdId', 'malformed', () => ({ householdId: 'bad' })],
      ['buildingId', 'a Household ID', () => ({ buildingId: own.gid.household(0) })],
      ['idempotencyKey', 'a NUL', () => ({ idempotencyKey: 'k\u0000' })], ['title', 'empty', () => ({ title: '' })],
      ['title', '201 characters', () => ({ title: 't'.repeat(201) })], ['description', '4,001 characters', () => ({ description: 'd'.repeat(4001) })],
    ],
    references: [
      { field: 'residentId', hidden: () => other.gid.resident(0), missing: toGlobalId('Resident', UNKNOWN) },
      { field: 'householdId', hidden: () => other.gid.household(0), missing: toGlobalId('Household', UNKNOWN) },
      { field: 'buildingId', hidden: () => other.gid.building(0), missing: toGlobalId('Building', UNKNOWN) },
    ],
  },
  createGroup: {
    document: 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }',
    faults: ['values'],
    target: async (e) => e.code,
    missing: 'ZZNONE',
    allowed: 'MANAGER', forbidden: 'STAFF',
    input: (communityCode, o) => ({
      communityCode, name: o.bad ? '' : `Walkers ${freshKey()}`, theme: 'SPORTS', leaderId: o.bad ? 'bad' : own.gid.resident(1), liaisonId: own.gid.staff('steward'),
      ...(o.bad ? { description: 'd'.repeat(1001) } : {}),
    }),
    values: [
      ['name', 'empty', () => ({ name: '' })], ['name', '121 characters', () => ({ name: 'n'.repeat(121) })], ['description', '1,001 characters', () => ({ description: 'd'.repeat(1001) })],
      ['leaderId', 'malformed', () => ({ leaderId: 'bad' })], ['leaderId', 'a Staff ID', () => ({ leaderId: own.gid.staff('steward') })],
      ['liaisonId', 'malformed', () => ({ liaisonId: 'bad' })], ['liaisonId', 'a Resident ID', () => ({ liaisonId: own.gid.resident(0) })],
    ],
    references: [
      { field: 'leaderId', hidden: () => other.gid.resident(0), missing: toGlobalId('Resident', UNKNOWN) },
      { field: 'liaisonId', hidden: () => other.gid.staff('steward'), missing: toGlobalId('Staff', UNKNOWN) },
    ],
  },
  joinGroup: membershipMove('joinGroup'),
  leaveGroup: membershipMove('leaveGroup'),
  // Spaces: residents and staff book; dashboards read.
  bookSpace: {
    document: contract('BookSpace'),
    faults: ['values'],
    target: async (e) => spaceGid(e),
    missing: toGlobalId('PublicSpace', UNKNOWN),
    allowed: 'STAFF', forbidden: 'DISTRICT',
    input: (spaceId, o) => ({ spaceId, ...targets.nextSlot(), purpose: o.bad ? '' : 'Choir practice', attendees: o.bad ? 0 : 10 }),
    values: [
      ...timeValues(), ['attendees', '0', () => ({ attendees: 0 })], ['attendees', "above the space's 40", () => ({ attendees: 41 })],
      ['purpose', 'empty', () => ({ purpose: '' })], ['purpose', '201 characters', () => ({ purpose: 'p'.repeat(201) })], ['purpose', 'a NUL', () => ({ purpose: 'p\u0000' })],
    ],
  },
  // The booking was made by staff: a resident sees it but did not make it.
  cancelBooking: byId('cancelBooking', 'bookingId', 'Booking', (e, confirmed) => targets.booking(e, confirmed), 'STAFF', 'RESIDENT'),
  // Drills and the liaison network: records of an estate named by its (public) code.
  recordDrill: {
    document: 'mutation($input: RecordDrillInput!) { recordDrill(input: $input) { drill { id } } }',
    faults: ['values'],
    target: async (e) => e.code,
    missing: 'ZZNONE',
    public: true,
    allowed: 'STAFF', forbidden: 'RESIDENT',
    input: (communityCode, o) => ({
      communityCode, kind: 'FIRE', heldAt: o.bad ? FUTURE() : PAST, place: o.bad ? '' : 'B01 stairwell', participants: o.bad ? -1 : 40,
      buildingId: own.gid.building(0), leadId: o.bad ? 'bad' : own.gid.staff('security'), ...(o.bad ? { spaceId: spaceGid(own), findings: 'f'.repeat(4001) } : {}),
    }),
    values: [
      ['leadId', 'malformed', () => ({ leadId: 'bad' })], ['leadId', 'a Resident ID', () => ({ leadId: own.gid.resident(0) })],
      ['heldAt', 'tomorrow', () => ({ heldAt: FUTURE() })], ['place', 'empty', () => ({ place: '' })], ['place', '201 characters', () => ({ place: 'p'.repeat(201) })],
      ['buildingId', 'with spaceId', () => ({ spaceId: spaceGid(own) })], ['buildingId', 'malformed', () => ({ buildingId: 'bad' })],
      ['participants', '-1', () => ({ participants: -1 })], ['participants', '100,001', () => ({ participants: 100_001 })],
      ['findings', '4,001 characters', () => ({ findings: 'f'.repeat(4001) })],
    ],
    references: [
      { field: 'leadId', hidden: () => other.gid.staff('security'), missing: toGlobalId('Staff', UNKNOWN) },
      { field: 'buildingId', hidden: () => other.gid.building(0), missing: toGlobalId('Building', UNKNOWN) },
      { field: 'spaceId', hidden: () => spaceGid(other), missing: toGlobalId('PublicSpace', UNKNOWN) },
    ],
  },
  addResidentOrganisation: {
    document: 'mutation($input: AddResidentOrganisationInput!) { addResidentOrganisation(input: $input) { organisation { id } } }',
    faults: ['values'],
    target: async (e) => e.code,
    missing: 'ZZNONE',
    public: true,
    allowed: 'MANAGER', forbidden: 'STAFF',
    input: (communityCode, o) => ({
      communityCode, kind: 'COMMITTEE', name: o.bad ? '' : `Committee ${freshKey()}`, liaisonId: o.bad ? 'bad' : own.gid.staff('steward'),
      contacts: [o.bad ? { name: '', phone: '12', position: '' } : CONTACT],
    }),
    values: [
      ['name', 'empty', () => ({ name: '' })], ['name', '121 characters', () => ({ name: 'n'.repeat(121) })],
      ['liaisonId', 'malformed', () => ({ liaisonId: 'bad' })], ['liaisonId', 'a Resident ID', () => ({ liaisonId: own.gid.resident(0) })],
      ['contacts', '11 of them', () => ({ contacts: Array.from({ length: 11 }, () => CONTACT) })],
      ['contacts[0].name', 'empty', () => ({ contacts: [{ ...CONTACT, name: '' }] })], ['contacts[0].phone', '12', () => ({ contacts: [{ ...CONTACT, phone: '12' }] })],
      ['contacts[0].position', '61 characters', () => ({ contacts: [{ ...CONTACT, position: 'p'.repeat(61) }] })],
    ],
    references: [{ field: 'liaisonId', hidden: () => other.gid.staff('steward'), missing: toGlobalId('Staff', UNKNOWN) }],
  },
  addReceptionMember: {
    document: 'mutation($input: AddReceptionMemberInput!) { addReceptionMember(input: $input) { member { id } } }',
    faults: ['values'],
    target: async (e) => e.code,
    missing: 'ZZNONE',
    public: true,
    allowed: 'MANAGER', forbidden: 'STAFF',
    input: (communityCode, o) => ({
      communityCode, name: o.bad ? '' : '李明', post: 'COMMUNITY_OFFICIAL', phone: o.bad ? '12' : '13900002222', staffId: o.bad ? 'bad' : own.gid.staff('manager'),
    }),
    values: [
      ['staffId', 'malformed', () => ({ staffId: 'bad' })], ['staffId', 'a Resident ID', () => ({ staffId: own.gid.resident(0) })],
      ['name', 'empty', () => ({ name: '' })], ['name', '61 characters', () => ({ name: 'n'.repeat(61) })], ['phone', '12', () => ({ phone: '12' })],
    ],
    references: [{ field: 'staffId', hidden: () => other.gid.staff('manager'), missing: toGlobalId('Staff', UNKNOWN) }],
  },
  recordLiaisonMeeting: {
    document: 'mutation($input: RecordLiaisonMeetingInput!) { recordLiaisonMeeting(input: $input) { meeting { id } } }',
    faults: ['values'],
    target: async (e) => e.code,
    missing: 'ZZNONE',
    public: true,
    allowed: 'STAFF', forbidden: 'RESIDENT',
    input: (communityCode, o) => ({
      communityCode, organisationId: o.bad ? 'bad' : named.own.organisation, heldAt: o.bad ? FUTURE() : PAST,
      place: o.bad ? '' : 'Committee room', attendees: o.bad ? -1 : 12, ticketIds: o.bad ? ['bad'] : [fiftyOne[0]], ...(o.bad ? { summary: 's'.repeat(4001) } : {}),
    }),
    values: [
      ['organisationId', 'malformed', () => ({ organisationId: 'bad' })],
      ['ticketIds', 'malformed', () => ({ ticketIds: ['bad'] })], ['ticketIds', '51 tickets', () => ({ ticketIds: fiftyOne })],
      ['heldAt', 'tomorrow', () => ({ heldAt: FUTURE() })], ['place', 'empty', () => ({ place: '' })], ['place', '201 characters', () => ({ place: 'p'.repeat(201) })],
      ['attendees', '-1', () => ({ attendees: -1 })], ['attendees', '100,001', () => ({ attendees: 100_001 })],
      ['summary', '4,001 characters', () => ({ summary: 's'.repeat(4001) })],
    ],
    references: [
      { field: 'organisationId', hidden: () => named.other.organisation, missing: toGlobalId('ResidentOrganisation', UNKNOWN) },
      { field: 'ticketIds', hidden: () => [named.other.ticket], missing: [toGlobalId('Ticket', UNKNOWN)] },
    ],
  },
  escalateTicket: {
    document: 'mutation($input: EscalateTicketInput!) { escalateTicket(input: $input) { ticket { id version } } }',
    faults: ['version', 'transition', 'values'],
    target: (e, open) => ticketAt(e, open ? 'SUBMITTED' : 'RESOLVED'),
    missing: toGlobalId('Ticket', UNKNOWN),
    // The steward takes it up; the resident who reported it sees it but may not.
    allowed: 'STAFF', forbidden: 'RESIDENT',
    input: (ticketId, o) => ({
      ticketId, expectedVersion: o.version, to: o.bad ? 'BUILDING' : 'COMMUNITY', takenOverById: o.bad ? 'bad' : named.own.member, ...(o.bad ? { note: LONG_NOTE } : {}),
    }),
    values: [
      ['to', 'BUILDING', () => ({ to: 'BUILDING' })], ['takenOverById', 'malformed', () => ({ takenOverById: 'bad' })],
      ['takenOverById', 'a steward, not a manager', () => ({ takenOverById: own.gid.staff('steward') })],
      ['takenOverById', 'a Resident ID', () => ({ takenOverById: own.gid.resident(0) })], ['note', '1,001 characters', () => ({ note: LONG_NOTE })],
    ],
    references: [
      { field: 'takenOverById', hidden: () => named.other.member, missing: toGlobalId('ReceptionMember', UNKNOWN) },
      { field: 'takenOverById', hidden: () => other.gid.staff('manager'), missing: toGlobalId('Staff', UNKNOWN) },
    ],
  },
  // Patrols: managers lay out routes, the estate's guard walks them.
  createPatrolRoute: {
    document: 'mutation($input: CreatePatrolRouteInput!) { createPatrolRoute(input: $input) { route { id } } }',
    faults: ['values'],
    target: async (e) => e.code,
    missing: 'ZZNONE',
    public: true,
    allowed: 'MANAGER', forbidden: 'STAFF',
    input: (communityCode, o) => ({
      communityCode, code: o.bad ? '' : `P${freshKey().slice(-8)}`, name: o.bad ? '' : 'Night round', everyMinutes: o.bad ? 0 : 120,
      checkpoints: o.bad ? [{ name: '', buildingId: own.gid.building(0), spaceId: spaceGid(own, 1) }] : checkpoints(own),
    }),
    values: [
      ['code', 'empty', () => ({ code: '' })], ['code', '17 characters', () => ({ code: 'c'.repeat(17) })],
      ['name', 'empty', () => ({ name: '' })], ['name', '121 characters', () => ({ name: 'n'.repeat(121) })],
      ['everyMinutes', '0', () => ({ everyMinutes: 0 })], ['everyMinutes', '10,081', () => ({ everyMinutes: 10_081 })],
      ['checkpoints', 'none', () => ({ checkpoints: [] })], ['checkpoints', '51', () => ({ checkpoints: Array.from({ length: 51 }, () => checkpoints(own)[0]) })],
      ['checkpoints[0].buildingId', 'with spaceId', () => ({ checkpoints: [{ ...checkpoints(own)[0], spaceId: spaceGid(own, 1) }] })],
      ['checkpoints[0].buildingId', 'malformed', () => ({ checkpoints: [{ name: 'Gate', buildingId: 'bad' }] })],
      ['checkpoints[0].name', 'empty', () => ({ checkpoints: [{ ...checkpoints(own)[0], name: '' }] })],
    ],
    references: [
      { field: 'checkpoints', hidden: () => checkpoints(other), missing: [{ name: 'Gate', buildingId: toGlobalId('Building', UNKNOWN) }] },
      { field: 'checkpoints', hidden: () => [{ name: 'Gate', spaceId: spaceGid(other, 1) }], missing: [{ name: 'Gate', spaceId: toGlobalId('PublicSpace', UNKNOWN) }] },
    ],
  },
  // Illegal: the route is being walked (by the guard, who walks one at a time).
  startPatrol: byId('startPatrol', 'routeId', 'PatrolRoute', async (e, free) => (await targets.route(e, !free)).id, 'SECURITY', 'STAFF'),
  passCheckpoint: {
    ...runMove('passCheckpoint', 'SECURITY', 'MANAGER'),
    faults: ['transition', 'values'],
    input: (runId, o) => ({ runId, checkpointId: o.bad ? 'bad' : targets.checkpointOf(runId) }),
    values: [
      ['checkpointId', 'malformed', () => ({ checkpointId: 'bad' })], ['checkpointId', 'of another route', () => ({ checkpointId: named.own.checkpoint })],
      // A checkpoint only counts on its run's route: one of another estate is refused like one made up, in the same words.
      ['checkpointId', "of another estate's route", () => ({ checkpointId: named.other.checkpoint })],
      ['checkpointId', 'made up', () => ({ checkpointId: toGlobalId('PatrolCheckpoint', UNKNOWN) })],
    ],
  },
  finishPatrol: runMove('finishPatrol', 'MANAGER', 'STAFF'),
  reportAnomaly: {
    ...runMove('reportAnomaly', 'SECURITY', 'MANAGER'),
    document: 'mutation($input: ReportAnomalyInput!) { reportAnomaly(input: $input) { anomaly { id } } }',
    faults: ['transition', 'values'],
    input: (runId, o) => ({
      runId, idempotencyKey: o.bad ? '' : freshKey(), kind: 'BROKEN_LIGHT', checkpointId: o.bad ? named.own.checkpoint : targets.checkpointOf(runId),
      ...(o.bad ? { note: LONG_NOTE } : {}),
    }),
    values: [
      ['checkpointId', 'of another route', () => ({ checkpointId: named.own.checkpoint })], ['checkpointId', 'malformed', () => ({ checkpointId: 'bad' })],
      ['checkpointId', "of another estate's route", () => ({ checkpointId: named.other.checkpoint })],
      ['idempotencyKey', 'empty', () => ({ idempotencyKey: '' })], ['idempotencyKey', 'a NUL', () => ({ idempotencyKey: 'k\u0000' })],
      ['note', '1,001 characters', () => ({ note: LONG_NOTE })],
    ],
  },
};

const mutations = Object.keys(buildSchema().getMutationType()!.getFields());

it('knows every mutation in the schema, and only those', () => {
  const unknown = mutations.filter((m) => !TABLE[m]);
  if (unknown.length) throw new Error(`test/precedence.test.ts has no row for ${unknown.join(', ')}: add one saying which faults it can have`);
  expect(Object.keys(TABLE).filter((m) => !mutations.includes(m))).toEqual([]);
});

/** Sends the mutation and insists it wrote nothing, in any table; returns the answer. */
async function attempt(row: Row, input: Record<string, unknown>, token: string | undefined): Promise<GraphQLResponse> {
  const before = await tableSnapshot(t);
  const res = await gql(t.url, row.document, { input }, token);
  expect(await tableSnapshot(t)).toEqual(before);
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
      expectFailure(await attempt(row, worst(target), undefined), 'UNAUTHENTICATED');
    }
  });

  if (row.public) it('(b, c) another estate\'s public target: FORBIDDEN; a made-up one: NOT_FOUND', async () => {
    const foreign = await illegal(other);
    expectFailure(await attempt(row, worst(foreign), tokens[row.allowed]), 'FORBIDDEN');
    expectFailure(await attempt(row, worst(row.missing), tokens[row.allowed]), 'NOT_FOUND');
  });
  else it('(b, c) another estate\'s target and a made-up one: NOT_FOUND, word for word the same', async () => {
    const foreign = await illegal(other);
    const hidden = await attempt(row, worst(foreign), tokens[row.allowed]);
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
          answers.push(await attempt(row, { ...worst(target), [ref.field]: reference }, tokens[who]));
        }
        for (const res of answers) expectFailure(res, 'NOT_FOUND');
        expect(answers[0].errors![0].message).toBe(answers[1].errors![0].message);
      }
    });
  }

  it('(d) a visible target the role may not act on: FORBIDDEN', async () => {
    const target = await illegal(own);
    expectFailure(await attempt(row, worst(target), tokens[row.forbidden]), 'FORBIDDEN');
  });

  if (has('version')) it('(e) allowed, with a stale expectedVersion: VERSION_CONFLICT', async () => {
    const target = await illegal(own);
    for (const version of [STALE, 0, -1]) {
      const res = await attempt(row, row.input(target, { bad: has('values'), version }), tokens[row.allowed]);
      expectFailure(res, 'VERSION_CONFLICT');
      expect(res.errors![0].extensions?.currentVersion).toBe(await currentVersion(target));
    }
  });

  if (has('transition')) it('(f) allowed, current version, an illegal move: INVALID_TRANSITION', async () => {
    const target = await row.target(own, false);
    for (const version of has('version') ? [await currentVersion(target), undefined] : [undefined]) {
      expectFailure(await attempt(row, row.input(target, { bad: has('values'), version }), tokens[row.allowed]), 'INVALID_TRANSITION');
    }
  });

  if (row.values.length) it.each(row.values)('(g) allowed and legal, only %s bad (%s): BAD_USER_INPUT naming it', async (field, _, bad) => {
    const target = await row.target(own, true);
    const version = has('version') ? await currentVersion(target) : undefined;
    const res = await attempt(row, { ...row.input(target, { bad: false, version }), ...bad() }, tokens[row.allowed]);
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
  const act = (op: string, input: Record<string, unknown>, token?: string) => attempt(TABLE[op], input, token);

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
