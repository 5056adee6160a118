import { defineRule, fail, pass } from './rule';
import { numberParam, paramsObject } from './ruleParams';

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** Builds mostly succeed: the share of finished runs that succeeded over the last 30 days. */
export const buildSuccessRate = defineRule({
  name: 'buildSuccessRate',
  description: 'Passes when at least `min` (0 to 1, default 0.9) of the CI runs that finished in the last 30 days succeeded.',
  facts: ['buildSuccessRate'],
  parseParams: (raw) => ({ min: numberParam(paramsObject(raw, 'buildSuccessRate', ['min']), 'buildSuccessRate', 'min', { min: 0, max: 1, fallback: 0.9 }) }),
  evaluate: ({ buildSuccessRate: rate }, { min }) => {
    if (rate === null) return fail('no CI run finished in the last 30 days');
    const said = `${percent(rate)} of the CI runs finished in the last 30 days succeeded (at least ${percent(min)} needed)`;
    return rate >= min ? pass(said) : fail(said);
  },
});
