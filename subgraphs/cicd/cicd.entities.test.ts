import { postGraphQL, startTestSubgraph, type RunningTestSubgraph } from '../../kit/testing';
import { cicdSubgraph } from '.';

const RECORD = `mutation ($input: PipelineRunInput!) { recordPipelineRun(input: $input) { id status entityRef projectSlug durationSeconds } }`;

const ENTITIES = `
  query ($representations: [_Any!]!, $after: String) {
    _entities(representations: $representations) {
      __typename
      ... on Entity {
        ref
        pipelineRuns(first: 2, after: $after) {
          edges { cursor node { pipeline status branch entityRef projectSlug durationSeconds } }
          pageInfo { hasNextPage endCursor }
        }
        latestRuns { pipeline status }
        latestRun(branch: "main", statuses: [SUCCEEDED, FAILED]) { pipeline status }
        buildStats(window: 30) { windowDays runCount successCount failureCount successRate medianDurationSeconds }
      }
    }
  }`;

const slugAnnotation = (slug: string) => [
  { key: 'backstage.io/techdocs-ref', value: 'dir:.' },
  { key: 'github.com/project-slug', value: slug },
];

// Stats windows count back from the real clock; one fixed "now" keeps durations exact.
const NOW = Date.now();
const ago = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

// The federation contract: the gateway sends `Entity` representations with the ref and,
// for the fields that @require them, the catalog's annotations; runs are matched by both.
describe('cicd _entities', () => {
  let cicd: RunningTestSubgraph<unknown>;
  const record = async (input: Record<string, unknown>) => {
    const result = await postGraphQL(cicd.url, RECORD, { input });
    expect(result.errors).toBeUndefined();
    return result.data!.recordPipelineRun;
  };

  beforeAll(async () => {
    cicd = await startTestSubgraph(cicdSubgraph);
    await record({ entityRef: 'component:default/web-shop', pipeline: 'build', status: 'SUCCEEDED', branch: 'main', startedAt: ago(300), finishedAt: ago(298) });
    await record({ projectSlug: 'harbor-and-finch/web-shop', pipeline: 'deploy', status: 'FAILED', branch: 'main', startedAt: ago(200), finishedAt: ago(196) });
    await record({ projectSlug: 'harbor-and-finch/web-shop', pipeline: 'build', status: 'RUNNING', branch: 'main', startedAt: ago(100) });
  });
  afterAll(() => cicd?.stop());

  it('records runs by ref or by slug through the mutation, and refuses a run that names neither', async () => {
    const bySlug = await record({ projectSlug: 'Harbor-and-Finch/Other', pipeline: 'x', status: 'SUCCEEDED', startedAt: ago(50), finishedAt: ago(49) });
    expect(bySlug).toMatchObject({ status: 'SUCCEEDED', entityRef: null, projectSlug: 'harbor-and-finch/other', durationSeconds: 60 });
    const neither = await postGraphQL(cicd.url, RECORD, { input: { pipeline: 'x', status: 'SUCCEEDED', startedAt: ago(1) } });
    expect(neither.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(neither.errors?.[0].message).toMatch(/"entityRef" or "projectSlug"/);
  });

  it('answers a representation named after a concrete kind, as Hive Gateway sends it, like an Entity one', async () => {
    const ask = (typename: string) =>
      postGraphQL(cicd.url, ENTITIES, { representations: [{ __typename: typename, ref: 'component:default/web-shop', annotations: slugAnnotation('harbor-and-finch/web-shop') }] });
    const concrete = await ask('Component');
    expect(concrete.errors).toBeUndefined();
    const asEntity = await ask('Entity');
    expect(concrete.data).toEqual(asEntity.data);
    expect(concrete.data!._entities[0].pipelineRuns.edges.length).toBeGreaterThan(0);
  });

  it('resolves an Entity representation with runs by ref and by its project-slug annotation, in order', async () => {
    const result = await postGraphQL(cicd.url, ENTITIES, {
      representations: [
        { __typename: 'Entity', ref: 'component:default/web-shop', annotations: slugAnnotation('Harbor-and-Finch/Web-Shop') },
        { __typename: 'Entity', ref: 'component:default/web-shop', annotations: [] },
        { __typename: 'Entity', ref: 'group:default/team-web', annotations: [] },
      ],
    });
    expect(result.errors).toBeUndefined();
    const [withSlug, refOnly, noRuns] = result.data!._entities;
    expect(withSlug.__typename).toBe('Entity');
    expect(withSlug.pipelineRuns.edges.map((edge: any) => edge.node)).toEqual([
      { pipeline: 'build', status: 'RUNNING', branch: 'main', entityRef: null, projectSlug: 'harbor-and-finch/web-shop', durationSeconds: null },
      { pipeline: 'deploy', status: 'FAILED', branch: 'main', entityRef: null, projectSlug: 'harbor-and-finch/web-shop', durationSeconds: 240 },
    ]);
    expect(withSlug.pipelineRuns.pageInfo).toEqual({ hasNextPage: true, endCursor: withSlug.pipelineRuns.edges[1].cursor });
    expect(withSlug.latestRuns).toEqual([{ pipeline: 'build', status: 'RUNNING' }, { pipeline: 'deploy', status: 'FAILED' }]);
    // The run in progress does not hide the last verdict.
    expect(withSlug.latestRun).toEqual({ pipeline: 'deploy', status: 'FAILED' });
    expect(withSlug.buildStats).toEqual({ windowDays: 30, runCount: 3, successCount: 1, failureCount: 1, successRate: 0.5, medianDurationSeconds: 180 });

    expect(refOnly.pipelineRuns.edges.map((edge: any) => edge.node.pipeline)).toEqual(['build']);
    expect(refOnly.buildStats).toMatchObject({ runCount: 1, successRate: 1, medianDurationSeconds: 120 });
    expect(noRuns).toMatchObject({
      ref: 'group:default/team-web',
      pipelineRuns: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
      latestRuns: [],
      latestRun: null,
      buildStats: { runCount: 0, successRate: null, medianDurationSeconds: null },
    });
  });

  it('continues a page from its endCursor', async () => {
    const representations = [{ __typename: 'Entity', ref: 'component:default/web-shop', annotations: slugAnnotation('harbor-and-finch/web-shop') }];
    const first = await postGraphQL(cicd.url, ENTITIES, { representations });
    const after = first.data!._entities[0].pipelineRuns.pageInfo.endCursor;
    const second = await postGraphQL(cicd.url, ENTITIES, { representations, after });
    expect(second.errors).toBeUndefined();
    expect(second.data!._entities[0].pipelineRuns).toMatchObject({
      edges: [{ node: { pipeline: 'build', status: 'SUCCEEDED', entityRef: 'component:default/web-shop' } }],
      pageInfo: { hasNextPage: false },
    });
  });

  it('refuses bad arguments as the caller’s error', async () => {
    const representations = [{ __typename: 'Entity', ref: 'component:default/web-shop', annotations: [] }];
    const badCursor = await postGraphQL(cicd.url, ENTITIES, { representations, after: 'not-a-cursor' });
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badWindow = await postGraphQL(cicd.url, `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Entity { buildStats(window: 0) { runCount } } } }`, { representations });
    expect(badWindow.errors?.[0].message).toMatch(/"window"/);
  });
});

describe('cicd batching', () => {
  const queries: string[] = [];
  let cicd: RunningTestSubgraph<unknown>;
  const services = Array.from({ length: 25 }, (_, index) => `svc-${index}`);

  beforeAll(async () => {
    cicd = await startTestSubgraph(cicdSubgraph, { onQuery: (sql) => queries.push(sql) });
    for (const [index, name] of services.entries()) {
      // Half reported by ref, half by repository, as a mixed fleet of CI systems would.
      const who = index % 2 ? { entityRef: `component:default/${name}` } : { projectSlug: `org/${name}` };
      const result = await postGraphQL(cicd.url, RECORD, {
        input: { ...who, pipeline: 'build', status: 'SUCCEEDED', branch: 'main', startedAt: ago(60), finishedAt: ago(58) },
      });
      expect(result.errors).toBeUndefined();
    }
  });
  afterAll(() => cicd?.stop());

  it('costs the same number of SQL statements for 1 entity as for 25', async () => {
    const cost = async (names: string[]) => {
      const representations = names.map((name) => ({ __typename: 'Entity', ref: `component:default/${name}`, annotations: slugAnnotation(`org/${name}`) }));
      queries.length = 0;
      const result = await postGraphQL(cicd.url, ENTITIES, { representations });
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.every((entity: any) => entity.pipelineRuns.edges.length === 1 && entity.buildStats.runCount === 1)).toBe(true);
      return queries.length;
    };
    const one = await cost(services.slice(0, 1));
    const many = await cost(services);
    expect(many).toBe(one);
    // pipelineRuns, latestRun (other arguments, so its own batch), latestRuns, buildStats.
    expect(one).toBe(4);
  });
});
