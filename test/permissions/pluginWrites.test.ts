import { ALLOW, DENY, definePolicy, type RunningSubgraph } from '../../kit';
import { postGraphQL, startTestSubgraph } from '../../kit/testing';
import { createCicdSubgraph } from '../../subgraphs/cicd';

// A plugin's writes ask the policy for the plugin's own action; a refusal is FORBIDDEN
// and writes nothing.
describe('plugin writes under a policy', () => {
  let cicd: RunningSubgraph<unknown>;
  const policy = definePolicy((request) => (request.action === 'cicd.run.create' ? DENY : ALLOW));
  const record = `mutation {
    recordPipelineRun(input: { entityRef: "component:default/web-shop", pipeline: "build", status: SUCCEEDED, startedAt: "2026-11-01T10:00:00Z" }) { id }
  }`;
  beforeAll(async () => {
    cicd = await startTestSubgraph(createCicdSubgraph(), { policy });
  });
  afterAll(() => cicd?.stop());

  it('refuses a write the policy denies, and stores nothing', async () => {
    const result = await postGraphQL(cicd.url, record);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const runs = await postGraphQL(cicd.url, '{ pipelineRunsFor(entityRef: "component:default/web-shop") { id } }');
    expect(runs.errors).toBeUndefined();
    expect(runs.data!.pipelineRunsFor).toEqual([]);
  });
});
