import { InputError } from '../../../kit';
import { RULES } from '../rules/ruleRegistry';
import { isCheckLevel, type CheckLevel } from './checkLevels';

/** A check as someone defines it, before it is checked. */
export interface CheckInputRecord {
  id: string;
  name: string;
  description: string;
  /** `BRONZE`, `SILVER` or `GOLD` (any case). */
  level: string;
  rule: string;
  params?: unknown;
  appliesTo: readonly string[];
}

/** A check ready to store. */
export interface CheckDefinition {
  id: string;
  name: string;
  description: string;
  level: CheckLevel;
  rule: string;
  params: Record<string, unknown>;
  appliesTo: string[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KIND = /^[a-z][a-z0-9-]*$/;

/** Checks a definition: a known rule whose parameters it accepts, a level, kinds. Throws InputError. */
export function checkDefinition(input: CheckInputRecord): CheckDefinition {
  const id = input.id.trim();
  if (!ID.test(id) || id.length > 100) throw new InputError(`"id" must be lower-case letters, digits and dashes (at most 100), got "${input.id}"`);
  const name = input.name.trim();
  if (!name) throw new InputError('"name" must not be empty');
  const level = input.level.toLowerCase();
  if (!isCheckLevel(level)) throw new InputError(`"level" must be BRONZE, SILVER or GOLD, got "${input.level}"`);
  const rule = RULES.get(input.rule);
  if (!rule) throw new InputError(`unknown rule "${input.rule}"; known: ${[...RULES.keys()].join(', ')}`);
  const params = (input.params ?? {}) as Record<string, unknown>;
  rule.parseParams(params);
  const appliesTo = [...new Set(input.appliesTo.map((kind) => kind.trim().toLowerCase()))];
  if (appliesTo.length === 0) throw new InputError('"appliesTo" must name at least one kind');
  const badKind = appliesTo.find((kind) => !KIND.test(kind));
  if (badKind !== undefined) throw new InputError(`"appliesTo": "${badKind}" is not a kind`);
  return { id, name, description: input.description.trim(), level, rule: rule.name, params, appliesTo };
}
