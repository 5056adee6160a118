import type { CheckResolvers, ScorecardLevel } from '../generated/resolvers';

export const Check: CheckResolvers = {
  level: (check) => check.level.toUpperCase() as ScorecardLevel,
};
