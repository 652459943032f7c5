import type { Resolvers } from '../src/generated/graphql';
import type { Delivery } from '../src/events/subscriptions';
import { encodeCursor } from '../src/events/log';
import { ticketEventStream } from '../src/services/live';
import type { TicketEvent } from '../src/entities';
import { required } from './estates';

/** The log position each streamed event was read at, for its `cursor` field. */
const streamCursors = new WeakMap<TicketEvent, number>();

export const liveResolvers: Resolvers = {
  Subscription: {
    ticketEvents: {
      subscribe: (_, { filter, after }, ctx) => ticketEventStream(ctx, filter, after) as never,
      // Each event is resolved in a context of its own, with its delivery's fresh identity map and loaders (src/events/execute.ts).
      resolve: async (delivery: Delivery) => {
        const event = await delivery.loaders.ticketEvent.load(delivery.row.ticket_event_id!).then(required);
        streamCursors.set(event, delivery.row.id);
        return event;
      },
    },
  },
  TicketEvent: {
    cursor: async (e, _, ctx) => {
      const id = streamCursors.get(e) ?? (await ctx.loaders.logIdByTicketEvent.load(e.id));
      return id === null ? null : encodeCursor(id);
    },
  },
};
