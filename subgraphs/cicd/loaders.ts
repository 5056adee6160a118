import DataLoader from 'dataloader';
import { requestScoped } from '../../kit';
import type { CicdContext } from './context';
import { computeBuildStats, type BuildStatsQuery, type BuildStatsRecord } from './data/computeBuildStats';
import { entityKeyId, type EntityKey } from './data/entityKey';
import { findLatestRuns } from './data/findLatestRuns';
import { findRunPages, type RunsPage, type RunsPageQuery } from './data/findRunPages';
import type { PipelineRunRecord } from './data/pipelineRunRecord';

/**
 * Per request: one query per field and distinct arguments, whatever the number of
 * entities in the response (the gateway sends them in one `_entities` fetch).
 */
export const cicdLoaders = requestScoped((context: CicdContext) => ({
  runPages: loaderPerArguments<RunsPageQuery, RunsPage>((query) => (keys) => findRunPages(context.reads, keys, query)),
  latestRuns: loaderPerArguments<string | null, PipelineRunRecord[]>((branch) => (keys) => findLatestRuns(context.reads, keys, branch)),
  // "Now" is read when the batch runs, so every entity of a response shares one window.
  buildStats: loaderPerArguments<BuildStatsQuery, BuildStatsRecord>((query) => (keys) => computeBuildStats(context.reads, keys, query, new Date())),
}));

/** A DataLoader of entity keys for each distinct argument value (compared as JSON). */
function loaderPerArguments<Args, Value>(
  batch: (args: Args) => DataLoader.BatchLoadFn<EntityKey, Value>,
): (args: Args) => DataLoader<EntityKey, Value, string> {
  const loaders = new Map<string, DataLoader<EntityKey, Value, string>>();
  return (args) => {
    const id = JSON.stringify(args);
    let loader = loaders.get(id);
    if (!loader) {
      loader = new DataLoader(batch(args), { cacheKeyFn: entityKeyId });
      loaders.set(id, loader);
    }
    return loader;
  };
}
