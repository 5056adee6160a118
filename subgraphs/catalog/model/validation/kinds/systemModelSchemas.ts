/**
 * Backstage's system-model kinds: Component, API, Resource, System, Domain
 * (packages/catalog-model/src/schema/kinds/*.v1alpha1.schema.json).
 */
import type { JsonSchema } from '../jsonSchema';
import { BACKSTAGE_API_VERSIONS, kindSchema, nonEmptyString, nonEmptyStringArray } from './kindSchema';

export const COMPONENT_SCHEMA = kindSchema('Component', BACKSTAGE_API_VERSIONS, {
  required: ['type', 'lifecycle', 'owner'],
  properties: {
    type: nonEmptyString,
    lifecycle: nonEmptyString,
    owner: nonEmptyString,
    system: nonEmptyString,
    subcomponentOf: nonEmptyString,
    providesApis: nonEmptyStringArray,
    consumesApis: nonEmptyStringArray,
    dependsOn: nonEmptyStringArray,
    dependencyOf: nonEmptyStringArray,
  },
});

export const API_SCHEMA = kindSchema('API', BACKSTAGE_API_VERSIONS, {
  required: ['type', 'lifecycle', 'owner', 'definition'],
  properties: {
    type: nonEmptyString,
    lifecycle: nonEmptyString,
    owner: nonEmptyString,
    system: nonEmptyString,
    definition: nonEmptyString,
  },
});

const apiRemotes: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['type', 'url'],
    properties: { type: nonEmptyString, url: nonEmptyString },
  },
};

/** API.v1alpha1.mcp-server.schema.json: MCP servers have remotes, not a definition. */
export const MCP_SERVER_API_SCHEMA = kindSchema('API', BACKSTAGE_API_VERSIONS, {
  required: ['type', 'lifecycle', 'owner', 'remotes'],
  properties: {
    type: { const: 'mcp-server' },
    lifecycle: nonEmptyString,
    owner: nonEmptyString,
    system: nonEmptyString,
    remotes: apiRemotes,
  },
});

/**
 * The ai-model-server API type. Reconstructed from Backstage's tests
 * (apiEntityModel.test.ts: serverType and serverUrl required, no definition,
 * no remotes) because the matching schema file was not available; the
 * remaining fields are left unconstrained rather than guessed.
 */
export const AI_MODEL_SERVER_API_SCHEMA = kindSchema('API', BACKSTAGE_API_VERSIONS, {
  required: ['type', 'lifecycle', 'owner', 'serverType', 'serverUrl'],
  properties: {
    type: { const: 'ai-model-server' },
    lifecycle: nonEmptyString,
    owner: nonEmptyString,
    system: nonEmptyString,
    serverType: nonEmptyString,
    serverUrl: nonEmptyString,
  },
});

export const RESOURCE_SCHEMA = kindSchema('Resource', BACKSTAGE_API_VERSIONS, {
  required: ['type', 'owner'],
  properties: {
    type: nonEmptyString,
    owner: nonEmptyString,
    dependsOn: nonEmptyStringArray,
    dependencyOf: nonEmptyStringArray,
    system: nonEmptyString,
  },
});

export const SYSTEM_SCHEMA = kindSchema('System', BACKSTAGE_API_VERSIONS, {
  required: ['owner'],
  properties: { owner: nonEmptyString, domain: nonEmptyString, type: nonEmptyString },
});

export const DOMAIN_SCHEMA = kindSchema('Domain', BACKSTAGE_API_VERSIONS, {
  required: ['owner'],
  properties: { owner: nonEmptyString, subdomainOf: nonEmptyString, type: nonEmptyString },
});
