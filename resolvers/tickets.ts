import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import * as tickets from '../src/services/tickets';
import { ticketByNumber, ticketTimeline, ticketsOf, listTickets } from '../src/services/ticket-queries';
import { encodeCursor } from '../src/events/log';
import { present, required } from './estates';

export const ticketResolvers: Resolvers = {
  Query: {
    tickets: (_, { filter, ...args }, ctx, info) => listTickets(ctx, filter, args, info),
    ticket: (_, { number }, ctx) => ticketByNumber(ctx, number),
  },
  Mutation: {
    submitTicket: (_, { input }, ctx) => tickets.submitTicket(ctx, input).then(payload),
    acknowledgeTicket: (_, { input }, ctx) => tickets.moveTicket(ctx, input, 'acknowledge').then(payload),
    assignTicket: (_, { input }, ctx) => tickets.assignTicket(ctx, input).then(payload),
    startTicket: (_, { input }, ctx) => tickets.moveTicket(ctx, input, 'start').then(payload),
    resolveTicket: (_, { input }, ctx) => tickets.moveTicket(ctx, input, 'resolve').then(payload),
    reopenTicket: (_, { input }, ctx) => tickets.moveTicket(ctx, input, 'reopen').then(payload),
    cancelTicket: (_, { input }, ctx) => tickets.moveTicket(ctx, input, 'cancel').then(payload),
    closeTicket: (_, { input }, ctx) => tickets.moveTicket(ctx, input, 'close').then(payload),
    rateTicket: (_, { input }, ctx) => tickets.rateTicket(ctx, input).then(payload),
  },
  Ticket: {
    id: (t) => toGlobalId('Ticket', t.id),
    community: (t, _, ctx) => present(ctx.loaders.now(ctx.loaders.community, t.community.id)),
    building: (t, _, ctx) => (t.building ? ctx.loaders.now(ctx.loaders.building, t.building.id) : null),
    household: (t, _, ctx) => (t.household ? ctx.loaders.now(ctx.loaders.household, t.household.id) : null),
    publicSpace: (t, _, ctx) => (t.publicSpace ? ctx.loaders.now(ctx.loaders.publicSpace, t.publicSpace.id) : null),
    grid: (t, _, ctx) => (t.grid ? ctx.loaders.now(ctx.loaders.grid, t.grid.id) : null),
    reporter: (t, _, ctx) => (t.reporterResident ? ctx.loaders.now(ctx.loaders.resident, t.reporterResident.id) : null),
    reporterStaff: (t, _, ctx) => (t.reporterStaff ? ctx.loaders.now(ctx.loaders.staff, t.reporterStaff.id) : null),
    assignee: (t, _, ctx) => (t.assignee ? ctx.loaders.now(ctx.loaders.staff, t.assignee.id) : null),
    slaBreached: (t) => tickets.slaBreached(t),
    rating: (t) => (t.ratingScore === null || t.ratingScore === undefined ? null : t),
    timeline: (t, args, ctx, info) => ticketTimeline(ctx, t, args, info),
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
  Community: { tickets: (c, args, ctx, info) => ticketsOf(ctx, 'community', c, args, info) },
  Grid: { tickets: (g, args, ctx, info) => ticketsOf(ctx, 'grid', g, args, info) },
  Building: { tickets: (b, args, ctx, info) => ticketsOf(ctx, 'building', b, args, info) },
  Household: { tickets: (h, args, ctx, info) => ticketsOf(ctx, 'household', h, args, info) },
  Resident: { tickets: (r, args, ctx, info) => ticketsOf(ctx, 'resident', r, args, info) },
};

/** A mutation's answer: the ticket and the stream cursor of the last event the change appended. */
function payload({ ticket, logId }: tickets.TicketChange) {
  return { ticket, cursor: logId === null ? null : encodeCursor(logId) };
}
