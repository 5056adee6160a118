import { defineRule, fail, pass } from './rule';
import { paramsObject, stringListParam } from './ruleParams';

/** spec.lifecycle is set (and, with parameters, one of the allowed values or none of the forbidden). */
export const lifecycle = defineRule({
  name: 'lifecycle',
  description:
    'Passes when spec.lifecycle is set. Parameters: `allowed` (lifecycles that pass, e.g. ["production"]) and `forbidden` (lifecycles that fail, e.g. ["deprecated"]), compared case-insensitively.',
  facts: ['lifecycle'],
  parseParams: (raw) => {
    const params = paramsObject(raw, 'lifecycle', ['allowed', 'forbidden']);
    return { allowed: stringListParam(params, 'lifecycle', 'allowed'), forbidden: stringListParam(params, 'lifecycle', 'forbidden') };
  },
  evaluate: ({ lifecycle: value }, { allowed, forbidden }) => {
    if (!value) return fail('no lifecycle set');
    const normalized = value.toLowerCase();
    if (allowed && !allowed.includes(normalized)) return fail(`lifecycle "${value}" is not one of ${allowed.join(', ')}`);
    if (forbidden?.includes(normalized)) return fail(`lifecycle "${value}" is not allowed`);
    return pass(`lifecycle "${value}"`);
  },
});
