/**
 * Backstage's NoForeignRootFieldsEntityPolicy. Its default only knows the four
 * fields an author writes; relations and status are produced by the catalog
 * itself, so a descriptor that carries them is rejected.
 */

export const KNOWN_ROOT_FIELDS: readonly string[] = ['apiVersion', 'kind', 'metadata', 'spec'];

export function findForeignRootFields(
  entity: object,
  knownFields: readonly string[] = KNOWN_ROOT_FIELDS,
): string[] {
  return Object.keys(entity)
    .filter(field => !knownFields.includes(field))
    .map(field => `Unknown field ${field}`);
}
