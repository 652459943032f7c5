import type { Resolvers } from '../src/generated/graphql';
import { recordSurvey, satisfactionFigures } from '../src/services/satisfaction';
import { describePeriod } from '../src/services/satisfaction-periods';
import { required } from './estates';

export const satisfactionResolvers: Resolvers = {
  Query: {
    satisfaction: (_, { filter }, ctx) => satisfactionFigures(ctx, filter),
  },
  Mutation: {
    recordSurvey: (_, { input }, ctx) => recordSurvey(ctx, input),
  },
  SatisfactionSurvey: {
    community: (s, _, ctx) => ctx.loaders.community.load(s.community.id).then(required),
    period: (s) => describePeriod(s.unit, s.startsOn).period,
    periodStart: (s) => s.startsOn,
    periodEnd: (s) => describePeriod(s.unit, s.startsOn).periodEnd,
  },
};
