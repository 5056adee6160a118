import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALLOW_ALL_POLICY, ANONYMOUS, bindRequestAccess, createRequestAccess, NotFoundError, requireReadableEntity } from '../../kit';
import { postGraphQL, TEST_SUBGRAPH_SECRET } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../../test/support/startPlatform';
import type { SecurityContext } from './context';

const IMPORT_NPM = 'mutation ($ref: ID!, $report: String!) { importNpmAudit(entityRef: $ref, report: $report) { opened } }';
const IMPORT_SARIF = 'mutation ($ref: ID!, $sarif: String!) { importSarif(entityRef: $ref, sarif: $sarif) { opened } }';
const demoFile = (name: string) => readFileSync(path.join(__dirname, 'demo', name), 'utf8');
const AUDIT = demoFile('checkout-service.npm-audit.json');
const SARIF = demoFile('web-shop.trivy.sarif.json');

// Findings are stored under an entity the catalog has and the caller may read: the
// security subgraph asks the gateway, as the caller, before it stores anything.
describe('security imports through the gateway', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog', 'security'], subgraph: (name) => ({ demo: name === 'catalog' }) });
  }, 300_000);
  afterAll(() => platform?.stop());
  const stored = (ref: string) => (platform.subgraphs.security.services as SecurityContext).prisma.finding.count({ where: { entityRef: ref } });

  it('refuses an import for an entity the catalog does not have, and stores nothing', async () => {
    for (const [query, variables] of [
      [IMPORT_NPM, { ref: 'component:default/no-such-service', report: AUDIT }],
      [IMPORT_SARIF, { ref: 'component:default/no-such-service', sarif: SARIF }],
    ] as const) {
      const answer = await postGraphQL(platform.gatewayUrl, query, variables);
      expect(answer.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['NOT_FOUND', 'No entity component:default/no-such-service']]);
    }
    expect(await stored('component:default/no-such-service')).toBe(0);
  });

  it('imports for an entity the catalog has, named in any case', async () => {
    const answer = await postGraphQL(platform.gatewayUrl, IMPORT_NPM, { ref: 'Component:default/Checkout-Service', report: AUDIT });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.importNpmAudit.opened).toBe(3);
    expect(await stored('component:default/checkout-service')).toBe(3);
  });

  it('asks the gateway once for every ref one request checks', async () => {
    const context = {};
    bindRequestAccess(context, createRequestAccess(ALLOW_ALL_POLICY, ANONYMOUS, TEST_SUBGRAPH_SECRET, { gatewayUrl: platform.gatewayUrl }));
    const fetches = jest.spyOn(globalThis, 'fetch');
    try {
      const refs = ['component:default/checkout-service', 'component:default/web-shop', 'component:default/no-such-service'];
      const outcomes = await Promise.all(refs.map((ref) => requireReadableEntity(context, ref).then(() => 'ok', (error: unknown) => error)));
      expect(outcomes.slice(0, 2)).toEqual(['ok', 'ok']);
      expect(outcomes[2]).toBeInstanceOf(NotFoundError);
      // Calls to the gateway only: the gateway's own fetches to the catalog are not the plugin's.
      expect(fetches.mock.calls.filter(([url]) => String(url) === platform.gatewayUrl)).toHaveLength(1);
    } finally {
      fetches.mockRestore();
    }
  });
});
