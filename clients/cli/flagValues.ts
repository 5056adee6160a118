import { usageError } from './exitCodes';
import type { FlagValues } from './commands/command';

/** A repeatable flag's values, each also split on commas: `--kind api,component --kind group`. */
export function listFlag(flags: FlagValues, name: string): string[] | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw])
    .flatMap((value) => String(value).split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  return values.length ? values : undefined;
}

/** A string flag's value, or undefined. */
export function stringFlag(flags: FlagValues, name: string): string | undefined {
  const raw = flags[name];
  return typeof raw === 'string' ? raw : undefined;
}

/** A whole-number flag within bounds, or its default; a usage error otherwise. */
export function intFlag(flags: FlagValues, name: string, bounds: { min: number; max: number; default?: number }): number | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return bounds.default;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < bounds.min || value > bounds.max) {
    throw usageError(`--${name} must be a whole number from ${bounds.min} to ${bounds.max}, not "${raw}"`);
  }
  return value;
}

/** Exactly `count` positional arguments, named in the message when missing. */
export function positionals(args: string[], names: string[]): string[] {
  if (args.length < names.length) throw usageError(`missing ${names.slice(args.length).map((name) => `<${name}>`).join(' ')}`);
  if (args.length > names.length) throw usageError(`unexpected argument "${args[names.length]}"`);
  return args;
}
