import type { CheckDefinition } from '../model/checkDefinition';

/**
 * A check only the demo has, on top of the default ones (seeded by a migration): it
 * shows a check added as data, with a rule and parameters, and no code or schema change.
 * Two demo components link to a runbook (checkout-service, account-service).
 */
export const DEMO_CHECKS: CheckDefinition[] = [
  {
    id: 'has-runbook',
    name: 'Links to a runbook',
    description: 'Whoever is on call finds the runbook from the catalog.',
    level: 'gold',
    rule: 'hasLink',
    params: { matches: 'runbook' },
    appliesTo: ['component'],
  },
];
