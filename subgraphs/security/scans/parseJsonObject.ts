import { InputError } from '../../../kit';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses scanner output that must be one JSON object; anything else is an InputError naming `what`. */
export function parseJsonObject(text: string, what: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`The ${what} is not JSON: ${(error as Error).message}`);
  }
  if (!isJsonObject(value)) throw new InputError(`The ${what} must be a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  return value;
}

/**
 * A string property, or null when absent or empty; a value of another type is an
 * InputError. NUL characters are dropped: PostgreSQL cannot store them in text.
 */
export function optionalText(value: unknown, where: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InputError(`${where} must be a string, got ${JSON.stringify(value)}`);
  return value.replaceAll('\u0000', '').trim() || null;
}
