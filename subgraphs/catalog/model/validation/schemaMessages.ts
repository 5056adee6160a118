/**
 * How Backstage turns the first Ajv error into a message. The envelope policy
 * and the kind validators format it differently, so both are kept.
 */
import type { SchemaError } from './jsonSchema';

function where(error: SchemaError): string {
  return error.instancePath || '<root>';
}

/** SchemaValidEntityPolicy: "Malformed envelope, /metadata/name must be string". */
export function envelopeErrorMessage(error: SchemaError): string {
  return `Malformed envelope, ${where(error)} ${error.message}`;
}

/**
 * throwAjvError, used by the kind validators:
 * "/spec must have required property 'owner' - missingProperty: owner".
 * Values print like template literals do (arrays comma-joined), as in Backstage.
 */
export function kindErrorMessage(error: SchemaError): string {
  const params = Object.entries(error.params)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
  return `${where(error)} ${error.message} - ${params}`;
}
