/**
 * The frame of a kind schema as Backstage writes them (kinds/*.v1alpha1.schema.json):
 * the Entity schema by reference, plus the kind's own apiVersion/kind enums and its
 * spec. Backstage's Ajv set-up resolves `$ref: "Entity"` to its own Entity schema.
 * Only the Template kind, which Backstage publishes in another package, is written
 * here; every other kind comes from @backstage/catalog-model itself.
 */
export type JsonSchema = Record<string, unknown>;

export const nonEmptyString: JsonSchema = { type: 'string', minLength: 1 };

/**
 * A kind schema. apiVersion and kind are enums on purpose: Backstage's validator
 * treats a mismatch there as "this schema is not for this entity" rather than as an
 * error.
 */
export function kindSchema(id: string, kind: string, apiVersions: string[], spec: JsonSchema): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema',
    $id: id,
    allOf: [
      { $ref: 'Entity' },
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
