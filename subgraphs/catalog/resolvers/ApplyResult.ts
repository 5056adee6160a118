import type { ApplyResultResolvers } from '../generated/resolvers';
import type { EntityRecord } from '../data/entityRecord';
import { catalogLoaders } from '../loaders';

export const ApplyResult: ApplyResultResolvers = {
  refs: (outcome) => outcome.entities.map((entity) => entity.ref),
  // Read back through a fresh load: the answer shows what the next query will see.
  entities: async (outcome, _, context) => {
    if (!outcome.applied) return [];
    const records = await catalogLoaders(context).entityByRef.loadMany(outcome.entities.map((entity) => entity.ref));
    return records.filter((record): record is EntityRecord => record !== null && !(record instanceof Error));
  },
  relations: (outcome) => outcome.entities.flatMap((entity) => entity.relations),
  errors: (outcome) => outcome.problems,
};
