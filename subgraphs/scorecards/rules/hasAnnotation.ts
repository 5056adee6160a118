import { defineRule, fail, pass } from './rule';
import { paramsObject, stringParam } from './ruleParams';

/** An annotation other tools rely on is set, e.g. `github.com/project-slug`. */
export const hasAnnotation = defineRule({
  name: 'hasAnnotation',
  description: 'Passes when the entity has the annotation `key` (required, exact) with a non-empty value.',
  facts: ['annotations'],
  parseParams: (raw) => ({ key: stringParam(paramsObject(raw, 'hasAnnotation', ['key']), 'hasAnnotation', 'key') }),
  evaluate: ({ annotations }, { key }) => {
    const value = annotations.find((annotation) => annotation.key === key)?.value;
    return value?.trim() ? pass(`annotation ${key} is "${value}"`) : fail(`annotation ${key} is missing`);
  },
});
