import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import * as care from '../src/services/care';
import { careEventStream } from '../src/services/live';
import { encodeCursor } from '../src/events/log';
import type { CareEvent } from '../src/entities';
import type { Delivery } from '../src/events/subscriptions';
import { required } from './estates';

/** The log position each streamed event was read at, for its `cursor` field. */
const streamCursors = new WeakMap<CareEvent, number>();

export const careResolvers: Resolvers = {
  Mutation: {
    setCarePlan: async (_, { input }, ctx) => ({ plan: await care.setCarePlan(ctx, input) }),
    endCarePlan: async (_, { input }, ctx) => ({ plan: await care.endCarePlan(ctx, input) }),
    recordCareVisit: async (_, { input }, ctx) => {
      const { visit, logId } = await care.recordCareVisit(ctx, input);
      return { visit, cursor: logId === null ? null : encodeCursor(logId) };
    },
  },
  Subscription: {
    careEvents: {
      subscribe: (_, { communityCodes, after }, ctx) => careEventStream(ctx, communityCodes, after) as never,
      // Each event is resolved in a context of its own, with its delivery's fresh identity map and loaders (src/events/execute.ts).
      resolve: async (delivery: Delivery) => {
        const event = await delivery.loaders.careEvent.load(delivery.row.care_event_id!).then(required);
        streamCursors.set(event, delivery.row.id);
        return event;
      },
    },
  },
  CarePlan: {
    id: (p) => toGlobalId('CarePlan', p.id),
    nextDueAt: (p) => p.nextDueAt ?? null,
    note: (p) => p.note ?? null,
    household: (p, _, ctx) => ctx.loaders.household.load(p.household.id),
    visits: (p, args, ctx) => care.planVisits(ctx, p, args),
  },
  CareVisit: {
    id: (v) => toGlobalId('CareVisit', v.id),
    plan: (v, _, ctx) => ctx.loaders.carePlan.load(v.plan.id).then(required),
    household: (v, _, ctx) => ctx.loaders.household.load(v.household.id),
    overdue: (v) => care.isOverdue(v),
    outcome: (v) => v.outcome ?? null,
    outcomeNote: (v) => v.outcomeNote ?? null,
    recordedBy: (v, _, ctx) => (v.recordedBy ? ctx.loaders.staff.load(v.recordedBy.id) : null),
    doneOnTime: (v) => care.doneOnTime(v),
    steward: (v, _, ctx) => (v.steward ? ctx.loaders.staff.load(v.steward.id) : null),
    ticket: (v, _, ctx) => (v.ticket ? ctx.loaders.ticket.load(v.ticket.id) : null),
    events: (v, _, ctx) => care.visitEvents(ctx, v),
  },
  CareEvent: {
    id: (e) => Buffer.from(`CareEvent:${e.id}`).toString('base64url'),
    cursor: async (e, _, ctx) => {
      const id = streamCursors.get(e) ?? (await ctx.loaders.logIdByCareEvent.load(e.id));
      return id === null ? null : encodeCursor(id);
    },
    staff: (e, _, ctx) => (e.staff ? ctx.loaders.staff.load(e.staff.id) : null),
    visit: (e, _, ctx) => ctx.loaders.careVisit.load(e.visit.id).then(required),
  },
  Household: {
    carePlans: (h, _, ctx) => care.householdCarePlans(ctx, h),
  },
  Community: {
    careVisits: (c, { filter, ...args }, ctx) => care.communityCareVisits(ctx, c, filter, args),
  },
};
