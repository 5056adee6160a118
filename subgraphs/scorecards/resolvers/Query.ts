import type { QueryResolvers } from '../generated/resolvers';
import { scorecardsLoaders } from '../loaders';
import { RULES } from '../rules/ruleRegistry';
import { scoreCatalog } from '../scoring/scoreCatalog';

export const Query: QueryResolvers = {
  checks: (_, __, context) => scorecardsLoaders(context).checks(),
  checkRules: () =>
    [...RULES.values()]
      .map((rule) => ({ name: rule.name, description: rule.description, facts: [...rule.facts] }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  scorecardRollup: (_, { groupBy, kind }, context) => scoreCatalog(context, groupBy, kind ?? null),
};
