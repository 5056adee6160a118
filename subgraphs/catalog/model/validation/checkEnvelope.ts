/**
 * The first two checks Backstage makes, with its own validators and schemas:
 * the envelope check its processing engine runs on every entity a location emits
 * (entityEnvelopeSchemaValidator: "/kind must be string - type: string"), then
 * SchemaValidEntityPolicy against the whole Entity schema
 * ("Malformed envelope, /metadata/title must be string").
 */
import { entityEnvelopeSchemaValidator, entitySchemaValidator } from '@backstage/catalog-model';

const checkEnvelopeSchema = entityEnvelopeSchemaValidator();
const checkEntitySchema = entitySchemaValidator();

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * SchemaValidEntityPolicy reports Ajv's first error as "<path> <message>";
 * entitySchemaValidator, which checks the same schema and yields the same first
 * error, adds " - <params>". The policy itself is async, and ingestion is not.
 */
function asPolicyMessage(validatorMessage: string): string {
  const params = validatorMessage.lastIndexOf(' - ');
  return `Malformed envelope, ${params === -1 ? validatorMessage : validatorMessage.slice(0, params)}`;
}

/** Backstage's first complaint about the entity's envelope, or none. */
export function checkEnvelope(raw: unknown): string[] {
  try {
    checkEnvelopeSchema(raw);
  } catch (error) {
    return [messageOf(error)];
  }
  try {
    checkEntitySchema(raw);
  } catch (error) {
    return [asPolicyMessage(messageOf(error))];
  }
  return [];
}
