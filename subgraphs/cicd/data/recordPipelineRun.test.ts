import { InputError } from '../../../kit';
import { describeEachDatabase, startTestSubgraphOn, type TestSubgraphOnDatabase } from '../../../kit/testing';
import { createCicdSubgraph } from '..';
import type { CicdServices } from '../services';
import { recordPipelineRun, type PipelineRunInput } from './recordPipelineRun';

const report = (overrides: Partial<PipelineRunInput>): PipelineRunInput => ({
  projectSlug: 'harbor-and-finch/web-shop',
  pipeline: 'Build',
  status: 'running',
  startedAt: '2026-11-20T10:00:00Z',
  externalId: 'github:1',
  ...overrides,
});

describeEachDatabase('recordPipelineRun', (kind) => {
  let cicd: TestSubgraphOnDatabase<CicdServices>;
  const prisma = () => cicd.subgraph.services.prisma;
  const stored = (externalId: string) => prisma().pipelineRun.findMany({ where: { externalId } });

  beforeAll(async () => {
    cicd = await startTestSubgraphOn(kind, createCicdSubgraph());
  });
  afterAll(() => cicd?.stop());

  it('updates the run an external id names, keeping its id', async () => {
    const first = await recordPipelineRun(prisma(), report({ externalId: 'github:10', sourceUpdatedAt: '2026-11-20T10:00:05Z' }));
    const second = await recordPipelineRun(
      prisma(),
      report({ externalId: 'github:10', status: 'succeeded', finishedAt: '2026-11-20T10:03:00Z', sourceUpdatedAt: '2026-11-20T10:03:00Z' }),
    );
    expect(second.id).toBe(first.id);
    const rows = await stored('github:10');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'succeeded', projectSlug: 'harbor-and-finch/web-shop', entityRef: null });
    expect(rows[0].finishedAt?.toISOString()).toBe('2026-11-20T10:03:00.000Z');
  });

  it('keeps the newer state when an older report arrives late', async () => {
    await recordPipelineRun(prisma(), report({ externalId: 'github:11', status: 'succeeded', finishedAt: '2026-11-20T10:03:00Z', sourceUpdatedAt: '2026-11-20T10:03:00Z' }));
    const late = await recordPipelineRun(prisma(), report({ externalId: 'github:11', status: 'running', sourceUpdatedAt: '2026-11-20T10:00:05Z' }));
    expect(late.status).toBe('succeeded');
    expect((await stored('github:11'))[0].status).toBe('succeeded');
  });

  it('lets a report without a source time (the mutation) always win, and keeps a ref a later slug-only report lacks', async () => {
    await recordPipelineRun(prisma(), report({ externalId: 'ci:12', entityRef: 'Component:default/Web-Shop', projectSlug: null, status: 'running' }));
    await recordPipelineRun(prisma(), report({ externalId: 'ci:12', status: 'failed', finishedAt: '2026-11-20T10:01:00Z' }));
    expect((await stored('ci:12'))[0]).toMatchObject({
      entityRef: 'component:default/web-shop',
      projectSlug: 'harbor-and-finch/web-shop',
      status: 'failed',
    });
  });

  it('stores runs without an external id as new runs each time', async () => {
    const a = await recordPipelineRun(prisma(), report({ externalId: null, pipeline: 'nightly' }));
    const b = await recordPipelineRun(prisma(), report({ externalId: null, pipeline: 'nightly' }));
    expect(a.id).not.toBe(b.id);
    expect(await prisma().pipelineRun.count({ where: { pipeline: 'nightly' } })).toBe(2);
  });

  it('publishes PIPELINE_FAILED once when a run of a known entity turns failed, not for other runs', async () => {
    const events = cicd.subgraph.events!;
    const head = (await events.read(-1, 1)).head;
    await recordPipelineRun(prisma(), report({ externalId: 'ci:20', entityRef: 'component:checkout-service', projectSlug: null, status: 'running' }));
    await recordPipelineRun(prisma(), report({ externalId: 'ci:20', entityRef: 'component:checkout-service', projectSlug: null, status: 'failed' }));
    // Reported failed again: it already was.
    await recordPipelineRun(prisma(), report({ externalId: 'ci:20', entityRef: 'component:checkout-service', projectSlug: null, status: 'failed' }));
    await recordPipelineRun(prisma(), report({ externalId: null, entityRef: 'component:default/web-shop', projectSlug: null, status: 'failed' }));
    await recordPipelineRun(prisma(), report({ externalId: null, entityRef: 'component:default/web-shop', projectSlug: null, status: 'succeeded' }));
    // Known only by its repository: no entity to name.
    await recordPipelineRun(prisma(), report({ externalId: 'github:21', status: 'failed' }));
    const page = await events.read(head, 100);
    expect(page.events.map((event) => [event.change, event.ref, event.fields])).toEqual([
      ['PIPELINE_FAILED', 'component:default/checkout-service', ['status']],
      ['PIPELINE_FAILED', 'component:default/web-shop', ['status']],
    ]);
    expect(page.events[0].entity).toBeNull();
  });

  it('refuses a run that says nowhere whose it is, or is otherwise malformed', async () => {
    await expect(recordPipelineRun(prisma(), report({ projectSlug: null, entityRef: null }))).rejects.toThrow(/"entityRef" or "projectSlug"/);
    await expect(recordPipelineRun(prisma(), report({ projectSlug: 'web-shop' }))).rejects.toThrow(/owner\/name/);
    await expect(recordPipelineRun(prisma(), report({ status: 'exploded' }))).rejects.toThrow(InputError);
    await expect(recordPipelineRun(prisma(), report({ finishedAt: '2026-11-20T09:00:00Z' }))).rejects.toThrow(/before/);
  });
});
