import { describeEachDatabase, startTestSubgraphOn, type TestSubgraphOnDatabase } from '../../../kit/testing';
import type { RunStatus } from '../model/runStatus';
import { createCicdSubgraph } from '..';
import type { CicdServices } from '../services';
import { findRunPages, type RunsPageQuery } from './findRunPages';
import { findLatestRuns } from './findLatestRuns';
import { recordPipelineRun } from './recordPipelineRun';

const CHECKOUT = { ref: 'component:default/checkout-service', projectSlug: 'harbor-and-finch/checkout-service' };
// Another entity built from the same repository (a subcomponent, say): it shares the slug.
const CHECKOUT_DOCS = { ref: 'component:default/checkout-docs', projectSlug: 'harbor-and-finch/checkout-service' };
const LONELY = { ref: 'component:default/lonely', projectSlug: null };

const query = (overrides: Partial<RunsPageQuery> = {}): RunsPageQuery => ({
  first: 10, after: null, branch: null, pipeline: null, statuses: null, ...overrides,
});

describeEachDatabase('findRunPages and findLatestRuns', (kind) => {
  let cicd: TestSubgraphOnDatabase<CicdServices>;
  const prisma = () => cicd.subgraph.services.prisma;
  const reads = () => cicd.subgraph.services.reads;

  beforeAll(async () => {
    cicd = await startTestSubgraphOn(kind, createCicdSubgraph());
    const runs: [string, string, string, string, { entityRef?: string; projectSlug?: string }][] = [
      // pipeline, status, branch, startedAt, reported for
      ['build', 'succeeded', 'main', '2026-11-20T10:00:00Z', { entityRef: CHECKOUT.ref }],
      ['build', 'failed', 'main', '2026-11-20T11:00:00Z', { projectSlug: CHECKOUT.projectSlug }],
      // Two runs starting in the same millisecond: the id breaks the tie, and no page repeats or skips one.
      ['deploy', 'succeeded', 'main', '2026-11-20T12:00:00Z', { entityRef: CHECKOUT.ref }],
      ['lint', 'succeeded', 'feature/x', '2026-11-20T12:00:00Z', { projectSlug: CHECKOUT.projectSlug }],
      ['build', 'running', 'feature/x', '2026-11-20T13:00:00Z', { entityRef: CHECKOUT.ref, projectSlug: CHECKOUT.projectSlug }],
      ['build', 'succeeded', 'main', '2026-11-20T09:00:00Z', { entityRef: LONELY.ref }],
    ];
    for (const [pipeline, status, branch, startedAt, who] of runs) {
      await recordPipelineRun(prisma(), { ...who, pipeline, status, branch, startedAt });
    }
  });
  afterAll(() => cicd?.stop());

  it("finds an entity's runs by ref and by slug, newest first, each once", async () => {
    const [checkout, docs, lonely] = await findRunPages(reads(), [CHECKOUT, CHECKOUT_DOCS, LONELY], query());
    expect(checkout.runs.map((run) => run.startedAt.toISOString())).toEqual([
      '2026-11-20T13:00:00.000Z', '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', '2026-11-20T11:00:00.000Z', '2026-11-20T10:00:00.000Z',
    ]);
    expect(checkout.hasNextPage).toBe(false);
    // The entity sharing the slug sees the slug's runs, not those reported for the other ref.
    expect(docs.runs.map((run) => run.pipeline)).toEqual(['build', 'lint', 'build']);
    expect(lonely.runs).toHaveLength(1);
  });

  it('pages through every run exactly once, ties included', async () => {
    const [all] = await findRunPages(reads(), [CHECKOUT], query());
    const seen: string[] = [];
    let after: RunsPageQuery['after'] = null;
    for (let pages = 0; pages < 5; pages++) {
      const [page] = await findRunPages(reads(), [CHECKOUT], query({ first: 2, after }));
      seen.push(...page.runs.map((run) => run.id));
      expect(page.hasNextPage).toBe(seen.length < all.runs.length);
      if (!page.hasNextPage) break;
      after = page.runs[page.runs.length - 1];
    }
    expect(seen).toEqual(all.runs.map((run) => run.id));
  });

  it('filters by branch, pipeline and status', async () => {
    const run = async (overrides: Partial<RunsPageQuery>) =>
      (await findRunPages(reads(), [CHECKOUT], query(overrides)))[0].runs.map((found) => `${found.pipeline}:${found.status}:${found.branch}`);
    expect(await run({ branch: 'main' })).toEqual(['deploy:succeeded:main', 'build:failed:main', 'build:succeeded:main']);
    expect(await run({ pipeline: 'build', statuses: ['succeeded', 'failed'] as RunStatus[] })).toEqual(['build:failed:main', 'build:succeeded:main']);
    expect(await run({ branch: 'main', pipeline: 'build', first: 1 })).toEqual(['build:failed:main']);
  });

  it('gives the newest run of each pipeline, optionally on one branch', async () => {
    const [checkout, lonely] = await findLatestRuns(reads(), [CHECKOUT, LONELY], null);
    expect(checkout.map((run) => `${run.pipeline}:${run.status}`)).toEqual(['build:running', 'deploy:succeeded', 'lint:succeeded']);
    expect(lonely.map((run) => run.pipeline)).toEqual(['build']);
    const [onMain] = await findLatestRuns(reads(), [CHECKOUT], 'main');
    expect(onMain.map((run) => `${run.pipeline}:${run.status}`)).toEqual(['build:failed', 'deploy:succeeded']);
  });
});
