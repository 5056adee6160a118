import { defineRule, fail, pass } from './rule';
import { paramsObject } from './ruleParams';

/** It belongs to a system. */
export const hasSystem = defineRule({
  name: 'hasSystem',
  description: 'Passes when the entity is part of a system (relation `partOf` to a system). No parameters.',
  facts: ['system'],
  parseParams: (raw) => paramsObject(raw, 'hasSystem', []),
  evaluate: ({ system }) => (system ? pass(`part of ${system}`) : fail('not part of any system')),
});
