import type { ScorecardLevel, ScorecardResolvers } from '../generated/resolvers';

const upper = (level: string | null) => (level ? (level.toUpperCase() as ScorecardLevel) : null);

export const Scorecard: ScorecardResolvers = {
  level: (card) => upper(card.level),
  nextLevel: (card) => upper(card.nextLevel),
  passed: (card) => card.results.filter((result) => result.status === 'PASS').length,
  failed: (card) => card.results.filter((result) => result.status === 'FAIL').length,
  unknown: (card) => card.results.filter((result) => result.status === 'UNKNOWN').length,
  evaluatedAt: (card) => card.evaluatedAt.toISOString(),
};
