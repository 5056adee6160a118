/**
 * The kind-specific check Backstage's BuiltinKindsEntityProcessor (and the
 * scaffolder's processor, for Template) run on every entity, with Backstage's own
 * kind schemas and Ajv set-up (entityKindSchemaValidator from
 * @backstage/catalog-model): conformance by construction.
 *
 * One deliberate difference: Backstage refuses a kind no processor knows; we keep
 * it (a catalog should not lose a valid descriptor of a custom kind) unless the
 * operator lists the allowed kinds, as Backstage's `catalog.rules` does.
 */
import { entityKindSchemaValidator } from '@backstage/catalog-model';
import { stringifyEntityRef } from '../../entityRef';
import type { Entity } from '../../entityTypes';
import { AI_RESOURCE_SCHEMA, AI_RESOURCE_TYPE_SCHEMAS, DEFAULT_KIND_SCHEMAS, MCP_SERVER_API_SCHEMA } from './backstageKindSchemas';
import type { JsonSchema } from './kindSchema';
import { TEMPLATE_SCHEMA } from './templateSchema';

export interface KindRules {
  /**
   * Also apply the schemas Backstage ships only in opt-in layers (the `mcp-server`
   * API type, the AiResource kind). Off by default, as in Backstage.
   */
  experimentalKinds?: boolean;
  /**
   * Kinds accepted at all, like Backstage's `catalog.rules: [{ allow: [...] }]`;
   * compared without case. Unset: every kind is kept.
   */
  allowedKinds?: readonly string[];
}

/** The entity when the schema claims and accepts it, false when it does not claim it; throws Backstage's message otherwise. */
type KindCheck = (entity: Entity) => Entity | false;

/** The built-in kinds, spelt as Backstage requires them. */
export const BUILTIN_KINDS = ['Component', 'API', 'Resource', 'System', 'Domain', 'Group', 'User', 'Location', 'Template'] as const;
const BUILTIN_LOWER = new Set<string>(BUILTIN_KINDS.map((kind) => kind.toLowerCase()));

// Compiled once per schema: Backstage's own cache keys on the schema's JSON text,
// which would cost a JSON.stringify of the whole schema per entity.
const checks = new Map<JsonSchema, KindCheck>();
function checkFor(schema: JsonSchema): KindCheck {
  let check = checks.get(schema);
  if (!check) {
    check = entityKindSchemaValidator(schema) as KindCheck;
    checks.set(schema, check);
  }
  return check;
}

function schemasFor(entity: Entity, experimental: boolean): readonly JsonSchema[] {
  const type = entity.spec?.type;
  if (experimental && entity.kind === 'API' && type === 'mcp-server') return [MCP_SERVER_API_SCHEMA];
  if (experimental && entity.kind === 'AiResource') {
    return [(typeof type === 'string' && AI_RESOURCE_TYPE_SCHEMAS.get(type)) || AI_RESOURCE_SCHEMA];
  }
  return [...DEFAULT_KIND_SCHEMAS, TEMPLATE_SCHEMA];
}

export function isBuiltinKind(kind: string): boolean {
  return BUILTIN_LOWER.has(kind.toLowerCase());
}

/**
 * Errors in the kind-specific part of an envelope-valid entity, worded as
 * Backstage's kind validators word them ("/spec/type must be string - type: string").
 * A wrong kind spelling or apiVersion is not a schema error in Backstage: no
 * processor claims the entity, and it is rejected for that.
 */
export function validateKind(entity: Entity, rules: KindRules = {}): string[] {
  const ref = () => stringifyEntityRef({ kind: entity.kind, namespace: entity.metadata.namespace, name: entity.metadata.name });
  if (rules.allowedKinds && !rules.allowedKinds.some((kind) => kind.toLowerCase() === entity.kind.toLowerCase())) {
    return [`Entity ${ref()} is not of an allowed kind; the catalog's rules allow ${rules.allowedKinds.join(', ')}`];
  }
  const experimental = rules.experimentalKinds ?? false;
  try {
    for (const schema of schemasFor(entity, experimental)) {
      if (checkFor(schema)(entity)) return [];
    }
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  const known = isBuiltinKind(entity.kind) || (experimental && entity.kind.toLowerCase() === 'airesource');
  // A kind no schema knows is kept (see above); a known kind spelt otherwise, or in
  // an apiVersion it does not have, is what Backstage refuses.
  if (!known) return [];
  return [`No processor recognized the entity ${ref()} as valid, possibly caused by a foreign kind or apiVersion`];
}
