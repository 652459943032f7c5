import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';
import { Staff } from './Staff';
import { Ticket } from './Ticket';

export const ORGANISATION_KINDS = ['PARTY_BRANCH', 'COMMITTEE', 'RESIDENT_GROUP'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const RECEPTION_ROLES = ['COMMUNITY_OFFICIAL', 'PROJECT_MANAGER', 'OWNERS_COMMITTEE_CHAIR'] as const;
export type ReceptionRole = (typeof RECEPTION_ROLES)[number];

/**
 * A residents' organisation of an estate (a party branch, a committee, a
 * resident group) paired with one member of the operator's staff: the "365"
 * liaison network. Membership is not kept here.
 */
export const ResidentOrganisation = defineEntity({
  name: 'ResidentOrganisation',
  tableName: 'resident_organisation',
  uniques: [{ name: 'resident_organisation_name_unique', properties: ['community', 'name'] }],
  indexes: [{ name: 'resident_organisation_community_index', properties: ['community', 'kind', 'id'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    kind: p.enum([...ORGANISATION_KINDS]),
    name: p.string().length(120),
    /** The member of staff paired with it. */
    liaison: () => p.manyToOne(Staff).nullable().index().deleteRule('set null'),
    createdAt: p.datetime(),
  },
});
export type ResidentOrganisation = InferEntity<typeof ResidentOrganisation>;

/** A contact person of an organisation: personal data. */
export const OrganisationContact = defineEntity({
  name: 'OrganisationContact',
  tableName: 'organisation_contact',
  indexes: [{ name: 'organisation_contact_organisation_index', properties: ['organisation', 'id'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    organisation: () => p.manyToOne(ResidentOrganisation).deleteRule('cascade'),
    name: p.string().length(60),
    phone: p.string().length(20),
    /** Their post in the organisation, e.g. secretary. */
    position: p.string().length(60),
  },
});
export type OrganisationContact = InferEntity<typeof OrganisationContact>;

/**
 * The hotline's reception team for hard cases: community officials, the
 * project manager (a member of staff), the owners' committee chair. Tickets
 * escalated to community level are taken over by one of them.
 */
export const ReceptionMember = defineEntity({
  name: 'ReceptionMember',
  tableName: 'reception_member',
  indexes: [{ name: 'reception_member_community_index', properties: ['community', 'id'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    name: p.string().length(60),
    role: p.enum([...RECEPTION_ROLES]),
    phone: p.string().length(20),
    staff: () => p.manyToOne(Staff).nullable().deleteRule('set null'),
  },
});
export type ReceptionMember = InferEntity<typeof ReceptionMember>;

/**
 * A liaison meeting with a residents' organisation: what was said
 * (`summary`, free text), how many residents came, and the tickets that came
 * of it (liaison_meeting_ticket). Reception days are community events of
 * kind RECEPTION_DAY (CommunityLife.ts), their issues EventIssue rows.
 */
export const LiaisonMeeting = defineEntity({
  name: 'LiaisonMeeting',
  tableName: 'liaison_meeting',
  indexes: [
    { name: 'liaison_meeting_community_held_index', properties: ['community', 'heldAt', 'id'] },
    { name: 'liaison_meeting_organisation_held_index', properties: ['organisation', 'heldAt', 'id'] },
  ],
  checks: [{ name: 'liaison_meeting_attendees_check', expression: 'attendees >= 0' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    organisation: () => p.manyToOne(ResidentOrganisation).deleteRule('cascade'),
    heldAt: p.datetime(),
    place: p.string().length(200),
    /** Residents who came. */
    attendees: p.integer(),
    summary: p.text().nullable(),
    /** Who wrote it up. */
    recordedBy: () => p.manyToOne(Staff).nullable().deleteRule('set null'),
    createdAt: p.datetime(),
  },
});
export type LiaisonMeeting = InferEntity<typeof LiaisonMeeting>;

/** A ticket that came of a liaison meeting. */
export const LiaisonMeetingTicket = defineEntity({
  name: 'LiaisonMeetingTicket',
  tableName: 'liaison_meeting_ticket',
  indexes: [{ name: 'liaison_meeting_ticket_ticket_index', properties: ['ticket'] }],
  properties: {
    meeting: () => p.manyToOne(LiaisonMeeting).primary().deleteRule('cascade'),
    ticket: () => p.manyToOne(Ticket).primary(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
  },
  primaryKeys: ['meeting', 'ticket'],
});
export type LiaisonMeetingTicket = InferEntity<typeof LiaisonMeetingTicket>;

/**
 * A ticket taken from building level (the grid's steward and squad) to
 * community level: who escalated it, and who took it over (a member of the
 * reception team, or the estate's manager). At most once per ticket; the
 * escalation is also an ESCALATED event in the ticket's timeline.
 */
export const TicketEscalation = defineEntity({
  name: 'TicketEscalation',
  tableName: 'ticket_escalation',
  uniques: [{ name: 'ticket_escalation_ticket_unique', properties: ['ticket'] }],
  indexes: [{ name: 'ticket_escalation_community_index', properties: ['community', 'escalatedAt'] }],
  checks: [{ name: 'ticket_escalation_taker_check', expression: '(taken_over_by_staff_id is null) <> (taken_over_by_member_id is null)' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    ticket: () => p.manyToOne(Ticket).deleteRule('cascade'),
    escalatedAt: p.datetime(),
    /** Who escalated it: the steward, the desk or a manager; null for an admin. */
    escalatedBy: () => p.manyToOne(Staff).nullable().deleteRule('set null'),
    takenOverByStaff: () => p.manyToOne(Staff).nullable().index(),
    takenOverByMember: () => p.manyToOne(ReceptionMember).nullable().index(),
    note: p.string().length(1000).nullable(),
  },
});
export type TicketEscalation = InferEntity<typeof TicketEscalation>;
