import type { Resolvers } from '../src/generated/graphql';
import { toGlobalId } from '../src/ids';
import * as patrols from '../src/services/patrols';
import { encodeCursor } from '../src/events/log';
import { required } from './estates';

export const patrolResolvers: Resolvers = {
  Mutation: {
    createPatrolRoute: async (_, { input }, ctx) => ({ route: await patrols.createPatrolRoute(ctx, input) }),
    startPatrol: async (_, { input }, ctx) => ({ run: await patrols.startPatrol(ctx, input) }),
    passCheckpoint: async (_, { input }, ctx) => ({ run: await patrols.passCheckpoint(ctx, input) }),
    finishPatrol: async (_, { input }, ctx) => ({ run: await patrols.finishPatrol(ctx, input) }),
    reportAnomaly: async (_, { input }, ctx) => {
      const { anomaly, logId } = await patrols.reportAnomaly(ctx, input);
      return { anomaly, cursor: logId === null ? null : encodeCursor(logId) };
    },
  },
  PatrolRoute: {
    id: (r) => toGlobalId('PatrolRoute', r.id),
    checkpoints: (r, _, ctx) => patrols.routeCheckpoints(ctx, r),
    nextStartDueAt: (r, _, ctx) => patrols.nextStartDueAt(ctx, r),
    overdue: (r, _, ctx) => patrols.routeOverdue(ctx, r),
    currentRun: async (r, _, ctx) => {
      const last = await patrols.lastRun(ctx, r);
      return last?.status === 'IN_PROGRESS' ? last : null;
    },
    runs: (r, args, ctx) => patrols.routeRuns(ctx, r, args),
    community: (r, _, ctx) => ctx.loaders.community.load(r.community.id).then(required),
  },
  PatrolCheckpoint: {
    id: (c) => toGlobalId('PatrolCheckpoint', c.id),
    building: (c, _, ctx) => (c.building ? ctx.loaders.building.load(c.building.id) : null),
    publicSpace: (c, _, ctx) => (c.publicSpace ? ctx.loaders.publicSpace.load(c.publicSpace.id) : null),
    route: (c, _, ctx) => ctx.loaders.patrolRoute.load(c.route.id).then(required),
  },
  PatrolRun: {
    id: (r) => toGlobalId('PatrolRun', r.id),
    route: (r, _, ctx) => ctx.loaders.patrolRoute.load(r.route.id).then(required),
    staff: (r, _, ctx) => ctx.loaders.staff.load(r.staff.id).then(required),
    finishedAt: (r) => r.finishedAt ?? null,
    passes: (r, _, ctx) => patrols.runPasses(ctx, r),
    passedCount: async (r, _, ctx) => (await patrols.runPasses(ctx, r)).filter((p) => p.status === 'PASSED').length,
    missedCount: async (r, _, ctx) => (await patrols.runPasses(ctx, r)).filter((p) => p.status === 'MISSED').length,
    anomalies: (r, _, ctx) => patrols.runAnomalies(ctx, r),
  },
  PatrolPass: {
    checkpoint: (p, _, ctx) => ctx.loaders.patrolCheckpoint.load(p.checkpoint.id).then(required),
    passedAt: (p) => p.passedAt ?? null,
  },
  PatrolAnomaly: {
    id: (a) => Buffer.from(`PatrolAnomaly:${a.id}`).toString('base64url'),
    checkpoint: (a, _, ctx) => ctx.loaders.patrolCheckpoint.load(a.checkpoint.id).then(required),
    note: (a) => a.note ?? null,
    staff: (a, _, ctx) => ctx.loaders.staff.load(a.staff.id).then(required),
    ticket: (a, _, ctx) => ctx.loaders.ticket.load(a.ticket.id).then(required),
  },
  Community: {
    patrolRoutes: (c, _, ctx) => patrols.communityRoutes(ctx, c),
  },
};
