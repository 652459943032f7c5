import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SlaPolicy, Ticket, TicketEvent, type Building, type Household, type PublicSpace, type Staff, type TicketEventType } from '../entities';
import type { AssignTicketInput, RateTicketInput, SubmitTicketInput, TicketActionInput } from '../generated/graphql';
import type { Context } from '../context';
import { AppError, badInput, forbidden, hidden, unauthenticated } from '../errors';
import { expectGlobalId } from '../ids';
import { lookUp, text } from './ticket-input';
import { ASSIGNABLE, ASSIGNER_ROLES, SUBMITTER_ROLES, WORKER_ROLES, transition, type Move } from './ticket-lifecycle';
import { appendEvents, ticketEntries } from '../events/log';

/** A ticket after a change, and the log position of the last event the change appended. */
export interface TicketChange {
  ticket: Ticket;
  /** Null only when the change appended nothing that streams. */
  logId: number | null;
}

/**
 * Raising and working tickets. Every change is one transaction: the ticket row
 * and its event, or nothing. Failures come in the contract's order:
 * UNAUTHENTICATED, NOT_FOUND (missing and hidden alike), FORBIDDEN,
 * VERSION_CONFLICT, INVALID_TRANSITION, then BAD_USER_INPUT for the values.
 */

/** The viewer's own Staff row when the token names one (confirmed when the token was read): writes record who acted. */
export async function actingStaff(ctx: Context): Promise<Staff | null> {
  if (ctx.viewer.staffId === undefined) return null;
  const staff = await ctx.loaders.staff.load(ctx.viewer.staffId);
  if (!staff) throw unauthenticated("The token's subject is not a member of staff any more");
  return staff;
}

function caller(ctx: Context): string {
  return `${ctx.viewer.role}:${ctx.viewer.subject}`;
}

/**
 * Where a new ticket is: exactly one of household, building or public space.
 * One that does not exist and one the viewer may not read answer alike.
 */
async function locate(ctx: Context, input: SubmitTicketInput) {
  const given = (['householdId', 'buildingId', 'spaceId'] as const).filter((k) => input[k] != null);
  if (given.length !== 1) throw badInput('Give exactly one of householdId, buildingId or spaceId', given[1] ?? 'householdId');
  const { loaders } = ctx;
  let household: Household | null = null;
  let building: Building | null = null;
  let space: PublicSpace | null = null;
  if (input.householdId != null) {
    household = await loaders.household.load(expectGlobalId(input.householdId, 'Household', 'householdId'));
    if (!household) throw hidden('Household');
    building = await loaders.building.load(household.building.id);
  } else if (input.buildingId != null) {
    building = await loaders.building.load(expectGlobalId(input.buildingId, 'Building', 'buildingId'));
    if (!building) throw hidden('Building');
  } else {
    space = await loaders.publicSpace.load(expectGlobalId(input.spaceId!, 'PublicSpace', 'spaceId'));
    // Public spaces are public; raising a ticket about one still needs a token for its estate.
    if (!space || !(ctx.viewer.scope === 'ALL' || ctx.viewer.scope.has(space.community.id))) throw hidden('PublicSpace');
  }
  return { communityId: (household ?? building ?? space)!.community.id, household, building, space };
}

/**
 * Raises a ticket: numbered `<ESTATE>-<YEAR>-<seq>` without gaps, SLA due
 * times from the sla_policy table, a SUBMITTED event. The same idempotencyKey
 * from the same caller returns the first ticket and writes nothing, however
 * many identical requests race.
 */
export async function submitTicket(ctx: Context, input: SubmitTicketInput): Promise<TicketChange> {
  const { role } = ctx.viewer;
  if (!role) throw unauthenticated('Sign in to raise a ticket');
  const staff = await actingStaff(ctx);
  const where = await locate(ctx, input);
  const reporter = await lookUp(input.reporterId, 'Resident', ctx.loaders.resident);
  if (!SUBMITTER_ROLES.includes(role)) throw forbidden(`${role} tokens are read-only`);
  if (staff && staff.community.id !== where.communityId) throw forbidden('You can raise tickets only in the estate you work in');
  if (role === 'RESIDENT' && where.household && where.household.id !== ctx.viewer.householdId) {
    throw forbidden('Residents raise tickets for their own household only');
  }

  let reporterResidentId: number | null = null;
  if (role === 'RESIDENT') {
    if (input.reporterId != null) throw badInput('reporterId is for staff raising a ticket on a resident\'s behalf', 'reporterId');
    reporterResidentId = ctx.viewer.residentId!;
  } else if (input.reporterId != null) {
    expectGlobalId(input.reporterId, 'Resident', 'reporterId');
    if (reporter!.community.id !== where.communityId) throw badInput('reporterId must be a resident of the same estate', 'reporterId');
    reporterResidentId = reporter!.id;
  }
  const key = text(input.idempotencyKey, 'idempotencyKey', true)!;
  const title = text(input.title, 'title', true)!;
  const description = text(input.description, 'description', false) ?? '';

  // A resubmission answers with the first ticket and the cursor of its submission.
  const same = async (t: Ticket): Promise<TicketChange> => ({ ticket: checkReplay(t, input, title, where), logId: await submissionLogId(ctx, t) });
  const estateCode = (await ctx.loaders.community.load(where.communityId))!.code;
  return idempotent(ctx, key, same, async (em, now) => {
    const { ticket, event } = await insertTicket(em, ctx, {
      communityId: where.communityId, estateCode, key, channel: input.channel, category: input.category, priority: input.priority, title, description,
      buildingId: where.building?.id ?? null, householdId: where.household?.id ?? null, spaceId: where.space?.id ?? null,
      gridId: where.building?.grid.id ?? null, reporterResidentId, reporterStaffId: role === 'RESIDENT' ? null : staff?.id ?? null,
    }, now);
    return { ticket, logId: await appendEvents(em, ticketEntries(ticket, [event])) };
  });
}

/** A new ticket's fields, checked by the caller. */
export interface NewTicket {
  communityId: number;
  /** Read before the transaction: the transaction uses its own connection only. */
  estateCode: string;
  key: string;
  channel: Ticket['channel'];
  category: Ticket['category'];
  priority: Ticket['priority'];
  title: string;
  description: string;
  buildingId: number | null;
  householdId: number | null;
  spaceId: number | null;
  gridId: number | null;
  reporterResidentId: number | null;
  reporterStaffId: number | null;
}

/**
 * Runs `work` (which creates something under the caller's idempotency key) in
 * a transaction, once per caller and key: a replay, including one that raced
 * this request and committed first, answers with `same` and writes nothing.
 * Inside the transaction only its own connection is used: a second pooled one
 * per transaction would let concurrent requests exhaust the pool and wait forever.
 */
export async function idempotent<T>(
  ctx: Context, key: string, same: (ticket: Ticket) => Promise<T>, work: (em: EntityManager, now: Date) => Promise<T>,
): Promise<T> {
  const replay = await findReplay(ctx.em, caller(ctx), key);
  if (replay) return same(replay);
  try {
    return await ctx.em.transactional((em) => work(em, new Date()));
  } catch (error) {
    // Same caller and key racing: the unique index decided; answer with the winner.
    if (error instanceof UniqueConstraintViolationException) {
      const winner = await findReplay(ctx.em.fork(), caller(ctx), key);
      if (winner) return same(winner);
    }
    throw error;
  }
}

/**
 * Creates a ticket and its SUBMITTED event inside the caller's transaction:
 * numbered `<ESTATE>-<YEAR>-<seq>` without gaps (the counter row stays locked
 * until commit), SLA due times from the sla_policy table. Fails on the
 * idempotency index when the same caller's key committed while this one
 * waited for the counter.
 */
export async function insertTicket(em: EntityManager, ctx: Context, fields: NewTicket, now: Date): Promise<{ ticket: Ticket; event: TicketEvent }> {
  const year = now.getUTCFullYear();
  const sla = await em.findOneOrFail(SlaPolicy, { priority: fields.priority });
  // Holding this row's lock until commit is what makes numbers gap-free and unique. Every submission in the
  // estate waits for it, so nothing else is read while it is held: a racing twin with the same key that
  // committed first makes the insert below fail on the idempotency index, which rolls the number back and
  // answers with the twin (see `idempotent`).
  const [{ last_number: seq }] = await em.execute(
    `insert into ticket_counter (community_id, year, last_number) values (?, ?, 1)
     on conflict (community_id, year) do update set last_number = ticket_counter.last_number + 1 returning last_number`,
    [fields.communityId, year],
  );
  const ticket = em.create(Ticket, {
    community: fields.communityId, number: `${fields.estateCode}-${year}-${String(seq).padStart(6, '0')}`, year, seq,
    channel: fields.channel, category: fields.category, priority: fields.priority, status: 'SUBMITTED',
    title: fields.title, description: fields.description,
    building: fields.buildingId, household: fields.householdId, publicSpace: fields.spaceId, grid: fields.gridId,
    reporterResident: fields.reporterResidentId, reporterStaff: fields.reporterStaffId,
    version: 1, createdAt: now,
    responseDueAt: new Date(now.getTime() + sla.responseMinutes * 60_000),
    resolveDueAt: new Date(now.getTime() + sla.resolveMinutes * 60_000),
    idempotencyCaller: caller(ctx), idempotencyKey: fields.key,
  } as never);
  const event = record(em, ctx, ticket, 'SUBMITTED', null, 'SUBMITTED', null, now);
  await em.flush();
  return { ticket, event };
}

/** The log position of a ticket's submission (null for history that predates the stream). */
async function submissionLogId(ctx: Context, ticket: Ticket): Promise<number | null> {
  const [row]: { id: string }[] = await ctx.em.fork().execute(
    `select l.id from event_log l where l.ticket_id = ? and l.kind = 'TICKET' order by l.id limit 1`, [ticket.id]);
  return row ? Number(row.id) : null;
}

function findReplay(em: EntityManager, idempotencyCaller: string, idempotencyKey: string): Promise<Ticket | null> {
  return em.findOne(Ticket, { idempotencyCaller, idempotencyKey });
}

/** A key reused for a different ticket is a client bug; say so rather than return an unrelated ticket. */
function checkReplay(ticket: Ticket, input: SubmitTicketInput, title: string, where: Awaited<ReturnType<typeof locate>>): Ticket {
  const sameLocation = (ticket.household?.id ?? null) === (where.household?.id ?? null)
    && (ticket.publicSpace?.id ?? null) === (where.space?.id ?? null)
    && (where.household !== null || (ticket.building?.id ?? null) === (where.building?.id ?? null));
  if (!sameLocation || ticket.title !== title || ticket.category !== input.category || ticket.priority !== input.priority) {
    throw badInput('This idempotencyKey was already used for a different ticket', 'idempotencyKey');
  }
  return ticket;
}

/** Appends one event to a ticket the caller holds, signed by the viewer (flushed with the caller's next flush). */
export function record(
  em: EntityManager, ctx: Context, ticket: Ticket, type: TicketEventType,
  fromStatus: string | null, toStatus: string | null, note: string | null, at: Date,
): TicketEvent {
  return em.create(TicketEvent, {
    ticket, community: ticket.community, type, fromStatus, toStatus, note, at,
    actorRole: ctx.viewer.role!, actorSubject: ctx.viewer.subject!,
    actorStaff: ctx.viewer.staffId ?? null, actorResident: ctx.viewer.residentId ?? null,
  } as never);
}

/** Everything `act` may do to a ticket: the lifecycle's moves, assignment, escalation to community level. */
export type Action = Move | 'assign' | 'escalate';

/**
 * Checks, in the contract's order: a token (UNAUTHENTICATED); the ticket
 * visible (else NOT_FOUND, the same answer as for a ticket that does not
 * exist), then whatever else the input names (`lookUps`, NOT_FOUND alike);
 * allowed to act (FORBIDDEN); expectedVersion (VERSION_CONFLICT); then
 * `apply` makes the move under a row lock, checking the transition
 * (INVALID_TRANSITION) before the values it was sent (BAD_USER_INPUT).
 */
export async function act(
  ctx: Context, ticketId: string, expectedVersion: number | null | undefined, action: Action,
  apply: (em: EntityManager, ticket: Ticket, now: Date) => Promise<TicketEvent[]> | TicketEvent[],
  lookUps?: () => Promise<void>,
): Promise<TicketChange> {
  if (!ctx.viewer.role) throw unauthenticated('Sign in to change tickets');
  // Everything about the viewer is read before the transaction, which then uses only its own connection.
  await actingStaff(ctx);
  // The target's ID must at least be one: with no ticket named there is nothing else to decide.
  const id = expectGlobalId(ticketId, 'Ticket', 'ticketId');
  // Who may see the ticket depends only on columns that never change (estate, household, reporter):
  // the data layer's answer before the transaction holds inside it.
  if (!(await ctx.loaders.ticket.load(id))) throw hidden('Ticket');
  await lookUps?.();
  return ctx.em.transactional(async (em) => {
    const ticket = await em.findOneOrFail(Ticket, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    await authorize(ctx, ticket, action);
    if (expectedVersion != null && expectedVersion !== ticket.version) {
      throw new AppError('VERSION_CONFLICT', `The ticket changed since you saw it: it is at version ${ticket.version}, you sent ${expectedVersion}`, {
        currentVersion: ticket.version,
      });
    }
    const now = new Date();
    const events = await apply(em, ticket, now);
    ticket.version += 1;
    await em.flush();
    // Last, so the log lock is held only for the moment before commit.
    return { ticket, logId: await appendEvents(em, ticketEntries(ticket, events)) };
  });
}

/**
 * A ticket's voice is the resident who reported it; a ticket raised by staff
 * with no resident behind it speaks through the member of staff who raised it.
 * Only a resident's voice rates: staff never rate the service they give.
 */
function reporterRole(ctx: Context, ticket: Ticket): 'resident' | 'staff' | null {
  const { viewer } = ctx;
  if (ticket.reporterResident) return viewer.role === 'RESIDENT' && ticket.reporterResident.id === viewer.residentId ? 'resident' : null;
  return viewer.staffId !== undefined && ticket.reporterStaff?.id === viewer.staffId ? 'staff' : null;
}

const WHO: Record<Action, string> = {
  acknowledge: 'staff of its estate', start: 'staff of its estate', resolve: 'staff of its estate',
  assign: 'managers and dispatchers', cancel: 'its reporter', rate: 'the resident who reported it',
  reopen: 'its reporter or a manager', close: 'the member of staff who raised it or a manager',
  escalate: 'stewards, the desk and managers',
};

async function authorize(ctx: Context, ticket: Ticket, action: Action): Promise<void> {
  const { role } = ctx.viewer;
  const reporter = reporterRole(ctx, ticket);
  const manager = role === 'MANAGER' || role === 'ADMIN';
  let allowed: boolean;
  switch (action) {
    case 'acknowledge': case 'start': case 'resolve': allowed = WORKER_ROLES.includes(role!); break;
    case 'assign': allowed = ASSIGNER_ROLES.includes(role!); break;
    case 'cancel': allowed = reporter !== null; break;
    case 'rate':
      if (!ticket.reporterResident) throw forbidden('This ticket has no resident reporter, so it has no rating: staff close it with closeTicket');
      allowed = reporter === 'resident';
      break;
    case 'reopen': allowed = reporter !== null || manager; break;
    // Small matters stay in the building: only the steward, the desk or a manager takes one to community level.
    case 'escalate': allowed = role === 'DISPATCHER' || manager || (role === 'STAFF' && (await actingStaff(ctx))?.role === 'STEWARD'); break;
    case 'close':
      if (ticket.reporterResident) throw forbidden('A ticket a resident reported is closed by their rating');
      allowed = reporter === 'staff' || manager;
      break;
  }
  if (!allowed) throw forbidden(`Only ${WHO[action]} can ${action} this ticket`);
  const staff = await actingStaff(ctx);
  if (staff && staff.community.id !== ticket.community.id) throw forbidden('You work in another estate');
}

/** Moves a ticket along the lifecycle (acknowledge, start, resolve, reopen, cancel, close). */
export function moveTicket(ctx: Context, input: TicketActionInput, move: Exclude<Move, 'rate'>): Promise<TicketChange> {
  return act(ctx, input.ticketId, input.expectedVersion, move, (em, ticket, now) => {
    const event = applyMove(em, ctx, ticket, move, now, () => text(input.note, 'note', false));
    return [event];
  });
}

const MOVE_EVENTS = { acknowledge: 'ACKNOWLEDGED', start: 'STARTED', resolve: 'RESOLVED', reopen: 'REOPENED', cancel: 'CANCELLED', close: 'CLOSED' } as const;

/**
 * Makes a move on a ticket the caller holds locked and may act on: the
 * transition (INVALID_TRANSITION), then the note (`note`, which may refuse
 * it), then the ticket's timestamps and its event. The version is the caller's
 * to bump. Dispatches move their ticket along with them through here.
 */
export function applyMove(
  em: EntityManager, ctx: Context, ticket: Ticket, move: Exclude<Move, 'rate'>, now: Date, note: () => string | null,
): TicketEvent {
  const from = ticket.status;
  ticket.status = transition(from, move);
  const text = note();
  if (move === 'acknowledge') ticket.acknowledgedAt = now;
  if (move === 'start') ticket.startedAt ??= now;
  if (move === 'resolve') ticket.resolvedAt = now;
  if (move === 'reopen') {
    ticket.reopenedAt = now;
    ticket.resolvedAt = null;
  }
  if (move === 'cancel') ticket.cancelledAt = now;
  if (move === 'close') ticket.closedAt = now;
  return record(em, ctx, ticket, MOVE_EVENTS[move], from, ticket.status, text, now);
}

/** Gives the ticket to a member of staff of its estate; allowed until it is resolved. */
export function assignTicket(ctx: Context, input: AssignTicketInput): Promise<TicketChange> {
  let assignee: Staff | null = null;
  const lookUps = async () => {
    assignee = await lookUp(input.assigneeId, 'Staff', ctx.loaders.staff);
  };
  return act(ctx, input.ticketId, input.expectedVersion, 'assign', async (em, ticket, now) => {
    if (!ASSIGNABLE.includes(ticket.status)) {
      throw new AppError('INVALID_TRANSITION', `Cannot assign a ticket that is ${ticket.status}; allowed until it is resolved`, { from: ticket.status, move: 'assign' });
    }
    const note = text(input.note, 'note', false, 'note');
    expectGlobalId(input.assigneeId, 'Staff', 'assigneeId');
    const staff = assignee!;
    if (staff.community.id !== ticket.community.id) throw badInput('assigneeId must be a member of staff of the ticket\'s estate', 'assigneeId');
    ticket.assignee = staff.id as never;
    ticket.assignedAt = now;
    return [record(em, ctx, ticket, 'ASSIGNED', null, null, note, now)];
  }, lookUps);
}

/** The resident who reported a resolved ticket rates it 1–5, once; this closes it. */
export function rateTicket(ctx: Context, input: RateTicketInput): Promise<TicketChange> {
  return act(ctx, input.ticketId, input.expectedVersion, 'rate', (em, ticket, now) => {
    const from = ticket.status;
    ticket.status = transition(from, 'rate');
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw badInput(`score must be 1 to 5, got ${input.score}`, 'score');
    const comment = text(input.comment, 'comment', false, 'comment');
    ticket.ratingScore = input.score;
    ticket.ratingComment = comment;
    ticket.ratedAt = now;
    ticket.closedAt = now;
    return [
      record(em, ctx, ticket, 'RATED', null, null, comment, now),
      record(em, ctx, ticket, 'CLOSED', from, ticket.status, null, now),
    ];
  });
}

/**
 * True when the response or resolution target was missed, or is overdue now.
 * A cancelled ticket only counts if nobody responded in time before it was withdrawn.
 */
export function slaBreached(ticket: Ticket, now = new Date()): boolean {
  const responded = ticket.acknowledgedAt ?? (ticket.status === 'CANCELLED' ? ticket.cancelledAt : null);
  if ((responded ?? now) > ticket.responseDueAt) return true;
  if (ticket.status === 'CANCELLED') return false;
  const done = ticket.resolvedAt ?? ticket.closedAt;
  return (done ?? now) > ticket.resolveDueAt;
}
