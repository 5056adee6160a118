import { isAllowed, NotAllowedError, requestAccess, requestScoped, type SqlReads } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { countEntities } from '../data/countEntities';
import { permissionFilterSql } from '../data/permissionConditionSql';
import type { CatalogContext } from '../context';
import { CATALOG_ACTIONS } from './catalogActions';

/**
 * The caller's catalog permissions for one request. `readable` is the condition every
 * entity read ANDs in (null: nothing hidden), computed once per request.
 */
export const catalogAccess = requestScoped((context: CatalogContext) => {
  const access = requestAccess(context);
  return {
    readable: permissionFilterSql(access.authorize(CATALOG_ACTIONS.entityRead)),
    /** Whether a basic action is allowed outright (reads of locations: denied means empty). */
    allows: (action: string) => isAllowed(access.authorize(action)),
    /** Throws FORBIDDEN unless a basic action is allowed outright. */
    require(action: string): void {
      if (!isAllowed(access.authorize(action))) throw forbidden(action);
    },
    /**
     * Throws FORBIDDEN unless the action is allowed on every entity `where` selects
     * (a condition on `e`): allowed outright, or conditionally and they all match.
     */
    async requireOnEntities(reads: SqlReads, action: string, where: Prisma.Sql): Promise<void> {
      const decision = access.authorize(action);
      if (decision.result === 'DENY') throw forbidden(action);
      const allowed = permissionFilterSql(decision);
      if (allowed === null) return;
      const refused = await countEntities(reads, Prisma.sql`(${where}) AND (${allowed}) IS NOT TRUE`);
      if (refused > 0) throw forbidden(action);
    },
  };
});

function forbidden(action: string): NotAllowedError {
  return new NotAllowedError(`Not allowed: ${action}`, { action });
}
