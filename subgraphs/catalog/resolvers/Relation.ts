import type { RelationResolvers } from '../generated/resolvers';
import { catalogLoaders } from '../loaders';

export const Relation: RelationResolvers = {
  target: (relation, _, context) => catalogLoaders(context).entityByRef.load(relation.targetRef),
};
