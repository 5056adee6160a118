import { defineRule, fail, pass } from './rule';
import { paramsObject } from './ruleParams';

/** CI is green on the default branch: the last verdict counts, a run in progress does not hide it. */
export const ciPassing = defineRule({
  name: 'ciPassing',
  description:
    'Passes when the newest finished CI run (SUCCEEDED or FAILED) on the default branch succeeded. The branch is the subgraph\'s `defaultBranch` option (default `main`). No parameters.',
  facts: ['defaultBranchStatus'],
  parseParams: (raw) => paramsObject(raw, 'ciPassing', []),
  evaluate: ({ defaultBranchStatus }) => {
    if (defaultBranchStatus === null) return fail('no finished CI run on the default branch');
    return defaultBranchStatus === 'SUCCEEDED'
      ? pass('the last finished CI run on the default branch succeeded')
      : fail('the last finished CI run on the default branch failed');
  },
});
