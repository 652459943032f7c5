import type { Resolvers } from '../src/generated/graphql';
import * as figures from '../src/services/figures';

export const figureResolvers: Resolvers = {
  Community: {
    figures: (c, { from, to }, ctx) => figures.figuresScope(ctx, c, from, to),
  },
  EstateFigures: {
    from: (s) => s.from.toISOString().slice(0, 10),
    to: (s) => s.to.toISOString().slice(0, 10),
    care: (s, _, ctx) => figures.careFigures(ctx, s),
    patrols: (s, _, ctx) => figures.patrolFigures(ctx, s),
    drills: (s, _, ctx) => figures.drillFigures(ctx, s),
    tickets: (s, _, ctx) => figures.ticketLevelFigures(ctx, s),
    liaison: (s, _, ctx) => figures.liaisonFigures(ctx, s),
  },
};
