import type { RunningSubgraph } from '../../kit';
import { postGraphQL, startTestSubgraph } from '../../kit/testing';
import type { SecurityContext } from './context';
import { securitySubgraph } from './index';

/**
 * The contract with the gateway: asked for `Entity` representations by ref alone, the
 * subgraph answers with its fields, in the order asked, for entities it knows and for
 * entities it has never heard of.
 */
describe('security subgraph _entities', () => {
  let subgraph: RunningSubgraph<SecurityContext>;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(securitySubgraph, { demo: true });
  });

  afterAll(() => subgraph?.stop());

  const entities = (refs: string[], selection: string) =>
    postGraphQL(
      subgraph.url,
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Entity { ref ${selection} } } }`,
      { representations: refs.map((ref) => ({ __typename: 'Entity', ref })) },
    );

  it('resolves each representation by ref, in order, with its summary', async () => {
    const response = await entities(
      ['component:default/legacy-checkout', 'component:default/checkout-service', 'component:default/web-shop'],
      'vulnerabilitySummary { critical high moderate low info total }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { ref: 'component:default/legacy-checkout', vulnerabilitySummary: { critical: 1, high: 4, moderate: 2, low: 1, info: 0, total: 8 } },
      { ref: 'component:default/checkout-service', vulnerabilitySummary: { critical: 1, high: 2, moderate: 0, low: 0, info: 0, total: 3 } },
      { ref: 'component:default/web-shop', vulnerabilitySummary: { critical: 0, high: 0, moderate: 1, low: 0, info: 0, total: 1 } },
    ]);
  });

  it('gives an entity without findings an all-zero summary and an empty list, not null', async () => {
    const response = await entities(['group:default/team-payments'], 'vulnerabilitySummary { critical total oldestOpenCritical { id } } vulnerabilities { id }');
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { ref: 'group:default/team-payments', vulnerabilitySummary: { critical: 0, total: 0, oldestOpenCritical: null }, vulnerabilities: [] },
    ]);
  });

  it('lists findings most severe first, with their advisory, package and fix', async () => {
    const response = await entities(
      ['component:default/checkout-service'],
      'vulnerabilities(first: 2) { advisoryId package severity state fixedVersion url } vulnerabilitySummary { oldestOpenCritical { advisoryId package } }',
    );
    expect(response.errors).toBeUndefined();
    const [entity] = response.data?._entities;
    expect(entity.vulnerabilities).toEqual([
      { advisoryId: 'GHSA-xvch-5gv4-984h', package: 'minimist', severity: 'CRITICAL', state: 'OPEN', fixedVersion: '1.2.6', url: 'https://github.com/advisories/GHSA-xvch-5gv4-984h' },
      expect.objectContaining({ severity: 'HIGH', state: 'OPEN' }),
    ]);
    expect(entity.vulnerabilitySummary.oldestOpenCritical).toEqual({ advisoryId: 'GHSA-xvch-5gv4-984h', package: 'minimist' });
  });

  it('filters by severity and refuses a page size over 100', async () => {
    const filtered = await entities(['component:default/legacy-checkout'], 'vulnerabilities(severity: [MODERATE, LOW]) { severity }');
    expect(filtered.data?._entities[0].vulnerabilities.map((finding: { severity: string }) => finding.severity)).toEqual(['MODERATE', 'MODERATE', 'LOW']);

    const tooMany = await entities(['component:default/legacy-checkout'], 'vulnerabilities(first: 101) { id }');
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.data?._entities[0].vulnerabilities).toBeNull();
  });
});
