import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  Community, LiaisonMeeting, LiaisonMeetingTicket, OrganisationContact, ReceptionMember, ResidentOrganisation, Staff, Ticket,
} from '../entities';
import type { AddReceptionMemberInput, AddResidentOrganisationInput, RecordLiaisonMeetingInput } from '../generated/graphql';
import type { Context } from '../context';
import { badInput, forbidden } from '../errors';
import { expectGlobalId } from '../ids';
import { lookUp, text } from './ticket-input';
import { WORKER_ROLES } from './ticket-lifecycle';
import { communityOf, count, label, past, phone } from './places';
import type { ListSpec, PageArgs, Paged } from './paging';

/**
 * The liaison network: residents' organisations paired with staff, the
 * reception team, and the record of liaison meetings with the organisations
 * and the tickets that came of them. Escalation to the reception team is in
 * escalation.ts; reception days are community events (community-events.ts,
 * their issues reception-days.ts).
 */

const MANAGERS = ['MANAGER', 'ADMIN'];

/** A member of staff of the estate named by `field`, as `lookUp` found it (NOT_FOUND was decided there). */
function staffOf(staff: Staff | null, id: string, communityId: number, field: string): Staff {
  expectGlobalId(id, 'Staff', field);
  if (staff!.community.id !== communityId) throw badInput(`${field} must be a member of staff of the estate`, field);
  return staff!;
}

/** Adds an organisation with its contact people, paired with a member of staff (managers). */
export async function addResidentOrganisation(ctx: Context, input: AddResidentOrganisationInput): Promise<ResidentOrganisation> {
  const community = await communityOf(ctx, input.communityCode);
  const found = await lookUp(input.liaisonId, 'Staff', ctx.loaders.staff);
  if (!MANAGERS.includes(ctx.viewer.role!)) throw forbidden('Only managers add residents\' organisations');
  const name = label(input.name, 'name', 120);
  const liaison = staffOf(found, input.liaisonId, community.id, 'liaisonId');
  if (input.contacts.length > 10) throw badInput('An organisation has at most 10 contact people here', 'contacts');
  const contacts = input.contacts.map((c, i) => ({
    name: label(c.name, `contacts[${i}].name`, 60), phone: phone(c.phone, `contacts[${i}].phone`), position: label(c.position, `contacts[${i}].position`, 60),
  }));
  try {
    return await ctx.em.transactional(async (em) => {
      const organisation = em.create(ResidentOrganisation, {
        community: em.getReference(Community, community.id), kind: input.kind, name, liaison: em.getReference(Staff, liaison.id), createdAt: new Date(),
      });
      for (const c of contacts) em.create(OrganisationContact, { community: organisation.community, organisation, ...c });
      return organisation;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw badInput(`The estate already has an organisation named "${name.slice(0, 40)}"`, 'name');
    throw error;
  }
}

/** Adds a member to the reception team (managers). */
export async function addReceptionMember(ctx: Context, input: AddReceptionMemberInput): Promise<ReceptionMember> {
  const community = await communityOf(ctx, input.communityCode);
  const found = await lookUp(input.staffId, 'Staff', ctx.loaders.staff);
  if (!MANAGERS.includes(ctx.viewer.role!)) throw forbidden('Only managers change the reception team');
  const staff = input.staffId != null ? staffOf(found, input.staffId, community.id, 'staffId') : null;
  const name = label(input.name, 'name', 60);
  const number = phone(input.phone, 'phone');
  return ctx.em.transactional(async (em) => em.create(ReceptionMember, {
    community: em.getReference(Community, community.id), name, role: input.post, phone: number, staff: staff ? em.getReference(Staff, staff.id) : null,
  }));
}

/**
 * Records a liaison meeting with an organisation of the estate, with the
 * tickets that came of it (tickets of the estate the viewer can read). Staff
 * of the estate.
 */
export async function recordLiaisonMeeting(ctx: Context, input: RecordLiaisonMeetingInput): Promise<LiaisonMeeting> {
  const community = await communityOf(ctx, input.communityCode);
  // What the input names is looked up before the role counts (NOT_FOUND first); malformed IDs are bad values, refused below.
  const organisation = await lookUp(input.organisationId, 'ResidentOrganisation', ctx.loaders.residentOrganisation);
  const ticketIds = [...new Set(input.ticketIds ?? [])];
  // More than 50 are refused below whatever they name: reading the first 51 is enough.
  const found = await Promise.all(ticketIds.slice(0, 51).map((id) => lookUp(id, 'Ticket', ctx.loaders.ticket)));
  if (!WORKER_ROLES.includes(ctx.viewer.role!)) throw forbidden('Only staff of the estate record liaison meetings');
  expectGlobalId(input.organisationId, 'ResidentOrganisation', 'organisationId');
  if (ticketIds.length > 50) throw badInput('At most 50 tickets per meeting', 'ticketIds');
  const tickets = ticketIds.map((id, i) => {
    expectGlobalId(id, 'Ticket', 'ticketIds');
    if (found[i]!.community.id !== community.id) throw badInput('ticketIds must be tickets of the estate', 'ticketIds');
    return found[i]!;
  });
  if (organisation!.community.id !== community.id) throw badInput('organisationId must be an organisation of the estate', 'organisationId');
  const heldAt = past(input.heldAt, 'heldAt');
  const place = label(input.place, 'place', 200);
  const attendees = count(input.attendees, 'attendees', 100_000);
  const summary = text(input.summary, 'description', false, 'summary');
  return ctx.em.transactional(async (em) => {
    const meeting = em.create(LiaisonMeeting, {
      community: em.getReference(Community, community.id),
      organisation: em.getReference(ResidentOrganisation, organisation!.id), heldAt, place, attendees, summary,
      recordedBy: ctx.viewer.staffId ? em.getReference(Staff, ctx.viewer.staffId) : null, createdAt: new Date(),
    });
    for (const t of tickets) em.create(LiaisonMeetingTicket, { meeting, ticket: em.getReference(Ticket, t.id), community: meeting.community });
    return meeting;
  });
}

const MEETINGS_BY_ESTATE: ListSpec<LiaisonMeeting> = { entity: LiaisonMeeting, orderBy: ['held_at', 'id'], descending: true, parentColumn: 'community_id' };
const MEETINGS_BY_ORGANISATION: ListSpec<LiaisonMeeting> = { ...MEETINGS_BY_ESTATE, parentColumn: 'organisation_id' };

/** Meetings are the operator's working record: staff and dashboards, not residents. */
function notForResidents(ctx: Context): void {
  if (ctx.viewer.role === 'RESIDENT') throw forbidden('Liaison meetings are for staff and dashboards');
}

export function communityMeetings(ctx: Context, community: Community, args: PageArgs): Paged<LiaisonMeeting> {
  notForResidents(ctx);
  return ctx.loaders.childPage(MEETINGS_BY_ESTATE, community.id, args);
}

export function organisationMeetings(ctx: Context, organisation: ResidentOrganisation, args: PageArgs): Paged<LiaisonMeeting> {
  notForResidents(ctx);
  return ctx.loaders.childPage(MEETINGS_BY_ORGANISATION, organisation.id, args);
}

/** An estate's organisations, by kind (COMMITTEE, PARTY_BRANCH, RESIDENT_GROUP) and name. */
export function communityOrganisations(ctx: Context, community: Community): Promise<ResidentOrganisation[]> {
  return ctx.loaders.children(ResidentOrganisation, 'community', { kind: 'asc', name: 'asc' }).load(community.id);
}

export function organisationContacts(ctx: Context, organisation: ResidentOrganisation): Promise<OrganisationContact[]> {
  return ctx.loaders.children(OrganisationContact, 'organisation', { id: 'asc' }).load(organisation.id);
}

export function receptionTeam(ctx: Context, community: Community): Promise<ReceptionMember[]> {
  return ctx.loaders.children(ReceptionMember, 'community', { id: 'asc' }).load(community.id);
}

/** The tickets that came of a meeting, those the viewer may read, in the order they were linked. */
export async function meetingTickets(ctx: Context, meeting: LiaisonMeeting): Promise<Ticket[]> {
  const links = await ctx.loaders.children(LiaisonMeetingTicket, 'meeting', { ticket: 'asc' }).load(meeting.id);
  const tickets = await ctx.loaders.ticket.loadMany(links.map((l) => l.ticket.id));
  return tickets.filter((t): t is Ticket => t !== null && !(t instanceof Error));
}
