import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import * as tickets from '../src/services/tickets';
import { ticketTimeline, ticketsOf, listTickets } from '../src/services/ticket-queries';
import { required } from './estates';

export const ticketResolvers: Resolvers = {
  Query: {
    tickets: (_, { filter, ...args }, ctx) => listTickets(ctx, filter, args),
  },
  Mutation: {
    submitTicket: async (_, { input }, ctx) => ({ ticket: await tickets.submitTicket(ctx, input) }),
    acknowledgeTicket: async (_, { input }, ctx) => ({ ticket: await tickets.moveTicket(ctx, input, 'acknowledge') }),
    assignTicket: async (_, { input }, ctx) => ({ ticket: await tickets.assignTicket(ctx, input) }),
    startTicket: async (_, { input }, ctx) => ({ ticket: await tickets.moveTicket(ctx, input, 'start') }),
    resolveTicket: async (_, { input }, ctx) => ({ ticket: await tickets.moveTicket(ctx, input, 'resolve') }),
    reopenTicket: async (_, { input }, ctx) => ({ ticket: await tickets.moveTicket(ctx, input, 'reopen') }),
    cancelTicket: async (_, { input }, ctx) => ({ ticket: await tickets.moveTicket(ctx, input, 'cancel') }),
    closeTicket: async (_, { input }, ctx) => ({ ticket: await tickets.moveTicket(ctx, input, 'close') }),
    rateTicket: async (_, { input }, ctx) => ({ ticket: await tickets.rateTicket(ctx, input) }),
  },
  Ticket: {
    id: (t) => toGlobalId('Ticket', t.id),
    community: (t, _, ctx) => ctx.loaders.community.load(t.community.id).then(required),
    building: (t, _, ctx) => (t.building ? ctx.loaders.building.load(t.building.id) : null),
    household: (t, _, ctx) => (t.household ? ctx.loaders.household.load(t.household.id) : null),
    publicSpace: (t, _, ctx) => (t.publicSpace ? ctx.loaders.publicSpace.load(t.publicSpace.id) : null),
    grid: (t, _, ctx) => (t.grid ? ctx.loaders.grid.load(t.grid.id) : null),
    reporter: (t, _, ctx) => (t.reporterResident ? ctx.loaders.resident.load(t.reporterResident.id) : null),
    reporterStaff: (t, _, ctx) => (t.reporterStaff ? ctx.loaders.staff.load(t.reporterStaff.id) : null),
    assignee: (t, _, ctx) => (t.assignee ? ctx.loaders.staff.load(t.assignee.id) : null),
    slaBreached: (t) => tickets.slaBreached(t),
    rating: (t) => (t.ratingScore === null || t.ratingScore === undefined ? null : t),
    timeline: (t, args, ctx) => ticketTimeline(ctx, t, args),
    dispatch: () => null,
  },
  TicketRating: {
    score: (t) => t.ratingScore!,
    comment: (t) => t.ratingComment ?? null,
    ratedAt: (t) => t.ratedAt!,
  },
  TicketEvent: {
    id: (e) => Buffer.from(`TicketEvent:${e.id}`).toString('base64url'),
    fromStatus: (e) => e.fromStatus as never,
    toStatus: (e) => e.toStatus as never,
    actor: (e) => e,
    ticket: (e, _, ctx) => ctx.loaders.ticket.load(e.ticket.id).then(required),
  },
  TicketActor: {
    role: (e) => e.actorRole as never,
    staff: (e, _, ctx) => (e.actorStaff ? ctx.loaders.staff.load(e.actorStaff.id) : null),
    resident: (e, _, ctx) => (e.actorResident ? ctx.loaders.resident.load(e.actorResident.id) : null),
  },
  Community: { tickets: (c, args, ctx) => ticketsOf(ctx, 'community', c, args) },
  Grid: { tickets: (g, args, ctx) => ticketsOf(ctx, 'grid', g, args) },
  Building: { tickets: (b, args, ctx) => ticketsOf(ctx, 'building', b, args) },
  Household: { tickets: (h, args, ctx) => ticketsOf(ctx, 'household', h, args) },
  Resident: { tickets: (r, args, ctx) => ticketsOf(ctx, 'resident', r, args) },
};
