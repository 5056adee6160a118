import type { EntityFacts, FactName } from '../facts/entityFacts';
import type { FactValue } from '../facts/factSources';

/** The values of known facts, by name. */
export type FactValues = { [Name in FactName]: FactValue<Name> };

/** What a rule decided, with a reason a person can act on. */
export interface RuleOutcome {
  status: 'PASS' | 'FAIL';
  reason: string;
}

/**
 * A rule: a plain function of an entity's facts, with parameters. It only ever sees
 * known facts: when one it reads is unknown, the check is UNKNOWN before it runs.
 */
export interface Rule<Params = unknown, Reads extends FactName = FactName> {
  name: string;
  description: string;
  /** The facts it reads. */
  facts: readonly Reads[];
  /** Checks and normalizes a check's stored parameters; throws InputError when they are wrong. */
  parseParams(raw: unknown): Params;
  evaluate(values: Pick<FactValues, Reads>, params: Params, entity: Pick<EntityFacts, 'ref' | 'kind'>): RuleOutcome;
}

export const pass = (reason: string): RuleOutcome => ({ status: 'PASS', reason });
export const fail = (reason: string): RuleOutcome => ({ status: 'FAIL', reason });

/** Declares a rule with its types inferred. */
export function defineRule<Params, Reads extends FactName>(rule: Rule<Params, Reads>): Rule<Params, Reads> {
  return rule;
}
