/**
 * The federation entry point's guard: a representation (`_entities` input) must carry
 * a well-formed ref, and its `__typename` must be `Entity` or the type its ref's kind
 * has. Decided from the representation alone, so an answer never tells whether an
 * entity exists (or is hidden); a mistake is `BAD_USER_INPUT` with what was wrong,
 * not a masked internal error.
 */
import { InputError } from '../../../kit';
import { normalizeEntityRef, parseEntityRef } from '../model/entityRef';
import { graphQLTypeOfKind } from './graphQLTypeOfKind';

/** Longer than any valid ref (three parts of at most 63 characters). */
const MAX_REF_LENGTH = 256;

export function checkRepresentation(reference: { __typename?: unknown; ref?: unknown }): string {
  const { ref, __typename: typename } = reference;
  if (typeof ref !== 'string' || !ref || ref.length > MAX_REF_LENGTH) {
    throw new InputError(`Malformed representation: "ref" must be an entity ref string (kind:namespace/name) of at most ${MAX_REF_LENGTH} characters`);
  }
  const canonical = normalizeEntityRef(ref);
  if (!canonical) throw new InputError(`Malformed representation: "${ref}" is not an entity ref; expected kind:namespace/name`);
  const expected = graphQLTypeOfKind(parseEntityRef(canonical).kind);
  if (typename !== 'Entity' && typename !== expected) {
    throw new InputError(`Representation of ${canonical} names type ${String(typename)}; a ${canonical.split(':')[0]} entity is ${expected} (or ask for Entity)`);
  }
  return canonical;
}
