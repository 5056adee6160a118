import type { PermissionCondition, PermissionCriteria } from './permissionTypes';

type ParamKind = 'string' | 'strings';

/**
 * The catalog entity rules Backstage's catalog ships (`catalogConditions`), with their
 * parameters. Policies name them; the catalog turns them into SQL. Listed here, in the
 * kit, so that a policy file with a misspelled rule or parameter fails at start.
 */
export const ENTITY_RULES: Record<string, { required: Record<string, ParamKind>; optional: Record<string, ParamKind> }> = {
  /** The entity's owner (its `ownedBy` relation) is one of `claims` (user and group refs). */
  IS_ENTITY_OWNER: { required: { claims: 'strings' }, optional: {} },
  /** The entity has this annotation (with this value, when given). */
  HAS_ANNOTATION: { required: { annotation: 'string' }, optional: { value: 'string' } },
  /** The entity has this label. */
  HAS_LABEL: { required: { label: 'string' }, optional: {} },
  /** The entity is of one of these kinds (any case). */
  IS_ENTITY_KIND: { required: { kinds: 'strings' }, optional: {} },
  /** `metadata.<key>` has a value (this value, when given). */
  HAS_METADATA: { required: { key: 'string' }, optional: { value: 'string' } },
  /** `spec.<key>` (a dotted path) has a value (this value, when given). */
  HAS_SPEC: { required: { key: 'string' }, optional: { value: 'string' } },
};

/** Builders for the entity rules, as Backstage's `catalogConditions`. */
export const entityConditions = {
  isEntityOwner: (params: { claims: string[] }) => condition('IS_ENTITY_OWNER', params),
  hasAnnotation: (params: { annotation: string; value?: string }) => condition('HAS_ANNOTATION', params),
  hasLabel: (params: { label: string }) => condition('HAS_LABEL', params),
  isEntityKind: (params: { kinds: string[] }) => condition('IS_ENTITY_KIND', params),
  hasMetadata: (params: { key: string; value?: string }) => condition('HAS_METADATA', params),
  hasSpec: (params: { key: string; value?: string }) => condition('HAS_SPEC', params),
};

function condition(rule: string, params: Record<string, unknown>): PermissionCondition {
  return { rule, resourceType: 'catalog-entity', params };
}

/** Whether a criteria node combines others, and how. */
export function criteriaParts(criteria: PermissionCriteria):
  | { kind: 'allOf'; parts: PermissionCriteria[] }
  | { kind: 'anyOf'; parts: PermissionCriteria[] }
  | { kind: 'not'; part: PermissionCriteria }
  | { kind: 'condition'; condition: PermissionCondition } {
  if ('allOf' in criteria) return { kind: 'allOf', parts: criteria.allOf };
  if ('anyOf' in criteria) return { kind: 'anyOf', parts: criteria.anyOf };
  if ('not' in criteria) return { kind: 'not', part: criteria.not };
  return { kind: 'condition', condition: criteria };
}

/**
 * Checks criteria from a policy (a file, or code) and returns them; throws naming where
 * the mistake is. `where` is the place in the policy, for the message.
 */
export function checkCriteria(value: unknown, where: string): PermissionCriteria {
  if (!isObject(value)) throw new Error(`${where}: expected a condition or allOf / anyOf / not`);
  const keys = Object.keys(value);
  for (const combinator of ['allOf', 'anyOf'] as const) {
    if (combinator in value) {
      const parts = value[combinator];
      if (keys.length !== 1 || !Array.isArray(parts)) throw new Error(`${where}: "${combinator}" must be the only key and hold a list`);
      return { [combinator]: parts.map((part, index) => checkCriteria(part, `${where}.${combinator}[${index}]`)) } as PermissionCriteria;
    }
  }
  if ('not' in value) {
    if (keys.length !== 1) throw new Error(`${where}: "not" must be the only key`);
    return { not: checkCriteria(value.not, `${where}.not`) };
  }
  const rule = value.rule;
  if (typeof rule !== 'string' || !(rule in ENTITY_RULES)) {
    throw new Error(`${where}: unknown rule ${JSON.stringify(rule)}; known rules: ${Object.keys(ENTITY_RULES).join(', ')}`);
  }
  const params = value.params ?? {};
  if (!isObject(params)) throw new Error(`${where}: "params" must be an object`);
  const { required, optional } = ENTITY_RULES[rule];
  for (const [name, kind] of Object.entries(required)) {
    if (!(name in params)) throw new Error(`${where}: rule ${rule} needs params.${name}`);
    checkParam(params[name], kind, `${where}.params.${name}`);
  }
  for (const [name, given] of Object.entries(params)) {
    const kind = required[name] ?? optional[name];
    if (!kind) throw new Error(`${where}: rule ${rule} has no parameter "${name}"`);
    if (given !== undefined) checkParam(given, kind, `${where}.params.${name}`);
  }
  return { rule, resourceType: 'catalog-entity', params };
}

function checkParam(value: unknown, kind: ParamKind, where: string): void {
  const ok = kind === 'string' ? typeof value === 'string' : Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (!ok) throw new Error(`${where}: expected ${kind === 'string' ? 'a string' : 'a list of strings'}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
