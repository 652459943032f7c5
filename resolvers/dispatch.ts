import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import * as dispatch from '../src/services/dispatch';
import { dispatchEventStream } from '../src/services/live';
import { encodeCursor } from '../src/events/log';
import type { DispatchEvent } from '../src/entities';
import type { Delivery } from '../src/events/subscriptions';
import { required } from './estates';

/** The log position each streamed event was read at, for its `cursor` field. */
const streamCursors = new WeakMap<DispatchEvent, number>();

export const dispatchResolvers: Resolvers = {
  Mutation: {
    raiseEmergency: (_, { input }, ctx) => dispatch.raiseEmergency(ctx, input).then(payload),
    acknowledgeDispatch: (_, { input }, ctx) => dispatch.moveDispatch(ctx, input, 'acknowledge').then(payload),
    arriveOnScene: (_, { input }, ctx) => dispatch.moveDispatch(ctx, input, 'arrive').then(payload),
    clearDispatch: (_, { input }, ctx) => dispatch.moveDispatch(ctx, input, 'clear').then(payload),
    setDuty: async (_, { input }, ctx) => ({ staff: await dispatch.setDuty(ctx, input) }),
  },
  Subscription: {
    dispatchEvents: {
      subscribe: (_, { communityCodes, after }, ctx) => dispatchEventStream(ctx, communityCodes, after) as never,
      // Each event is resolved in a context of its own, with its delivery's fresh identity map and loaders (src/events/execute.ts).
      resolve: async (delivery: Delivery) => {
        const event = await delivery.loaders.dispatchEvent.load(delivery.row.dispatch_event_id!).then(required);
        streamCursors.set(event, delivery.row.id);
        return event;
      },
    },
  },
  Dispatch: {
    id: (d) => toGlobalId('Dispatch', d.id),
    ticket: (d, _, ctx) => ctx.loaders.ticket.load(d.ticket.id).then(required),
    community: (d, _, ctx) => ctx.loaders.community.load(d.community.id).then(required),
    building: (d, _, ctx) => (d.building ? ctx.loaders.building.load(d.building.id) : null),
    publicSpace: (d, _, ctx) => (d.publicSpace ? ctx.loaders.publicSpace.load(d.publicSpace.id) : null),
    grid: (d, _, ctx) => (d.grid ? ctx.loaders.grid.load(d.grid.id) : null),
    household: (d, _, ctx) => (d.household ? ctx.loaders.household.load(d.household.id) : null),
    units: (d, _, ctx, info) => dispatch.dispatchUnits(ctx, d, info),
    withinTarget: (d) => dispatch.withinTarget(d),
    timeline: (d, args, ctx, info) => dispatch.dispatchTimeline(ctx, d, args, info),
  },
  DispatchUnit: {
    staff: (u, _, ctx) => ctx.loaders.staff.load(u.staff.id).then(required),
  },
  DispatchEvent: {
    id: (e) => Buffer.from(`DispatchEvent:${e.id}`).toString('base64url'),
    cursor: async (e, _, ctx) => {
      const id = streamCursors.get(e) ?? (await ctx.loaders.logIdByDispatchEvent.load(e.id));
      return id === null ? null : encodeCursor(id);
    },
    fromStatus: (e) => e.fromStatus ?? null,
    toStatus: (e) => e.toStatus ?? null,
    unit: (e, _, ctx) => (e.staff ? ctx.loaders.staff.load(e.staff.id) : null),
    dispatch: (e, _, ctx) => ctx.loaders.dispatch.load(e.dispatch.id).then(required),
  },
  Ticket: {
    dispatch: (t, _, ctx) => dispatch.dispatchOfTicket(ctx, t),
  },
  Community: {
    dispatches: (c, args, ctx, info) => dispatch.communityDispatches(ctx, c, args, info),
  },
};

/** A mutation's answer: the dispatch and the stream cursor of the last event the change appended. */
function payload({ dispatch: d, logId }: dispatch.DispatchChange) {
  return { dispatch: d, cursor: logId === null ? null : encodeCursor(logId) };
}
