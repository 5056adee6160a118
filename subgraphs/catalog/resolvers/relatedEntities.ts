import type { CatalogContext } from '../context';
import { descriptorOf, type EntityRecord } from '../data/entityRecord';
import { relationsFrom } from '../changes/historicalRecord';
import { catalogLoaders } from '../loaders';

/**
 * Targets of `record`'s relations of one type, optionally only those of one kind (a
 * typed field such as `System.components` must not return an API). Dangling targets are
 * left out here; `relations` still lists them.
 */
export async function relatedEntities(
  record: EntityRecord,
  relationType: string,
  context: CatalogContext,
  kind?: string,
): Promise<EntityRecord[]> {
  const loaders = catalogLoaders(context);
  const relations = await relationsFrom(record, context);
  const targets = await loaders.entityByRef.loadMany(
    relations.filter((relation) => relation.type === relationType).map((relation) => relation.targetRef),
  );
  return targets.filter(
    (target): target is EntityRecord => target !== null && !(target instanceof Error) && (kind === undefined || target.kind === kind),
  );
}

/** The single target of a to-one relation (an owner, a system), or null. */
export async function relatedEntity(record: EntityRecord, relationType: string, context: CatalogContext, kind?: string) {
  return (await relatedEntities(record, relationType, context, kind))[0] ?? null;
}

/** A string field of the spec, or null. */
export function specString(record: EntityRecord, field: string): string | null {
  const value = descriptorOf(record).spec?.[field];
  return typeof value === 'string' ? value : null;
}
