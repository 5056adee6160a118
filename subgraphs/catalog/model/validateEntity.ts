/**
 * Ingestion validation: everything Backstage checks before it stores an
 * entity, in Backstage's order. Policies: SchemaValidEntityPolicy,
 * DefaultNamespaceEntityPolicy, NoForeignRootFieldsEntityPolicy,
 * FieldFormatEntityPolicy; then the built-in kinds' spec schemas; then the
 * relation refs BuiltinKindsEntityProcessor must be able to parse.
 */
import { DEFAULT_NAMESPACE } from './entityRef';
import type { Entity } from './entityTypes';
import { checkEnvelope } from './validation/checkEnvelope';
import { checkFieldFormats } from './validation/fieldFormats';
import { findForbiddenKeys } from './validation/forbiddenKeys';
import { validateKind } from './validation/kinds/validateKind';
import { findBadRelationRefs } from './validation/relationRefs';
import { findForeignRootFields, KNOWN_ROOT_FIELDS } from './validation/rootFields';

export type EntityValidation = { ok: true; entity: Entity } | { ok: false; errors: string[] };

export interface ValidateEntityOptions {
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
    return runStages(raw, options.knownRootFields ?? KNOWN_ROOT_FIELDS);
  } catch (error) {
    // Only reachable with values no parser produces (e.g. throwing getters).
    return { ok: false, errors: [`Entity could not be validated: ${String(error)}`] };
  }
}

function runStages(raw: unknown, knownRootFields: readonly string[]): EntityValidation {
  const forbidden = findForbiddenKeys(raw);
  if (forbidden.length) return { ok: false, errors: forbidden };

  const envelopeErrors = checkEnvelope(raw);
  if (envelopeErrors.length) {
    // Backstage's schema message does not say which root field is unknown;
    // the root-field policy's message, listed after it, does.
    const foreign = isObject(raw) ? findForeignRootFields(raw, knownRootFields) : [];
    return { ok: false, errors: [...envelopeErrors, ...foreign] };
  }

  const entity = structuredClone(raw) as Entity;
  if (!entity.metadata.namespace) entity.metadata.namespace = DEFAULT_NAMESPACE;

  const stages = [
    () => findForeignRootFields(entity, knownRootFields),
    () => checkFieldFormats(entity),
    () => validateKind(entity),
    () => findBadRelationRefs(entity),
  ];
  for (const stage of stages) {
    const errors = stage();
    if (errors.length) return { ok: false, errors };
  }
  return { ok: true, entity };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
