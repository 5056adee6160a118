import { definePolicy, type Policy } from './definePolicy';
import { checkCriteria, criteriaParts } from './entityRules';
import { normalizeIdentityRef } from './identityRefs';
import { ALLOW, DENY, type CallerIdentity, type PermissionCriteria, type PolicyDecision } from './permissionTypes';

/** In IS_ENTITY_OWNER claims: the caller's own ownership refs (its user ref and groups). */
export const CALLER_CLAIMS = '$ownershipEntityRefs';

interface CompiledRule {
  actions: ((action: string) => boolean)[];
  who: (identity: CallerIdentity) => boolean;
  decision: PolicyDecision;
}

/**
 * A policy from configuration (`policy.yaml` or JSON, parsed): rules tried in order, the
 * first whose `action` and `who` match decides; none matching gives `default` (deny
 * unless the file says otherwise). See docs/permissions.md for the format.
 */
export function policyFromConfig(config: unknown, source = 'policy'): Policy {
  if (!isObject(config)) throw new Error(`${source}: expected an object with "rules"`);
  for (const key of Object.keys(config)) {
    if (key !== 'rules' && key !== 'default') throw new Error(`${source}: unknown key "${key}" (expected rules, default)`);
  }
  const fallback = config.default ?? 'deny';
  if (fallback !== 'allow' && fallback !== 'deny') throw new Error(`${source}.default: expected allow or deny`);
  if (!Array.isArray(config.rules)) throw new Error(`${source}.rules: expected a list`);
  const rules = config.rules.map((rule, index) => compileRule(rule, `${source}.rules[${index}]`));
  const otherwise = fallback === 'allow' ? ALLOW : DENY;
  return definePolicy((request, identity) => {
    const rule = rules.find((candidate) => candidate.who(identity) && candidate.actions.some((matches) => matches(request.action)));
    if (!rule) return otherwise;
    return rule.decision.result === 'CONDITIONAL' ? { result: 'CONDITIONAL', conditions: withClaims(rule.decision.conditions, identity) } : rule.decision;
  });
}

function compileRule(rule: unknown, where: string): CompiledRule {
  if (!isObject(rule)) throw new Error(`${where}: expected an object`);
  for (const key of Object.keys(rule)) {
    if (!['action', 'who', 'decision', 'conditions'].includes(key)) throw new Error(`${where}: unknown key "${key}"`);
  }
  const actions = (Array.isArray(rule.action) ? rule.action : [rule.action]).map((pattern, index) => actionMatcher(pattern, `${where}.action[${index}]`));
  if (!actions.length) throw new Error(`${where}.action: list at least one action`);
  const decision = rule.decision ?? (rule.conditions === undefined ? undefined : 'conditional');
  if (decision === 'allow' || decision === 'deny') {
    if (rule.conditions !== undefined) throw new Error(`${where}: "conditions" only go with decision: conditional`);
    return { actions, who: whoMatcher(rule.who, `${where}.who`), decision: decision === 'allow' ? ALLOW : DENY };
  }
  if (decision !== 'conditional') throw new Error(`${where}.decision: expected allow, deny or conditional`);
  if (rule.conditions === undefined) throw new Error(`${where}: decision conditional needs "conditions"`);
  const conditions = checkCriteria(defaultClaims(rule.conditions), `${where}.conditions`);
  return { actions, who: whoMatcher(rule.who, `${where}.who`), decision: { result: 'CONDITIONAL', conditions } };
}

/** `catalog.entity.read` exactly, `catalog.*` any action under `catalog.`, `*` any. */
function actionMatcher(pattern: unknown, where: string): (action: string) => boolean {
  if (typeof pattern !== 'string' || !/^(\*|[a-z][a-zA-Z0-9-]*(\.[a-z][a-zA-Z0-9-]*)*(\.\*)?)$/.test(pattern)) {
    throw new Error(`${where}: expected an action such as catalog.entity.read, catalog.* or *`);
  }
  if (pattern === '*') return () => true;
  if (pattern.endsWith('.*')) return (action) => action.startsWith(pattern.slice(0, -1));
  return (action) => action === pattern;
}

/** `anyone` (default), `authenticated`, `anonymous`, or user / group refs (any of them). */
function whoMatcher(who: unknown, where: string): (identity: CallerIdentity) => boolean {
  if (who === undefined || who === 'anyone') return () => true;
  if (who === 'authenticated') return (identity) => identity.type === 'user';
  if (who === 'anonymous') return (identity) => identity.type === 'anonymous';
  const list = Array.isArray(who) ? who : [who];
  const refs = new Set(
    list.map((ref) => {
      const canonical = typeof ref === 'string' ? normalizeIdentityRef(ref, 'group') : null;
      if (!canonical) throw new Error(`${where}: expected anyone, authenticated, anonymous or user / group refs, got ${JSON.stringify(ref)}`);
      return canonical;
    }),
  );
  return (identity) => identity.type === 'user' && identity.ownershipEntityRefs.some((ref) => refs.has(ref));
}

/** In a file, IS_ENTITY_OWNER without claims means "owned by the caller". */
function defaultClaims(criteria: unknown): unknown {
  if (!isObject(criteria)) return criteria;
  if (Array.isArray(criteria.allOf)) return { ...criteria, allOf: criteria.allOf.map(defaultClaims) };
  if (Array.isArray(criteria.anyOf)) return { ...criteria, anyOf: criteria.anyOf.map(defaultClaims) };
  if ('not' in criteria) return { ...criteria, not: defaultClaims(criteria.not) };
  if (criteria.rule === 'IS_ENTITY_OWNER' && !(isObject(criteria.params) && 'claims' in criteria.params)) {
    return { ...criteria, params: { ...(isObject(criteria.params) ? criteria.params : {}), claims: [CALLER_CLAIMS] } };
  }
  return criteria;
}

/** Replaces CALLER_CLAIMS with the caller's refs (none for an anonymous caller). */
function withClaims(criteria: PermissionCriteria, identity: CallerIdentity): PermissionCriteria {
  const parts = criteriaParts(criteria);
  if (parts.kind === 'allOf' || parts.kind === 'anyOf') {
    return { [parts.kind]: parts.parts.map((part) => withClaims(part, identity)) } as PermissionCriteria;
  }
  if (parts.kind === 'not') return { not: withClaims(parts.part, identity) };
  const claims = parts.condition.params?.claims;
  if (parts.condition.rule !== 'IS_ENTITY_OWNER' || !Array.isArray(claims) || !claims.includes(CALLER_CLAIMS)) return criteria;
  const own = identity.type === 'user' ? identity.ownershipEntityRefs : [];
  return { ...parts.condition, params: { ...parts.condition.params, claims: [...new Set(claims.flatMap((claim) => (claim === CALLER_CLAIMS ? own : [claim])))] } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
