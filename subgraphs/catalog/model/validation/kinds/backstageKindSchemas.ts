/**
 * The kind schemas Backstage's BuiltinKindsEntityProcessor validates with: the very
 * JSON schemas behind @backstage/catalog-model's exported kind validators
 * (componentEntityV1alpha1Validator and the rest). Those validators are async and
 * ingestion is not, and the package does not export the schemas themselves, so
 * they are loaded from its published files. The conformance suite compares the
 * result with the exported validators, so a release that moves them fails loudly.
 */
import path from 'node:path';
import type { JsonSchema } from './kindSchema';

const kindsDir = path.join(path.dirname(require.resolve('@backstage/catalog-model')), 'schema', 'kinds');

function load(name: string): JsonSchema {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(path.join(kindsDir, `${name}.schema.json.cjs.js`)) as { default: JsonSchema };
  return module.default;
}

/** In BuiltinKindsEntityProcessor's order: the first schema that claims an entity decides. */
export const DEFAULT_KIND_SCHEMAS: readonly JsonSchema[] = [
  'API.v1alpha1',
  'Component.v1alpha1',
  'Resource.v1alpha1',
  'Group.v1alpha1',
  'Location.v1alpha1',
  'User.v1alpha1',
  'System.v1alpha1',
  'Domain.v1alpha1',
].map(load);

/** Backstage's opt-in layer: the `mcp-server` API type. */
export const MCP_SERVER_API_SCHEMA: JsonSchema = load('API.v1alpha1.mcp-server');

/** Backstage's opt-in layer: the AiResource kind, by spec.type where it has one. */
export const AI_RESOURCE_SCHEMA: JsonSchema = load('AiResource.v1alpha1');
export const AI_RESOURCE_TYPE_SCHEMAS: ReadonlyMap<string, JsonSchema> = new Map(
  ['marketplace', 'plugin', 'rule', 'skill'].map((type) => [type, load(`AiResource.v1alpha1.${type}`)]),
);
