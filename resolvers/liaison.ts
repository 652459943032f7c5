import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import * as liaison from '../src/services/liaison';
import { escalateTicket, ticketEscalation } from '../src/services/escalation';
import { entityNameOf } from '../src/db/rows';
import { encodeCursor } from '../src/events/log';
import { required } from './estates';

export const liaisonResolvers: Resolvers = {
  Mutation: {
    addResidentOrganisation: async (_, { input }, ctx) => ({ organisation: await liaison.addResidentOrganisation(ctx, input) }),
    addReceptionMember: async (_, { input }, ctx) => ({ member: await liaison.addReceptionMember(ctx, input) }),
    recordLiaisonMeeting: async (_, { input }, ctx) => ({ meeting: await liaison.recordLiaisonMeeting(ctx, input) }),
    escalateTicket: async (_, { input }, ctx) => {
      const { ticket, logId } = await escalateTicket(ctx, input);
      return { ticket, cursor: logId === null ? null : encodeCursor(logId) };
    },
  },
  ResidentOrganisation: {
    id: (o) => toGlobalId('ResidentOrganisation', o.id),
    liaison: (o, _, ctx) => (o.liaison ? ctx.loaders.staff.load(o.liaison.id) : null),
    contacts: (o, _, ctx) => liaison.organisationContacts(ctx, o),
    meetings: (o, args, ctx) => liaison.organisationMeetings(ctx, o, args),
    community: (o, _, ctx) => ctx.loaders.community.load(o.community.id).then(required),
  },
  ReceptionMember: {
    id: (m) => toGlobalId('ReceptionMember', m.id),
    post: (m) => m.role,
    staff: (m, _, ctx) => (m.staff ? ctx.loaders.staff.load(m.staff.id) : null),
    community: (m, _, ctx) => ctx.loaders.community.load(m.community.id).then(required),
  },
  LiaisonMeeting: {
    id: (m) => toGlobalId('LiaisonMeeting', m.id),
    organisation: (m, _, ctx) => ctx.loaders.residentOrganisation.load(m.organisation.id).then(required),
    summary: (m) => m.summary ?? null,
    recordedBy: (m, _, ctx) => (m.recordedBy ? ctx.loaders.staff.load(m.recordedBy.id) : null),
    tickets: (m, _, ctx) => liaison.meetingTickets(ctx, m),
    community: (m, _, ctx) => ctx.loaders.community.load(m.community.id).then(required),
  },
  EscalationTaker: {
    __resolveType: (taker) => entityNameOf(taker) as 'ReceptionMember' | 'Staff',
  },
  TicketEscalation: {
    escalatedBy: (e, _, ctx) => (e.escalatedBy ? ctx.loaders.staff.load(e.escalatedBy.id) : null),
    takenOverBy: async (e, _, ctx) => (e.takenOverByMember
      ? required(await ctx.loaders.receptionMember.load(e.takenOverByMember.id)) : required(await ctx.loaders.staff.load(e.takenOverByStaff!.id))),
    note: (e) => e.note ?? null,
  },
  Ticket: {
    level: async (t, _, ctx) => ((await ticketEscalation(ctx, t)) ? 'COMMUNITY' : 'BUILDING'),
    escalation: (t, _, ctx) => ticketEscalation(ctx, t),
  },
  Community: {
    organisations: (c, _, ctx) => liaison.communityOrganisations(ctx, c),
    receptionTeam: (c, _, ctx) => liaison.receptionTeam(ctx, c),
    liaisonMeetings: (c, args, ctx) => liaison.communityMeetings(ctx, c, args),
  },
};
