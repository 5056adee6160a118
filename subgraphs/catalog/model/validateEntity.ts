/**
 * Ingestion validation: everything Backstage checks before it stores an
 * entity, in Backstage's order and with Backstage's own code
 * (@backstage/catalog-model): the envelope check on what a location emits;
 * the policies SchemaValidEntityPolicy, DefaultNamespaceEntityPolicy,
 * NoForeignRootFieldsEntityPolicy, FieldFormatEntityPolicy; then the kinds'
 * spec schemas; then the relation refs BuiltinKindsEntityProcessor must be
 * able to parse. The deliberate differences are listed in the catalog's README.
 */
import { DEFAULT_NAMESPACE } from './entityRef';
import type { Entity } from './entityTypes';
import { checkEnvelope } from './validation/checkEnvelope';
import { checkFieldFormats } from './validation/fieldFormats';
import { findForbiddenKeys } from './validation/forbiddenKeys';
import { type KindRules, validateKind } from './validation/kinds/validateKind';
import { findBadRelationRefs } from './validation/relationRefs';
import { findForeignRootFields, KNOWN_ROOT_FIELDS } from './validation/rootFields';

export type EntityValidation = { ok: true; entity: Entity } | { ok: false; errors: string[] };

export interface ValidateEntityOptions extends KindRules {
  /**
   * Root fields allowed besides the schema check, like Backstage's
   * NoForeignRootFieldsEntityPolicy argument. Defaults to apiVersion, kind,
   * metadata and spec; add 'relations' and 'status' to accept entities read
   * back from the catalog.
   */
  knownRootFields?: readonly string[];
}

/**
 * Runs every policy Backstage runs on ingestion. Never throws; never mutates
 * its input; returns a copy of the entity with metadata.namespace defaulted.
 *
 * Backstage stops at the first failing check. We stop at the first failing
 * stage but list every problem that stage finds, so errors[0] is always the
 * message Backstage would give. Messages are Backstage's own texts, without
 * the "Policy check failed for ...; caused by" wrapper Backstage adds.
 */
export function validateEntity(raw: unknown, options: ValidateEntityOptions = {}): EntityValidation {
  try {
    return runStages(raw, options);
  } catch (error) {
    // Only reachable with values no parser produces (e.g. throwing getters).
    return { ok: false, errors: [`Entity could not be validated: ${String(error)}`] };
  }
}

function runStages(raw: unknown, options: ValidateEntityOptions): EntityValidation {
  const knownRootFields = options.knownRootFields ?? KNOWN_ROOT_FIELDS;
  // Backstage's YAML parser refuses a document that is not a mapping with this text.
  if (!isObject(raw)) return { ok: false, errors: [`Expected object at root, got ${typeof raw}`] };
  const forbidden = findForbiddenKeys(raw);
  if (forbidden.length) return { ok: false, errors: forbidden };

  const entity = withLocationAnnotations(structuredClone(raw));
  const envelopeErrors = checkEnvelope(entity);
  if (envelopeErrors.length) {
    // Backstage's schema message does not say which root field is unknown;
    // the root-field policy's message, listed after it, does.
    return { ok: false, errors: [...envelopeErrors, ...findForeignRootFields(entity, knownRootFields)] };
  }
  if (!entity.metadata.namespace) entity.metadata.namespace = DEFAULT_NAMESPACE;

  const stages = [
    () => findForeignRootFields(entity, knownRootFields),
    () => checkFieldFormats(entity),
    () => validateKind(entity, options),
    () => findBadRelationRefs(entity),
  ];
  for (const stage of stages) {
    const errors = stage();
    if (errors.length) return { ok: false, errors };
  }
  return { ok: true, entity };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Backstage adds its location annotations to every entity a location emits, before
 * any policy runs: `{ ...(annotations || {}), <location keys> }`, skipped when the
 * annotations are a non-object. So `annotations: null` (or false, 0, "") is
 * accepted. Our location annotations are derived when read, so a falsy value is
 * simply dropped.
 */
function withLocationAnnotations(entity: Record<string, unknown>): Entity {
  const metadata = entity.metadata;
  if (isObject(metadata) && 'annotations' in metadata && !metadata.annotations) delete metadata.annotations;
  return entity as unknown as Entity;
}
