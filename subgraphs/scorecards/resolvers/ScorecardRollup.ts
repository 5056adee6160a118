import type { ScorecardLevel, ScorecardRollupResolvers } from '../generated/resolvers';

export const ScorecardRollup: ScorecardRollupResolvers = {
  // A reference the gateway completes from the catalog.
  group: (rollup) => (rollup.groupRef ? { ref: rollup.groupRef } : null),
  levels: (rollup) => rollup.levels.map(({ level, count }) => ({ level: level ? (level.toUpperCase() as ScorecardLevel) : null, count })),
};
