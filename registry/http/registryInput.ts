import { InputError } from '../../kit';
import type { OperationUsage } from '../data/usageRows';

/** The largest SDL a publish may carry; Ensemble's own subgraphs are under 20 KB. */
export const MAX_SDL_BYTES = 1_000_000;
export const MAX_USAGE_ENTRIES = 5_000;
const MAX_COORDINATES = 2_000;
const MAX_NAME = 200;
const SUBGRAPH_NAME = /^[a-z][a-z0-9-]{0,62}$/;

type Body = Record<string, unknown>;

/** The JSON object a registry POST carries, or an InputError. */
export function jsonObject(text: string): Body {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError('The body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InputError('The body must be a JSON object');
  return parsed as Body;
}

export function subgraphName(value: unknown): string {
  if (typeof value !== 'string' || !SUBGRAPH_NAME.test(value)) throw new InputError('"subgraph" must be a lower-case name (a-z, 0-9, -), at most 63 characters');
  return value;
}

export function sdlOf(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) throw new InputError('"sdl" must be the subgraph schema as text');
  if (Buffer.byteLength(value) > MAX_SDL_BYTES) throw new InputError(`"sdl" is larger than ${MAX_SDL_BYTES} bytes`);
  return value;
}

/** A routing URL: http(s), no credentials in it (they would be served to every gateway). */
export function routingUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048) throw new InputError('"url" must be the subgraph\'s http(s) routing URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError('"url" must be the subgraph\'s http(s) routing URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError('"url" must be an http(s) URL');
  if (url.username || url.password) throw new InputError('"url" may not carry credentials');
  return value;
}

export function optionalText(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max) throw new InputError(`"${field}" must be text of at most ${max} characters`);
  return value;
}

export function positiveInteger(value: unknown, field: string, max: number): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > max) throw new InputError(`"${field}" must be a whole number from 1 to ${max}`);
  return number;
}

/** A gateway's usage report: `{ operations: OperationUsage[] }`, every entry bounded. */
export function usageReport(body: Body): OperationUsage[] {
  const operations = body.operations;
  if (!Array.isArray(operations) || operations.length > MAX_USAGE_ENTRIES) throw new InputError(`"operations" must be a list of at most ${MAX_USAGE_ENTRIES}`);
  return operations.map((entry: unknown, index) => {
    const where = `operations[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new InputError(`${where} must be an object`);
    const { operationHash, operationName, clientName, coordinates, count } = entry as Body;
    if (!Array.isArray(coordinates) || coordinates.length > MAX_COORDINATES || !coordinates.every((c) => typeof c === 'string' && c.length <= MAX_NAME)) {
      throw new InputError(`${where}.coordinates must be a list of at most ${MAX_COORDINATES} schema coordinates`);
    }
    return {
      operationHash: requiredText(operationHash, `${where}.operationHash`),
      operationName: requiredText(operationName, `${where}.operationName`),
      clientName: requiredText(clientName, `${where}.clientName`),
      coordinates: coordinates as string[],
      count: positiveInteger(count, `${where}.count`, 1_000_000_000),
    };
  });
}

function requiredText(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value || value.length > MAX_NAME) throw new InputError(`"${field}" must be text of 1 to ${MAX_NAME} characters`);
  return value;
}
