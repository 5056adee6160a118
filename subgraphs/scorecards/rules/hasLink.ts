import { defineRule, fail, pass } from './rule';
import { paramsObject, stringParam } from './ruleParams';

/** It links to something people need, e.g. a runbook or a dashboard. */
export const hasLink = defineRule({
  name: 'hasLink',
  description: 'Passes when one of the entity\'s links has `matches` (required, case-insensitive) in its title, type or URL, e.g. `{"matches": "runbook"}`.',
  facts: ['links'],
  parseParams: (raw) => ({ matches: stringParam(paramsObject(raw, 'hasLink', ['matches']), 'hasLink', 'matches').toLowerCase() }),
  evaluate: ({ links }, { matches }) => {
    const link = links.find((candidate) => [candidate.title, candidate.type, candidate.url].some((text) => text?.toLowerCase().includes(matches)));
    return link ? pass(`links to ${link.title ? `"${link.title}" ` : ''}${link.url}`) : fail(`no link whose title, type or URL mentions "${matches}"`);
  },
});
