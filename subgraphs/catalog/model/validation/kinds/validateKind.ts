/**
 * The kind-specific check Backstage's BuiltinKindsEntityProcessor (and the
 * scaffolder's processor, for Template) run on every entity: the spec schema
 * of the built-in kinds. Kinds we do not know get no spec check at all.
 */
import type { Entity } from '../../entityTypes';
import { stringifyEntityRef } from '../../entityRef';
import { isPlaceholder } from '../../placeholders';
import { type JsonSchema, validateJsonSchema } from '../jsonSchema';
import { kindErrorMessage } from '../schemaMessages';
import { GROUP_SCHEMA, USER_SCHEMA } from './organizationSchemas';
import { LOCATION_SCHEMA } from './locationSchema';
import {
  AI_MODEL_SERVER_API_SCHEMA,
  API_SCHEMA,
  COMPONENT_SCHEMA,
  DOMAIN_SCHEMA,
  MCP_SERVER_API_SCHEMA,
  RESOURCE_SCHEMA,
  SYSTEM_SCHEMA,
} from './systemModelSchemas';
import { TEMPLATE_SCHEMA } from './templateSchema';

type SchemaPicker = (entity: Entity) => JsonSchema;

// API entities are validated by spec.type, as Backstage's catalog model does.
function apiSchema(entity: Entity): JsonSchema {
  const type = entity.spec?.type;
  if (type === 'mcp-server') return MCP_SERVER_API_SCHEMA;
  if (type === 'ai-model-server') return AI_MODEL_SERVER_API_SCHEMA;
  return API_SCHEMA;
}

// Keyed by lower-cased kind so that "component" is recognised as a
// misspelt built-in kind (and rejected) instead of passing as a custom kind.
// A Map, not an object literal, so that kinds like "constructor" find nothing.
const SCHEMAS = new Map<string, SchemaPicker>([
  ['component', () => COMPONENT_SCHEMA],
  ['api', apiSchema],
  ['resource', () => RESOURCE_SCHEMA],
  ['system', () => SYSTEM_SCHEMA],
  ['domain', () => DOMAIN_SCHEMA],
  ['group', () => GROUP_SCHEMA],
  ['user', () => USER_SCHEMA],
  ['location', () => LOCATION_SCHEMA],
  ['template', () => TEMPLATE_SCHEMA],
]);

/** The built-in kinds, spelt as Backstage requires them. */
export const BUILTIN_KINDS = [
  'Component',
  'API',
  'Resource',
  'System',
  'Domain',
  'Group',
  'User',
  'Location',
  'Template',
] as const;

export function isBuiltinKind(kind: string): boolean {
  return SCHEMAS.has(kind.toLowerCase());
}

/**
 * Errors in the kind-specific part of an envelope-valid entity, as Backstage's
 * kind validators report them. A wrong kind spelling or apiVersion is not a
 * schema error in Backstage: no processor claims the entity, and it is
 * rejected for that.
 */
export function validateKind(entity: Entity): string[] {
  const pick = SCHEMAS.get(entity.kind.toLowerCase());
  if (!pick) return [];

  // Unresolved placeholders stand for content Backstage would have fetched.
  const errors = validateJsonSchema(pick(entity), entity, { isOpaque: isPlaceholder });
  if (errors.length === 0) return [];

  const envelopeMismatch = errors.filter(
    e => e.instancePath === '/kind' || e.instancePath === '/apiVersion',
  );
  if (envelopeMismatch.length > 0 && envelopeMismatch.every(e => e.keyword === 'enum')) {
    const ref = stringifyEntityRef({
      kind: entity.kind,
      namespace: entity.metadata.namespace,
      name: entity.metadata.name,
    });
    return [
      `No processor recognized the entity ${ref} as valid, possibly caused by a foreign kind or apiVersion`,
    ];
  }
  return errors.map(kindErrorMessage);
}
