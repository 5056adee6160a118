import DataLoader from 'dataloader';
import { requestScoped } from '../../kit';
import type { CicdContext } from './context';
import { findLatestRuns } from './data/findLatestRuns';
import { findRecentRuns } from './data/findRecentRuns';
import type { PipelineRunRecord } from './data/pipelineRunRecord';

/** Per request: one query for the latest runs of all entities in a response, one per distinct page size. */
export const cicdLoaders = requestScoped((context: CicdContext) => {
  const recentRunsByLimit = new Map<number, DataLoader<string, PipelineRunRecord[]>>();
  return {
    latestRuns: new DataLoader<string, PipelineRunRecord[]>((refs) => findLatestRuns(context.prisma, refs)),
    recentRuns(limit: number) {
      let loader = recentRunsByLimit.get(limit);
      if (!loader) {
        loader = new DataLoader((refs) => findRecentRuns(context.prisma, refs, limit));
        recentRunsByLimit.set(limit, loader);
      }
      return loader;
    },
  };
});
