import { defineRule, fail, pass } from './rule';
import { numberParam, paramsObject } from './ruleParams';

/** TechDocs has published its documentation. */
export const hasDocs = defineRule({
  name: 'hasDocs',
  description: 'Passes when TechDocs has published at least `minPages` pages (default 1) for the entity.',
  facts: ['docsPageCount'],
  parseParams: (raw) => ({ minPages: numberParam(paramsObject(raw, 'hasDocs', ['minPages']), 'hasDocs', 'minPages', { min: 1, max: 10_000, fallback: 1 }) }),
  evaluate: ({ docsPageCount }, { minPages }) => {
    if (docsPageCount === 0) return fail('no documentation published');
    const pages = `${docsPageCount} doc page${docsPageCount === 1 ? '' : 's'}`;
    return docsPageCount >= minPages ? pass(pages) : fail(`${pages}, fewer than ${minPages}`);
  },
});
