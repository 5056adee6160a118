import type { PrismaClient } from '../../../prisma/cicd/generated/client';
import { manyInKeyOrder } from '../../../kit';
import { PIPELINE_RUN_COLUMNS, type PipelineRunRecord } from './pipelineRunRecord';

/** The newest `limit` runs of each entity, in one query whatever the number of entities. */
export async function findRecentRuns(prisma: PrismaClient, refs: readonly string[], limit: number): Promise<PipelineRunRecord[][]> {
  const rows = await prisma.$queryRawUnsafe<PipelineRunRecord[]>(
    `SELECT ${PIPELINE_RUN_COLUMNS} FROM (
       SELECT *, row_number() OVER (PARTITION BY entity_ref ORDER BY started_at DESC, id) AS position
       FROM pipeline_runs WHERE entity_ref = ANY($1::text[])
     ) ranked
     WHERE position <= $2
     ORDER BY entity_ref, started_at DESC, id`,
    [...new Set(refs)],
    limit,
  );
  return manyInKeyOrder(refs, rows, (row) => row.entityRef);
}
