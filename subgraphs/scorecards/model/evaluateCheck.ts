import type { CheckRecord } from '../data/checkRecord';
import type { EntityFacts, FactName } from '../facts/entityFacts';
import { RULES } from '../rules/ruleRegistry';
import type { CheckResultRecord } from './scorecardRecord';

/**
 * Runs one check on one entity's facts. UNKNOWN, never FAIL, when a fact it reads is
 * unknown: the reason says which source could not be read. A check stored with a rule
 * or parameters this version does not accept is UNKNOWN too, with what is wrong.
 */
export function evaluateCheck(check: CheckRecord, facts: EntityFacts): CheckResultRecord {
  const rule = RULES.get(check.rule);
  if (!rule) return { check, status: 'UNKNOWN', reason: `the check names an unknown rule "${check.rule}"` };
  let params: unknown;
  try {
    params = rule.parseParams(check.params);
  } catch (error) {
    return { check, status: 'UNKNOWN', reason: `the check's parameters are wrong: ${error instanceof Error ? error.message : String(error)}` };
  }
  const values: Record<string, unknown> = {};
  for (const name of rule.facts as readonly FactName[]) {
    const fact = facts[name];
    if (!fact.known) return { check, status: 'UNKNOWN', reason: fact.reason };
    values[name] = fact.value;
  }
  const outcome = rule.evaluate(values as never, params, facts);
  return { check, ...outcome };
}

/** The facts the rules of these checks read: what the facts query must ask the graph for. */
export function factsReadBy(checks: readonly CheckRecord[]): Set<FactName> {
  const facts = new Set<FactName>();
  for (const check of checks) for (const fact of RULES.get(check.rule)?.facts ?? []) facts.add(fact);
  return facts;
}
