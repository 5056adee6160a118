import { describeEachDatabase, startTestSubgraphOn, type TestSubgraphOnDatabase } from '../../../kit/testing';
import { createCicdSubgraph } from '..';
import type { CicdServices } from '../services';
import { computeBuildStats } from './computeBuildStats';
import type { EntityKey } from './entityKey';
import { recordPipelineRun, type PipelineRunInput } from './recordPipelineRun';

const NOW = new Date('2026-11-20T12:00:00Z');
const DAY = 86_400_000;
const A = { ref: 'component:default/a', projectSlug: 'org/a' };
const EMPTY = { ref: 'component:default/empty', projectSlug: 'org/empty' };

/** A run that started `daysAgo` days before NOW and took `seconds` (none: still running). */
function run(daysAgo: number, status: string, seconds: number | null, who: Partial<PipelineRunInput>, pipeline = 'build'): PipelineRunInput {
  const startedAt = new Date(NOW.getTime() - daysAgo * DAY);
  return {
    ...who,
    pipeline,
    status,
    startedAt: startedAt.toISOString(),
    finishedAt: seconds === null ? null : new Date(startedAt.getTime() + seconds * 1000).toISOString(),
  };
}

describeEachDatabase('computeBuildStats', (kind) => {
  let cicd: TestSubgraphOnDatabase<CicdServices>;

  beforeAll(async () => {
    cicd = await startTestSubgraphOn(kind, createCicdSubgraph());
    const byRef = { entityRef: A.ref };
    const bySlug = { projectSlug: 'Org/A' };
    for (const input of [
      run(1.5, 'succeeded', 60, byRef),
      run(2, 'failed', 120, byRef),
      run(3, 'cancelled', 1000, byRef), // no verdict: counted as a run, not in the rate or the median
      run(0.1, 'running', null, byRef),
      run(5, 'succeeded', 300, bySlug), // reported by repository only
      run(40, 'failed', 10, byRef), // outside a 30-day window
      run(1.5, 'succeeded', 30, byRef, 'deploy'),
      run(1.5, 'failed', 5, { projectSlug: 'org/someone-else' }),
    ]) {
      await recordPipelineRun(cicd.subgraph.services.prisma, input);
    }
  });
  afterAll(() => cicd?.stop());

  const stats = (query: { windowDays?: number; pipeline?: string; branch?: string }, keys: EntityKey[] = [A, EMPTY]) =>
    computeBuildStats(
      cicd.subgraph.services.reads,
      keys,
      { windowDays: query.windowDays ?? 30, pipeline: query.pipeline ?? null, branch: query.branch ?? null },
      NOW,
    );

  it('counts runs by ref and by slug, rates verdicts only, and takes the median of their durations', async () => {
    const [a, empty] = await stats({});
    // Verdicts in the window: 60 s ok, 120 s failed, 300 s ok, 30 s ok (deploy).
    expect(a).toEqual({ windowDays: 30, runCount: 6, successCount: 3, failureCount: 1, successRate: 0.75, medianDurationSeconds: 90 });
    expect(empty).toEqual({ windowDays: 30, runCount: 0, successCount: 0, failureCount: 0, successRate: null, medianDurationSeconds: null });
  });

  it('narrows to one pipeline', async () => {
    const [a] = await stats({ pipeline: 'build' });
    expect(a).toMatchObject({ runCount: 5, successCount: 2, failureCount: 1, medianDurationSeconds: 120 });
    expect(a.successRate).toBeCloseTo(2 / 3, 10);
  });

  it('widens with the window', async () => {
    const [a] = await stats({ windowDays: 60 });
    expect(a).toMatchObject({ runCount: 7, successCount: 3, failureCount: 2, successRate: 0.6, medianDurationSeconds: 60 });
  });

  it('has no rate when nothing reached a verdict', async () => {
    const [a] = await stats({ windowDays: 1 });
    // Only the run in progress started within the last day.
    expect(a).toMatchObject({ runCount: 1, successCount: 0, failureCount: 0, successRate: null, medianDurationSeconds: null });
  });

  it('answers in key order, the same for a key alone as among others', async () => {
    const [alone] = await stats({}, [A]);
    const [empty, a] = await stats({}, [EMPTY, A]);
    expect(a).toEqual(alone);
    expect(empty.runCount).toBe(0);
    // A ref without the slug sees only the runs reported by ref.
    const [refOnly] = await stats({}, [{ ref: A.ref, projectSlug: null }]);
    expect(refOnly.runCount).toBe(5);
  });
});
