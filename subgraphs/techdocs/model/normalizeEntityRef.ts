import { InputError } from '../../../kit';

const FULL_REF = /^[^\s:/]+:[^\s:/]+\/[^\s:/]+$/;

/**
 * The canonical form of a ref a caller sends (`kind:namespace/name`, lower-cased), the form
 * the catalog keys entities by. This plugin may not use the catalog's parser, so it only
 * checks the shape; an unknown entity is simply one with no docs.
 */
export function normalizeEntityRef(ref: string): string {
  const canonical = ref.trim().toLowerCase();
  if (!FULL_REF.test(canonical)) {
    throw new InputError(`"entityRef" must be a full entity ref, kind:namespace/name, got "${ref}"`);
  }
  return canonical;
}
