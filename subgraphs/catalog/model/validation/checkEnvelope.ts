/**
 * Backstage's SchemaValidEntityPolicy: the raw value against Entity.schema.json
 * (envelope, metadata, relations, status). Backstage reports the first error;
 * we report all of them, first one first.
 */
import { isPlaceholder } from '../placeholders';
import { ENTITY_SCHEMA } from './entitySchema';
import { validateJsonSchema } from './jsonSchema';
import { envelopeErrorMessage } from './schemaMessages';

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

export function checkEnvelope(raw: unknown): string[] {
  // Backstage resolves placeholders before this check, so an unresolved one
  // passes unchecked, except where the entity's identity must be known now.
  const metadata = field(raw, 'metadata');
  const identity = new Set([raw, field(raw, 'apiVersion'), field(raw, 'kind'), metadata]);
  identity.add(field(metadata, 'name')).add(field(metadata, 'namespace'));
  const isOpaque = (data: unknown) => isPlaceholder(data) && !identity.has(data);

  return validateJsonSchema(ENTITY_SCHEMA, raw, { isOpaque }).map(envelopeErrorMessage);
}
