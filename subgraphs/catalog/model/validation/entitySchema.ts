/**
 * Backstage's Entity.schema.json, EntityMeta.schema.json and the parts of
 * shared/common.schema.json they use: the envelope every entity must match,
 * whatever its kind.
 */
import type { JsonSchema } from './jsonSchema';

const nonEmptyString: JsonSchema = { type: 'string', minLength: 1 };

// Labels and annotations: string values under any non-empty key.
const stringMap: JsonSchema = {
  type: 'object',
  additionalProperties: true,
  patternProperties: { '^.+$': { type: 'string' } },
};

export const ENTITY_META_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: true,
  properties: {
    uid: nonEmptyString,
    etag: nonEmptyString,
    name: nonEmptyString,
    namespace: nonEmptyString,
    title: nonEmptyString,
    description: { type: 'string' },
    labels: stringMap,
    annotations: stringMap,
    tags: { type: 'array', items: nonEmptyString },
    links: {
      type: 'array',
      items: {
        type: 'object',
        required: ['url'],
        properties: {
          url: nonEmptyString,
          title: nonEmptyString,
          icon: nonEmptyString,
          type: nonEmptyString,
        },
      },
    },
  },
};

const RELATION_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['type', 'targetRef'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', minLength: 1, pattern: '^\\w+$' },
    targetRef: nonEmptyString,
  },
};

const STATUS_ITEM_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['type', 'level', 'message'],
  additionalProperties: true,
  properties: {
    type: nonEmptyString,
    level: { type: 'string', enum: ['info', 'warning', 'error'] },
    message: { type: 'string' },
    error: {
      type: 'object',
      required: ['name', 'message'],
      additionalProperties: true,
      properties: {
        name: nonEmptyString,
        message: { type: 'string' },
        code: { type: 'string' },
        stack: { type: 'string' },
      },
    },
  },
};

export const ENTITY_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  additionalProperties: false,
  properties: {
    apiVersion: nonEmptyString,
    kind: nonEmptyString,
    metadata: ENTITY_META_SCHEMA,
    spec: { type: 'object' },
    relations: { type: 'array', items: RELATION_SCHEMA },
    status: {
      type: 'object',
      additionalProperties: true,
      properties: { items: { type: 'array', items: STATUS_ITEM_SCHEMA } },
    },
  },
};
