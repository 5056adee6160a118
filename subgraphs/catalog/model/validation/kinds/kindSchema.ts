/**
 * The frame every Backstage kind schema shares (kinds/*.v1alpha1.schema.json):
 * the entity envelope, plus the kind's own apiVersion/kind enums and its spec.
 */
import { ENTITY_SCHEMA } from '../entitySchema';
import type { JsonSchema } from '../jsonSchema';

/** The apiVersions every backstage.io kind accepts. */
export const BACKSTAGE_API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'];

export const nonEmptyString: JsonSchema = { type: 'string', minLength: 1 };

/** Lists of entity refs and targets: arrays of non-empty strings. */
export const nonEmptyStringArray: JsonSchema = { type: 'array', items: nonEmptyString };

/**
 * A kind schema. apiVersion and kind are enums on purpose: the validator
 * treats a mismatch there as "this schema is not for this entity" rather than
 * as an error (see validateKind).
 */
export function kindSchema(kind: string, apiVersions: string[], spec: JsonSchema): JsonSchema {
  return {
    allOf: [
      ENTITY_SCHEMA,
      {
        type: 'object',
        required: ['spec'],
        properties: {
          apiVersion: { enum: apiVersions },
          kind: { enum: [kind] },
          spec: { type: 'object', ...spec },
        },
      },
    ],
  };
}
