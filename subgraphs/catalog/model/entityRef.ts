/**
 * Entity references, following Backstage's packages/catalog-model/src/entity/ref.ts.
 *
 * A reference is "[<kind>:][<namespace>/]<name>". Parsing keeps the case it was
 * given; stringifying is the one canonical (lower-cased) form used as a key
 * everywhere in the catalog, so refs must only ever be printed through it.
 */

export interface CompoundEntityRef {
  kind: string;
  namespace: string;
  name: string;
}

export const DEFAULT_NAMESPACE = 'default';

// Same shapes validateEntity enforces on metadata; a ref that breaks them can
// never point at a stored entity, so normalizeEntityRef rejects it early.
const KIND_PATTERN = /^[a-z][a-z0-9]*$/;
// Backstage's DNS label rule allows repeated dashes (`a--b`).
const NAMESPACE_PATTERN = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
const NAME_PATTERN = /^([a-z0-9][-a-z0-9_.]*)?[a-z0-9]$/;
const MAX_PART_LENGTH = 63;

interface PartialRef {
  kind?: string;
  namespace?: string;
  name: string;
}

function parseRefString(ref: string): PartialRef {
  let colonI = ref.indexOf(':');
  const slashI = ref.indexOf('/');

  // A colon after the slash belongs to the name ("ns/a:b" is name "a:b").
  if (slashI !== -1 && slashI < colonI) {
    colonI = -1;
  }

  const kind = colonI === -1 ? undefined : ref.slice(0, colonI);
  const namespace = slashI === -1 ? undefined : ref.slice(colonI + 1, slashI);
  const name = ref.slice(Math.max(colonI + 1, slashI + 1));

  if (kind === '' || namespace === '' || name === '') {
    throw new TypeError(
      `Entity reference "${ref}" was not on the form [<kind>:][<namespace>/]<name>`,
    );
  }
  return { kind, namespace, name };
}

/**
 * Backstage's parseEntityRef. Missing parts come from the context; the
 * namespace falls back to "default" even without a context, the kind does not.
 * Backstage throws plain Error for missing parts; we throw TypeError (a
 * subclass) with the same messages so callers can catch either.
 */
export function parseEntityRef(
  ref: string | { kind?: string; namespace?: string; name: string },
  context?: { defaultKind?: string; defaultNamespace?: string },
): CompoundEntityRef {
  if (!ref) {
    throw new TypeError('Entity reference must not be empty');
  }

  const defaultKind = context?.defaultKind;
  const defaultNamespace = context?.defaultNamespace || DEFAULT_NAMESPACE;

  const parsed: PartialRef = typeof ref === 'string' ? parseRefString(ref) : ref;
  const kind = parsed.kind ?? defaultKind;
  const namespace = parsed.namespace ?? defaultNamespace;
  const name = parsed.name;

  if (!kind) {
    throw new TypeError(
      `Entity reference ${JSON.stringify(ref)} had missing or empty kind (e.g. did not start with "component:" or similar)`,
    );
  } else if (!namespace) {
    throw new TypeError(
      `Entity reference ${JSON.stringify(ref)} had missing or empty namespace`,
    );
  } else if (!name) {
    throw new TypeError(
      `Entity reference ${JSON.stringify(ref)} had missing or empty name`,
    );
  }
  return { kind, namespace, name };
}

/** The canonical, lower-cased "kind:namespace/name". The only place refs are printed. */
export function stringifyEntityRef(ref: {
  kind: string;
  namespace?: string;
  name: string;
}): string {
  const kind = ref.kind.toLocaleLowerCase('en-US');
  const namespace = (ref.namespace ?? DEFAULT_NAMESPACE).toLocaleLowerCase('en-US');
  const name = ref.name.toLocaleLowerCase('en-US');
  return `${kind}:${namespace}/${name}`;
}

/**
 * Lenient parsing for user input such as `entity(ref:)`: "kind:namespace/name"
 * or "kind:name" (default namespace), any case, surrounding whitespace ignored.
 * Returns the canonical string, or null when the input cannot name an entity
 * (no kind, or a part that breaks Backstage's kind/namespace/name formats).
 */
export function normalizeEntityRef(input: string): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (!trimmed) return null;

  let parsed: CompoundEntityRef;
  try {
    // No default kind: user input without a kind cannot be resolved.
    parsed = parseEntityRef(trimmed, { defaultNamespace: DEFAULT_NAMESPACE });
  } catch {
    return null;
  }

  const kind = parsed.kind.toLocaleLowerCase('en-US');
  const namespace = parsed.namespace.toLocaleLowerCase('en-US');
  const name = parsed.name.toLocaleLowerCase('en-US');
  if (
    kind.length > MAX_PART_LENGTH ||
    namespace.length > MAX_PART_LENGTH ||
    name.length > MAX_PART_LENGTH ||
    !KIND_PATTERN.test(kind) ||
    !NAMESPACE_PATTERN.test(namespace) ||
    !NAME_PATTERN.test(name)
  ) {
    return null;
  }
  return stringifyEntityRef({ kind, namespace, name });
}
