import { InputError } from '../../../kit';

/** A rule's parameters as an object with only these keys ({} when absent). */
export function paramsObject(raw: unknown, rule: string, keys: readonly string[]): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new InputError(`${rule}: parameters must be a JSON object`);
  const extra = Object.keys(raw).filter((key) => !keys.includes(key));
  if (extra.length) {
    throw new InputError(`${rule}: unknown parameter ${extra.map((key) => `"${key}"`).join(', ')}${keys.length ? `; it takes ${keys.join(', ')}` : '; it takes none'}`);
  }
  return raw as Record<string, unknown>;
}

/** A number parameter within bounds, or the default when absent. */
export function numberParam(params: Record<string, unknown>, rule: string, key: string, bounds: { min: number; max: number; fallback?: number }): number {
  const value = params[key] ?? bounds.fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < bounds.min || value > bounds.max) {
    throw new InputError(`${rule}: "${key}" must be a number from ${bounds.min} to ${bounds.max}`);
  }
  return value;
}

/** A non-empty string parameter; required unless a fallback is given. */
export function stringParam(params: Record<string, unknown>, rule: string, key: string, fallback?: string): string {
  const value = params[key] ?? fallback;
  if (typeof value !== 'string' || !value.trim()) throw new InputError(`${rule}: "${key}" must be a non-empty string`);
  return value.trim();
}

/** A list of strings, lower-cased; undefined when absent. */
export function stringListParam(params: Record<string, unknown>, rule: string, key: string): string[] | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !item.trim())) {
    throw new InputError(`${rule}: "${key}" must be a list of non-empty strings`);
  }
  return value.map((item: string) => item.trim().toLowerCase());
}
