import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { LIST_WITH_EVERY_PLUGIN, seedPlatform } from './seedPlatform';

type Counts = Record<string, number>;

// The proofs behind "a page of N entities costs the same as a page of 5": the number of
// subgraph fetches, and the SQL statements each subgraph sends, do not depend on how
// many entities are on the page (the gateway batches one fetch per subgraph per plan
// step; each subgraph answers a fetch with one query per kind of data, DataLoaders).
describe('cost per operation does not grow with the number of entities', () => {
  let platform: TestPlatform;
  const fetches: Counts = {};
  const queries: Counts = {};
  const count = (counts: Counts, name: string) => void (counts[name] = (counts[name] ?? 0) + 1);
  const reset = () => [fetches, queries].forEach((counts) => Object.keys(counts).forEach((key) => delete counts[key]));

  const docsRoot = mkdtempSync(path.join(tmpdir(), 'ensemble-perf-docs-'));

  beforeAll(async () => {
    platform = await startPlatform({
      settings: { TECHDOCS_SOURCE_ROOTS: docsRoot },
      subgraph: (name) => ({ onQuery: () => count(queries, name) }),
      gateway: { performance: { onSubgraphFetch: (name) => count(fetches, name) } },
    });
    await seedPlatform(platform.gatewayUrl, 50, docsRoot);
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
    rmSync(docsRoot, { recursive: true, force: true });
  });

  async function costOf(first: number) {
    // Once unmeasured: a first request may load lazily what later ones reuse.
    await postGraphQL(platform.gatewayUrl, LIST_WITH_EVERY_PLUGIN, { first });
    reset();
    const result = await postGraphQL(platform.gatewayUrl, LIST_WITH_EVERY_PLUGIN, { first });
    expect(result.errors).toBeUndefined();
    expect(result.data!.entities.edges).toHaveLength(first);
    return { fetches: { ...fetches }, queries: { ...queries }, nodes: result.data!.entities.edges.map((edge: any) => edge.node) };
  }

  it('makes the same subgraph fetches for 5 entities as for 50, every plugin included', async () => {
    const five = await costOf(5);
    const fifty = await costOf(50);
    // Every plugin answered, with data (not nulls from a failure).
    expect(fifty.nodes.every((node: any) => node.latestRuns.length === 1 && node.vulnerabilitySummary.high === 1 && node.owner.ref === 'group:default/team-a')).toBe(true);
    expect(fifty.nodes.filter((node: any) => node.docs?.pageCount === 1)).toHaveLength(10);
    expect(fifty.nodes.every((node: any) => node.scorecard && node.scorecard.results.length > 0)).toBe(true);
    expect(Object.keys(five.fetches).sort()).toEqual(['catalog', 'cicd', 'scorecards', 'security', 'techdocs']);
    expect(fifty.fetches).toEqual(five.fetches);
  });

  it('sends each subgraph the same number of SQL statements for 5 entities as for 50', async () => {
    const five = await costOf(5);
    const fifty = await costOf(50);
    expect(fifty.queries).toEqual(five.queries);
    // One statement per kind of data a fetch asks for: runs + stats (cicd), findings +
    // summary (security), sites + pages (techdocs); never one per entity.
    for (const plugin of ['cicd', 'security', 'techdocs']) {
      expect(fifty.queries[plugin]).toBeLessThanOrEqual(2 * fifty.fetches[plugin]);
    }
  });
});
