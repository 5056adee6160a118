import type { PrismaClient } from '../../../prisma/cicd/generated/client';
import { toRunData, type PipelineRunInput } from '../data/recordPipelineRun';

/** Swaps the demo runs (external ids `demo:…`) for fresh ones in one transaction; real runs are untouched. */
export async function replaceDemoRuns(prisma: PrismaClient, runs: PipelineRunInput[]): Promise<void> {
  await prisma.$transaction([
    prisma.pipelineRun.deleteMany({ where: { externalId: { startsWith: 'demo:' } } }),
    prisma.pipelineRun.createMany({ data: runs.map((run) => ({ ...toRunData(run), externalId: run.externalId })) }),
  ]);
}
