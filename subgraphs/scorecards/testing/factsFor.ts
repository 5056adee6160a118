import type { EntityFacts } from '../facts/entityFacts';
import { known } from '../facts/fact';
import type { CheckRecord } from '../data/checkRecord';

/** The facts of a healthy component, every one known, with `overrides` on top: for rule and model tests. */
export function factsFor(overrides: Partial<EntityFacts> = {}): EntityFacts {
  return {
    ref: 'component:default/web-shop',
    kind: 'component',
    owner: known({ ref: 'group:default/team-storefront', exists: true }),
    lifecycle: known('production'),
    system: known('system:default/storefront'),
    annotations: known([{ key: 'github.com/project-slug', value: 'harbor-and-finch/web-shop' }]),
    links: known([{ url: 'https://runbooks.example.com/web-shop', title: 'Runbook', type: null }]),
    docsPageCount: known(3),
    defaultBranchStatus: known('SUCCEEDED'),
    buildSuccessRate: known(0.95),
    openCritical: known(0),
    openHigh: known(0),
    ...overrides,
  };
}

/** A stored check with these fields, for model tests. */
export function checkFor(overrides: Partial<CheckRecord> & Pick<CheckRecord, 'id' | 'rule'>): CheckRecord {
  const now = new Date('2026-12-10T00:00:00Z');
  return {
    name: overrides.id,
    description: '',
    level: 'bronze',
    params: {},
    appliesTo: ['component'],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
