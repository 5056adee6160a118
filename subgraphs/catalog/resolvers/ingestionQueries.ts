import { InputError } from '../../../kit';
import type { QueryResolvers } from '../generated/resolvers';
import { normalizeEntityRef } from '../model/entityRef';
import { CATALOG_ACTIONS } from '../permissions/catalogActions';
import { catalogAccess } from '../permissions/catalogAccess';

const MAX_ERRORS_PAGE = 500;

/** Query fields about ingestion (the `extend type Query` in schema.graphql). */
export const ingestionQueries: Pick<QueryResolvers, 'ingestionErrors' | 'ingestionProgress'> = {
  ingestionErrors: (_, { entityRef, first }, context) => {
    const take = first ?? 100;
    if (!Number.isInteger(take) || take < 1 || take > MAX_ERRORS_PAGE) {
      throw new InputError(`"first" must be between 1 and ${MAX_ERRORS_PAGE}, got ${take}`);
    }
    const ref = entityRef ? normalizeEntityRef(entityRef) : undefined;
    if (ref === null) throw new InputError(`"${entityRef}" is not an entity ref`);
    // Errors name files and entities of locations: readable with location reads only.
    if (!catalogAccess(context).allows(CATALOG_ACTIONS.locationRead)) return [];
    return context.prisma.ingestionError.findMany({
      where: ref ? { entityRef: ref } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take,
    });
  },
  ingestionProgress: (_, _args, context) => {
    // Targets name files and URLs of locations: readable with location reads only.
    if (!catalogAccess(context).allows(CATALOG_ACTIONS.locationRead)) return [];
    return context.ingestion.progress().map((read) => ({
      ...read,
      startedAt: read.startedAt.toISOString(),
      finishedAt: read.finishedAt?.toISOString() ?? null,
    }));
  },
};
