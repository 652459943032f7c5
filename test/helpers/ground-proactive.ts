import crypto from 'node:crypto';
import { toGlobalId } from '../../src/ids';
import { gql } from './client';
import type { Estate } from './factories';
import { waitUntil } from './instances';
import { TimerWorker } from '../../src/events/timers';
import { careTimers } from '../../src/services/care-timers';
import { DEFAULT_CARE } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { TestServer } from './server';
import { sql } from './tickets';

/**
 * The proactive side of the hunting ground: care plans and visits of two
 * households, a patrol run with an anomaly, a drill, an organisation with a
 * contact person, the reception team, a liaison meeting and an escalated
 * ticket, every value people type a unique marker.
 */

const marker = (kind: string) => `${kind}${crypto.randomBytes(6).toString('hex')}`;
const digits = () => `1${crypto.randomInt(10 ** 9, 10 ** 10 - 1)}`;

export interface ProactiveGround {
  /** Household row id → its care plan notes and visit notes (personal to that household). */
  care: Map<number, string[]>;
  /** Household row id → global IDs of its care plans, visits and the visits' CARE tickets. */
  careIds: Map<number, string[]>;
  /** Readable by staff roles only: organisation contacts' names and phones. */
  staffOnly: string[];
  /** Free text on the operator's working records (anomaly notes, meeting summaries): staff roles only. */
  staffText: string[];
  /** Free text on rows every token of the estate reads (drill findings): never DISTRICT or INTEGRATOR. */
  estateText: string[];
  /** Names on the operator's working records (routes, checkpoints): staff and dashboards, not residents. */
  operatorOnly: string[];
  /** Global IDs of those working records (route, checkpoints, run, meeting). */
  operatorIds: string[];
  /** Not personal, not public: organisation and reception team names, the drill's place. */
  internal: string[];
  /** Reception team phones: staff contact details. */
  staffContact: string[];
  /** Global IDs of every new row, for the hunt's roots and the other estate's forbidden set. */
  rowIds: string[];
}

type Call = (doc: string, input: Record<string, unknown>, token: string) => Promise<any>;

/** Writes it all through the API into `estate`, as its steward, security, desk and manager. */
export async function proactiveGround(t: TestServer, estate: Estate, escalateTicketId: string): Promise<ProactiveGround> {
  const token = (sub: string, role: string) => t.token({ sub, role: role as never, communities: [estate.code] });
  const [steward, security, manager] = [await token(estate.gid.staff('steward'), 'STAFF'), await token(estate.gid.staff('security'), 'STAFF'),
    await token(estate.gid.staff('manager'), 'MANAGER')];
  const call: Call = async (doc, input, who) => {
    const res = await gql(t.url, doc, { i: input }, who);
    if (res.errors) throw new Error(`ground: ${doc.slice(9, 40)} failed: ${JSON.stringify(res.errors)}`);
    return res.data;
  };

  const care = new Map<number, string[]>();
  const careIds = new Map<number, string[]>();
  for (const h of [0, 1]) {
    const household = estate.households[h];
    const note = marker('plan');
    const plan = (await call('mutation($i: SetCarePlanInput!) { setCarePlan(input: $i) { plan { id } } }',
      { householdId: estate.gid.household(h), kind: 'CALL', everyDays: 7, note }, steward)).setCarePlan.plan;
    // Test servers on the shared database poll no timers (test/helpers/server.ts): the care work runs here, once per poll.
    const worker = new TimerWorker(t.orm, createLogger('silent'), 3_600_000, [careTimers(DEFAULT_CARE, createLogger('silent'))]);
    const visit = await waitUntil('the ground\'s care visit', async () => {
      await worker.tick();
      return (await sql(t, 'select id from care_visit where plan_id = ?', [Number(Buffer.from(plan.id, 'base64url').toString().split(':')[1])]))[0];
    });
    const outcome = marker('visit');
    await call('mutation($i: RecordCareVisitInput!) { recordCareVisit(input: $i) { visit { id } } }',
      { visitId: toGlobalId('CareVisit', visit.id), outcome: 'DONE', note: outcome }, steward);
    care.set(household.id, [note, outcome]);
    // The visit's CARE ticket says as much as the visit: who receives care.
    const [{ ticket_id: ticketId }] = await sql(t, 'select ticket_id from care_visit where id = ?', [visit.id]);
    careIds.set(household.id, [plan.id, toGlobalId('CareVisit', visit.id), toGlobalId('Ticket', ticketId)]);
  }

  const routeName = marker('route');
  const checkpointNames = [marker('point'), marker('point')];
  const route = (await call(`mutation($i: CreatePatrolRouteInput!) { createPatrolRoute(input: $i) { route { id checkpoints { id } } } }`, {
    communityCode: estate.code, code: 'R1', name: routeName, everyMinutes: 120,
    checkpoints: [{ name: checkpointNames[0], buildingId: estate.gid.building(0) }, { name: checkpointNames[1], spaceId: toGlobalId('PublicSpace', estate.spaces[0].id) }],
  }, manager)).createPatrolRoute.route;
  const run = (await call('mutation($i: StartPatrolInput!) { startPatrol(input: $i) { run { id } } }', { routeId: route.id }, security)).startPatrol.run;
  await call('mutation($i: PassCheckpointInput!) { passCheckpoint(input: $i) { run { id } } }', { runId: run.id, checkpointId: route.checkpoints[1].id }, security);
  const anomalyNote = marker('anomaly');
  await call('mutation($i: ReportAnomalyInput!) { reportAnomaly(input: $i) { anomaly { id } } }',
    { idempotencyKey: marker('key'), runId: run.id, checkpointId: route.checkpoints[1].id, kind: 'EBIKE_IN_CORRIDOR', note: anomalyNote }, security);

  const findings = marker('findings');
  const drillPlace = marker('place');
  const drill = (await call('mutation($i: RecordDrillInput!) { recordDrill(input: $i) { drill { id } } }', {
    communityCode: estate.code, kind: 'FIRE', heldAt: new Date(Date.now() - 86400_000).toISOString(), place: drillPlace, participants: 30, findings,
  }, security)).recordDrill.drill;

  const contact = { name: marker('contact').slice(0, 20), phone: digits() };
  const orgName = marker('org');
  const organisation = (await call('mutation($i: AddResidentOrganisationInput!) { addResidentOrganisation(input: $i) { organisation { id } } }', {
    communityCode: estate.code, kind: 'COMMITTEE', name: orgName, liaisonId: estate.gid.staff('steward'), contacts: [{ ...contact, position: 'Chair' }],
  }, manager)).addResidentOrganisation.organisation;
  const memberName = marker('official').slice(0, 20);
  const memberPhone = digits();
  const member = (await call('mutation($i: AddReceptionMemberInput!) { addReceptionMember(input: $i) { member { id } } }',
    { communityCode: estate.code, name: memberName, post: 'COMMUNITY_OFFICIAL', phone: memberPhone }, manager)).addReceptionMember.member;
  const summary = marker('summary');
  const meeting = (await call('mutation($i: RecordLiaisonMeetingInput!) { recordLiaisonMeeting(input: $i) { meeting { id } } }', {
    communityCode: estate.code, organisationId: organisation.id, heldAt: new Date(Date.now() - 3600_000).toISOString(),
    place: 'Council room', attendees: 8, summary, ticketIds: [escalateTicketId],
  }, steward)).recordLiaisonMeeting.meeting;
  // Its note lands in the ticket's timeline, which the ground collects with the ticket's other text.
  await call('mutation($i: EscalateTicketInput!) { escalateTicket(input: $i) { ticket { id } } }',
    { ticketId: escalateTicketId, to: 'COMMUNITY', takenOverById: member.id, note: marker('note') }, steward);

  const operatorIds = [route.id, ...route.checkpoints.map((c: { id: string }) => c.id), run.id, meeting.id];
  return {
    care, careIds, staffOnly: [contact.name, contact.phone], staffText: [anomalyNote, summary], estateText: [findings],
    operatorOnly: [routeName, ...checkpointNames], operatorIds, internal: [orgName, memberName, drillPlace], staffContact: [memberPhone],
    rowIds: [...[...careIds.values()].flat(), ...operatorIds, drill.id, organisation.id, member.id],
  };
}
