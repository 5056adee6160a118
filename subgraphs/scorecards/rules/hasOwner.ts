import { defineRule, fail, pass } from './rule';
import { paramsObject } from './ruleParams';

/** Someone answers for it: an owner is declared and exists in the catalog. */
export const hasOwner = defineRule({
  name: 'hasOwner',
  description: 'Passes when the entity declares an owner (relation `ownedBy`) that exists in the catalog. No parameters.',
  facts: ['owner'],
  parseParams: (raw) => paramsObject(raw, 'hasOwner', []),
  evaluate: ({ owner }) => {
    if (!owner) return fail('no owner declared');
    return owner.exists ? pass(`owned by ${owner.ref}`) : fail(`its owner ${owner.ref} is not in the catalog`);
  },
});
