import type { PrismaClient } from '../../../prisma/cicd/generated/client';
import { manyInKeyOrder } from '../../../kit';
import { PIPELINE_RUN_COLUMNS, type PipelineRunRecord } from './pipelineRunRecord';

/** The newest run of every pipeline of each entity, in one query. */
export async function findLatestRuns(prisma: PrismaClient, refs: readonly string[]): Promise<PipelineRunRecord[][]> {
  const rows = await prisma.$queryRawUnsafe<PipelineRunRecord[]>(
    `SELECT DISTINCT ON (entity_ref, pipeline) ${PIPELINE_RUN_COLUMNS}
     FROM pipeline_runs WHERE entity_ref = ANY($1::text[])
     ORDER BY entity_ref, pipeline, started_at DESC, id`,
    [...new Set(refs)],
  );
  return manyInKeyOrder(refs, rows, (row) => row.entityRef);
}
