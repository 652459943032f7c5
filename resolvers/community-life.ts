import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import { encodeCursor } from '../src/events/log';
import { entityNameOf } from '../src/db/rows';
import { SERVICE_DAY_KINDS, type CommunityEventChange } from '../src/entities';
import type { Delivery } from '../src/events/subscriptions';
import * as life from '../src/services/community-life';
import * as events from '../src/services/community-events';
import * as groups from '../src/services/groups';
import * as figures from '../src/services/community-figures';
import { raiseReceptionIssue } from '../src/services/reception-days';
import { communityLifeStream } from '../src/services/live';
import { bookingStreamCursors } from './spaces';
import { required } from './estates';

/** The log position each streamed event change was read at, for its `cursor` field. */
const streamCursors = new WeakMap<CommunityEventChange, number>();

const cursorOf = (logId: number | null) => (logId === null ? null : encodeCursor(logId));

export const communityLifeResolvers: Resolvers = {
  Query: {
    communityLifeFigures: (_, { filter }, ctx) => figures.communityLifeFigures(ctx, filter),
  },
  Mutation: {
    scheduleEvent: (_, { input }, ctx) => events.scheduleEvent(ctx, input).then(({ event, logId }) => ({ event, cursor: cursorOf(logId) })),
    cancelEvent: (_, { input }, ctx) => events.cancelEvent(ctx, input).then(({ event, logId }) => ({ event, cursor: cursorOf(logId) })),
    registerForEvent: (_, { input }, ctx) => events.registerForEvent(ctx, input).then(registrationPayload),
    cancelRegistration: (_, { input }, ctx) => events.cancelRegistration(ctx, input).then(registrationPayload),
    recordAttendance: (_, { input }, ctx) => events.recordAttendance(ctx, input).then(registrationPayload),
    raiseReceptionIssue: (_, { input }, ctx) => raiseReceptionIssue(ctx, input).then(({ ticket, event, logId }) => ({ ticket, event, cursor: cursorOf(logId) })),
    createGroup: async (_, { input }, ctx) => ({ group: await groups.createGroup(ctx, input) }),
    joinGroup: async (_, { input }, ctx) => ({ group: await groups.joinGroup(ctx, input) }),
    leaveGroup: async (_, { input }, ctx) => ({ group: await groups.leaveGroup(ctx, input) }),
  },
  Subscription: {
    communityLifeChanges: {
      subscribe: (_, { filter, after }, ctx) => communityLifeStream(ctx, filter, after) as never,
      // Each change is resolved in a context of its own, with its delivery's fresh identity map and loaders (src/events/execute.ts).
      resolve: async (delivery: Delivery) => {
        const { row } = delivery;
        if (row.kind === 'BOOKING') {
          const change = await delivery.loaders.bookingChange.load(row.booking_change_id!).then(required);
          bookingStreamCursors.set(change, row.id);
          return change;
        }
        const change = await delivery.loaders.communityEventChange.load(row.community_event_change_id!).then(required);
        streamCursors.set(change, row.id);
        return change;
      },
    },
  },
  CommunityLifeChange: {
    __resolveType: (change) => entityNameOf(change) as 'BookingChange' | 'CommunityEventChange',
  },
  Community: {
    groups: (c, _, ctx) => life.communityGroups(ctx, c),
    events: (c, { from, to, kinds, programme, ...args }, ctx) =>
      life.communityEvents(ctx, c, { from: from == null ? null : new Date(from), to: to == null ? null : new Date(to), kinds, programme }, args),
  },
  Resident: {
    groups: (r, _, ctx) => life.residentGroups(ctx, r),
    registrations: (r, args, ctx) => life.residentRegistrations(ctx, r, args),
  },
  ResidentGroup: {
    id: (g) => toGlobalId('ResidentGroup', g.id),
    community: (g, _, ctx) => ctx.loaders.community.load(g.community.id).then(required),
    leader: (g, _, ctx) => (g.leader ? ctx.loaders.resident.load(g.leader.id) : null),
    liaison: (g, _, ctx) => (g.liaison ? ctx.loaders.staff.load(g.liaison.id) : null),
    memberCount: (g, _, ctx) => life.groupMemberCount(ctx, g),
    members: (g, args, ctx) => life.groupMembers(ctx, g, args),
  },
  GroupMember: {
    resident: (m, _, ctx) => ctx.loaders.resident.load(m.resident.id),
    group: (m, _, ctx) => ctx.loaders.residentGroup.load(m.group.id).then(required),
  },
  CommunityEvent: {
    id: (e) => toGlobalId('CommunityEvent', e.id),
    serviceDay: (e) => SERVICE_DAY_KINDS.includes(e.kind),
    space: (e, _, ctx) => ctx.loaders.publicSpace.load(e.publicSpace.id).then(required),
    community: (e, _, ctx) => ctx.loaders.community.load(e.community.id).then(required),
    group: (e, _, ctx) => (e.group ? ctx.loaders.residentGroup.load(e.group.id) : null),
    organiser: (e, _, ctx) => (e.organiser ? ctx.loaders.staff.load(e.organiser.id) : null),
    booking: (e, _, ctx) => (e.booking ? ctx.loaders.booking.load(e.booking.id) : null),
    confirmedCount: (e, _, ctx) => life.registrationCount(ctx, e, 'confirmed'),
    waitlistedCount: (e, _, ctx) => life.registrationCount(ctx, e, 'waitlisted'),
    attendedCount: (e, _, ctx) => life.registrationCount(ctx, e, 'attended'),
    placesLeft: async (e, _, ctx) => Math.max(0, e.capacity - (await life.registrationCount(ctx, e, 'confirmed'))),
    registrations: (e, { statuses, ...args }, ctx) => life.eventRegistrations(ctx, e, statuses, args),
    issues: (e, _, ctx) => life.eventIssues(ctx, e),
    changes: (e, args, ctx) => life.eventChanges(ctx, e, args),
  },
  EventRegistration: {
    id: (r) => toGlobalId('EventRegistration', r.id),
    event: (r, _, ctx) => ctx.loaders.communityEvent.load(r.event.id).then(required),
    community: (r, _, ctx) => ctx.loaders.community.load(r.community.id).then(required),
    resident: (r, _, ctx) => (r.resident ? ctx.loaders.resident.load(r.resident.id) : null),
  },
  CommunityEventChange: {
    id: (c) => Buffer.from(`CommunityEventChange:${c.id}`).toString('base64url'),
    cursor: async (c, _, ctx) => {
      const id = streamCursors.get(c) ?? (await ctx.loaders.logIdByCommunityEventChange.load(c.id));
      return id === null ? null : encodeCursor(id);
    },
    event: (c, _, ctx) => ctx.loaders.communityEvent.load(c.event.id).then(required),
    registration: (c, _, ctx) => (c.registration ? ctx.loaders.eventRegistration.load(c.registration.id) : null),
    ticket: (c, _, ctx) => (c.ticket ? ctx.loaders.ticket.load(c.ticket.id) : null),
  },
  CommunityLifeFigures: {
    spaceUtilisation: (f, _, ctx) => figures.spaceUtilisation(ctx, f),
    eventAttendance: (f, _, ctx) => figures.eventAttendance(ctx, f),
    groupMembership: (f, _, ctx) => figures.groupMembership(ctx, f),
  },
  SpaceUtilisation: {
    community: (r, _, ctx) => ctx.loaders.community.load(r.communityId).then(required),
    space: (r, _, ctx) => ctx.loaders.publicSpace.load(r.spaceId).then(required),
  },
  EventAttendance: {
    community: (r, _, ctx) => ctx.loaders.community.load(r.communityId).then(required),
  },
  GroupMembership: {
    community: (r, _, ctx) => ctx.loaders.community.load(r.communityId).then(required),
  },
};

function registrationPayload({ registration, promoted, logId }: events.RegistrationResult) {
  return { registration, promoted, cursor: cursorOf(logId) };
}
