import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunningSubgraph } from '../../kit';
import { postGraphQL, startTestSubgraph } from '../../kit/testing';
import type { SecurityContext } from './context';
import { securitySubgraph } from './index';

const IMPORT_NPM = `mutation ($entityRef: ID!, $report: String!) {
  importNpmAudit(entityRef: $entityRef, report: $report) { scanner opened updated closed reopened }
}`;
const IMPORT_SARIF = `mutation ($entityRef: ID!, $sarif: String!) {
  importSarif(entityRef: $entityRef, sarif: $sarif) { scanner opened updated closed reopened }
}`;
const demoFile = (name: string) => readFileSync(path.join(__dirname, 'demo', name), 'utf8');

describe('security subgraph mutations over HTTP', () => {
  let subgraph: RunningSubgraph<SecurityContext>;
  const rowCount = () => subgraph.services.prisma.finding.count();

  beforeAll(async () => {
    subgraph = await startTestSubgraph(securitySubgraph);
  });

  afterAll(() => subgraph?.stop());

  beforeEach(() => subgraph.services.prisma.finding.deleteMany());

  it('imports an npm audit report, then a re-import that dropped a finding closes it', async () => {
    const report = JSON.parse(demoFile('checkout-service.npm-audit.json'));
    const first = await postGraphQL(subgraph.url, IMPORT_NPM, { entityRef: 'Component:default/Checkout-Service', report: JSON.stringify(report) });
    expect(first.errors).toBeUndefined();
    expect(first.data?.importNpmAudit).toEqual({ scanner: 'npm-audit', opened: 3, updated: 0, closed: 0, reopened: 0 });

    // json5 was upgraded: its entry is gone from the next report.
    delete report.vulnerabilities.json5;
    const second = await postGraphQL(subgraph.url, IMPORT_NPM, { entityRef: 'component:default/checkout-service', report: JSON.stringify(report) });
    expect(second.data?.importNpmAudit).toEqual({ scanner: 'npm-audit', opened: 0, updated: 2, closed: 1, reopened: 0 });

    const listed = await postGraphQL(subgraph.url, `{ findings(entityRef: "component:default/checkout-service", state: FIXED) { package state fixedAt } }`);
    expect(listed.data?.findings).toEqual([{ package: 'json5', state: 'FIXED', fixedAt: expect.any(String) }]);
  });

  it('imports a SARIF log under the tool\'s name', async () => {
    const response = await postGraphQL(subgraph.url, IMPORT_SARIF, { entityRef: 'component:default/web-shop', sarif: demoFile('web-shop.trivy.sarif.json') });
    expect(response.data?.importSarif).toEqual({ scanner: 'trivy', opened: 1, updated: 0, closed: 0, reopened: 0 });
  });

  it.each([
    ['npm audit: not JSON', IMPORT_NPM, { report: 'found 0 vulnerabilities' }, /not JSON/],
    ['npm audit: wrong shape', IMPORT_NPM, { report: JSON.stringify({ auditReportVersion: 2, vulnerabilities: { lodash: { via: [7] } } }) }, /via\[0\]/],
    ['npm audit: an entity ref without kind', IMPORT_NPM, { entityRef: 'checkout-service' }, /full entity ref/],
    ['SARIF: unknown version', IMPORT_SARIF, { sarif: JSON.stringify({ version: '2.0.0', runs: [] }) }, /Unsupported SARIF version/],
    ['SARIF: not JSON', IMPORT_SARIF, { sarif: '<sarif/>' }, /not JSON/],
  ])('%s is BAD_USER_INPUT and writes nothing', async (_, mutation, variables, message) => {
    // A good report alongside proves a bad one is rejected before anything is written.
    const defaults = { entityRef: 'component:default/checkout-service', report: demoFile('checkout-service.npm-audit.json'), sarif: demoFile('web-shop.trivy.sarif.json') };
    const good = mutation === IMPORT_NPM ? { entityRef: defaults.entityRef, report: defaults.report } : { entityRef: defaults.entityRef, sarif: defaults.sarif };
    const response = await postGraphQL(subgraph.url, mutation, { ...good, ...variables });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(message);
    expect(response.data).toBeNull();
    expect(await rowCount()).toBe(0);
  });

  it('dismisses a finding, and refuses an unknown id with NOT_FOUND', async () => {
    await postGraphQL(subgraph.url, IMPORT_NPM, { entityRef: 'component:default/checkout-service', report: demoFile('checkout-service.npm-audit.json') });
    const [finding] = await subgraph.services.prisma.finding.findMany({ where: { packageName: 'minimist' } });
    const dismiss = `mutation ($id: ID!) { dismissFinding(id: $id, reason: "Dev-only dependency") { state dismissedReason dismissedAt } }`;
    const dismissed = await postGraphQL(subgraph.url, dismiss, { id: finding.id });
    expect(dismissed.data?.dismissFinding).toEqual({ state: 'DISMISSED', dismissedReason: 'Dev-only dependency', dismissedAt: expect.any(String) });
    const summary = await postGraphQL(subgraph.url, `{ _entities(representations: [{ __typename: "Entity", ref: "component:default/checkout-service" }]) { ... on Entity { vulnerabilitySummary { critical total } } } }`);
    expect(summary.data?._entities[0].vulnerabilitySummary).toEqual({ critical: 0, total: 2 });

    const unknown = await postGraphQL(subgraph.url, dismiss, { id: 'no-such-finding' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
