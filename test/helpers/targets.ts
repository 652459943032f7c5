import { toGlobalId } from '../../src/ids';
import { DEFAULT_CARE } from '../../src/config';
import { TimerWorker } from '../../src/events/timers';
import { createLogger } from '../../src/logger';
import { careTimers } from '../../src/services/care-timers';
import { gql } from './client';
import type { Estate } from './factories';
import type { TestServer } from './server';
import { setHours, slot } from './spaces';
import { freshKey, rowId, sql, type Role } from './tickets';

/**
 * Targets for the mutations of care, community life, spaces, the liaison
 * network and patrols, in the state a test asks for, made through the API as
 * setup steps that must work. Every call makes a fresh one where a mutation
 * uses its target up (a slot, an open visit, a run).
 */

/** The roles of a token, and the estate's security guard (a STAFF token whose subject walks patrols). */
export type Caller = Role | 'SECURITY';

export class Targets {
  private slots = 0;
  private readonly checkpoints = new Map<string, string>();
  private readonly care: TimerWorker;

  constructor(private readonly t: TestServer, private readonly tokensOf: (e: Estate) => Record<Caller, string>) {
    const logger = createLogger('silent');
    this.care = new TimerWorker(t.orm, logger, 3_600_000, [careTimers(DEFAULT_CARE, logger)]);
  }

  /** Opening hours 08:00–22:00 every day for the estate's first space, where bookings and events go. */
  async open(e: Estate): Promise<void> {
    await setHours(this.t, e.spaces[0].id, [['08:00', '22:00']]);
  }

  /** A mutation that must work; its payload field. */
  async ok(e: Estate, who: Caller, document: string, input: Record<string, unknown>): Promise<any> {
    const res = await gql(this.t.url, document, { input }, this.tokensOf(e)[who]);
    if (res.errors) throw new Error(`setup failed: ${JSON.stringify(res.errors)}\n${document}`);
    return Object.values(res.data)[0];
  }

  /** An hour of the first space no other call got: 08:00 to 21:00 local from tomorrow on. */
  nextSlot(): { startsAt: string; endsAt: string } {
    const n = this.slots++;
    return slot(1 + Math.floor(n / 13), 8 + (n % 13));
  }

  /** A care plan of household 0 (which needs care). */
  async carePlan(e: Estate, kind = 'SHOPPING', startsAt?: string): Promise<string> {
    const payload = await this.ok(e, 'STAFF', 'mutation($input: SetCarePlanInput!) { setCarePlan(input: $input) { plan { id } } }',
      { householdId: e.gid.household(0), kind, everyDays: 7, ...(startsAt ? { startsAt } : {}) });
    return payload.plan.id;
  }

  /** An open care visit of household 0 (fallen due now, on this test's own tick of the care schedule), or one already recorded. */
  async careVisit(e: Estate, open: boolean): Promise<string> {
    const plan = await this.carePlan(e, 'CALL', new Date(Date.now() - 1000).toISOString());
    await this.care.tick();
    const [visit] = await sql<{ id: number }>(this.t, 'select id from care_visit where plan_id = ? and outcome is null', [rowId(plan)]);
    if (!visit) throw new Error('setup: no care visit fell due');
    const id = toGlobalId('CareVisit', visit.id);
    if (!open) await this.ok(e, 'STAFF', 'mutation($input: RecordCareVisitInput!) { recordCareVisit(input: $input) { visit { id } } }', { visitId: id, outcome: 'DONE' });
    return id;
  }

  /** An event in the first space, scheduled (or called off). */
  async event(e: Estate, scheduled: boolean, kind = 'CULTURE'): Promise<string> {
    const { event } = await this.ok(e, 'STAFF', 'mutation($input: ScheduleEventInput!) { scheduleEvent(input: $input) { event { id } } }', {
      spaceId: toGlobalId('PublicSpace', e.spaces[0].id), kind, title: 'Calligraphy afternoon', capacity: 20, ...this.nextSlot(),
    });
    if (!scheduled) await this.ok(e, 'STAFF', 'mutation($input: CancelEventInput!) { cancelEvent(input: $input) { event { id } } }', { eventId: event.id });
    return event.id;
  }

  /** Resident 2's registration (household 1, made at the desk) for a new event, confirmed (or withdrawn). */
  async registration(e: Estate, confirmed: boolean): Promise<string> {
    const { registration } = await this.ok(e, 'STAFF', 'mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { registration { id } } }',
      { eventId: await this.event(e, true), residentId: e.gid.resident(2) });
    if (!confirmed) {
      await this.ok(e, 'STAFF', 'mutation($input: RegistrationActionInput!) { cancelRegistration(input: $input) { registration { id } } }', { registrationId: registration.id });
    }
    return registration.id;
  }

  /** A booking of the first space made by staff, confirmed (or cancelled). */
  async booking(e: Estate, confirmed: boolean): Promise<string> {
    const { booking } = await this.ok(e, 'STAFF', 'mutation($input: BookSpaceInput!) { bookSpace(input: $input) { booking { id } } }', {
      spaceId: toGlobalId('PublicSpace', e.spaces[0].id), purpose: 'Choir practice', attendees: 10, ...this.nextSlot(),
    });
    if (!confirmed) await this.ok(e, 'STAFF', 'mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id } } }', { bookingId: booking.id });
    return booking.id;
  }

  async group(e: Estate): Promise<string> {
    const { group } = await this.ok(e, 'MANAGER', 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }',
      { communityCode: e.code, name: `Walkers ${freshKey()}`, theme: 'SPORTS' });
    return group.id;
  }

  async organisation(e: Estate): Promise<string> {
    const { organisation } = await this.ok(e, 'MANAGER',
      'mutation($input: AddResidentOrganisationInput!) { addResidentOrganisation(input: $input) { organisation { id } } }',
      { communityCode: e.code, kind: 'COMMITTEE', name: `Committee ${freshKey()}`, liaisonId: e.gid.staff('steward'), contacts: [] });
    return organisation.id;
  }

  async receptionMember(e: Estate): Promise<string> {
    const { member } = await this.ok(e, 'MANAGER', 'mutation($input: AddReceptionMemberInput!) { addReceptionMember(input: $input) { member { id } } }',
      { communityCode: e.code, name: '李明', post: 'COMMUNITY_OFFICIAL', phone: '13900002222' });
    return member.id;
  }

  /** Finishes whatever run the estate's guard is walking: a guard walks one at a time. */
  private async freeGuard(e: Estate): Promise<void> {
    const open = await sql<{ id: number }>(this.t, `select id from patrol_run where staff_id = ? and status = 'IN_PROGRESS'`, [e.staff.security.id]);
    for (const { id } of open) {
      await this.ok(e, 'MANAGER', 'mutation($input: FinishPatrolInput!) { finishPatrol(input: $input) { run { id } } }', { runId: toGlobalId('PatrolRun', id) });
    }
  }

  /** A new route of two checkpoints (building 0, space 1), nobody walking it (or the guard walking it); with its run's ID when walked. */
  async route(e: Estate, walked: boolean): Promise<{ id: string; checkpoints: string[]; run?: string }> {
    await this.freeGuard(e);
    const { route } = await this.ok(e, 'MANAGER', 'mutation($input: CreatePatrolRouteInput!) { createPatrolRoute(input: $input) { route { id checkpoints { id } } } }', {
      communityCode: e.code, code: `P${freshKey().slice(-8)}`, name: 'Night round', everyMinutes: 120,
      checkpoints: [{ name: 'B01 lobby', buildingId: e.gid.building(0) }, { name: 'Garden gate', spaceId: toGlobalId('PublicSpace', e.spaces[1].id) }],
    });
    const checkpoints = route.checkpoints.map((c: { id: string }) => c.id);
    if (!walked) return { id: route.id, checkpoints };
    const { run } = await this.ok(e, 'SECURITY', 'mutation($input: StartPatrolInput!) { startPatrol(input: $input) { run { id } } }', { routeId: route.id });
    this.checkpoints.set(run.id, checkpoints[1]);
    return { id: route.id, checkpoints, run: run.id };
  }

  /** A run the guard is walking on a new route (or one finished). */
  async run(e: Estate, open: boolean): Promise<string> {
    const { run } = await this.route(e, true);
    if (!open) await this.ok(e, 'MANAGER', 'mutation($input: FinishPatrolInput!) { finishPatrol(input: $input) { run { id } } }', { runId: run });
    return run!;
  }

  /** A checkpoint of the run's route still to pass (any checkpoint ID for a run made up). */
  checkpointOf(run: string): string {
    return this.checkpoints.get(run) ?? toGlobalId('PatrolCheckpoint', 2_147_480_000);
  }
}
