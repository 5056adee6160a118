import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../../test/support/startPlatform';

const SCORECARD = `{ entity(ref: "component:default/checkout-service") {
  scorecard { results { check { id } status reason } } } }`;

// A gateway composed without some plugins: the checks that read them are UNKNOWN and
// say why; the others are scored as usual (the facts query is not rejected whole).
describe('scorecards on a graph without the cicd and techdocs plugins', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog', 'security', 'scorecards'], subgraph: () => ({ demo: true }) });
  });
  afterAll(() => platform?.stop());

  it('scores from the plugins there are, and names the missing ones', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      // The second time, the missing plugins are already known and left out of the first request.
      const response = await postGraphQL(platform.gatewayUrl, SCORECARD);
      expect(response.errors).toBeUndefined();
      const results: { check: { id: string }; status: string; reason: string }[] = response.data!.entity.scorecard.results;
      const byId = Object.fromEntries(results.map((result) => [result.check.id, result]));
      expect(byId['has-owner']).toMatchObject({ status: 'PASS' });
      expect(byId['no-open-critical-vulnerabilities']).toMatchObject({ status: 'FAIL' });
      expect(byId['has-docs']).toEqual({ check: { id: 'has-docs' }, status: 'UNKNOWN', reason: 'the graph has no techdocs plugin' });
      const unknown = results.filter((result) => result.status === 'UNKNOWN');
      expect(unknown.length).toBeGreaterThan(1);
      for (const result of unknown) expect(result.reason).toMatch(/^the graph has no (cicd|techdocs) plugin$/);
    }
  });
});
