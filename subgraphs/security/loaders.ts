import DataLoader from 'dataloader';
import { requestScoped } from '../../kit';
import type { SecurityContext } from './context';
import { filterKey, type FindingFilter } from './data/findingFilter';
import type { FindingRecord } from './data/findingRecord';
import { findFindings } from './data/findFindings';
import { summarizeFindings, type VulnerabilitySummaryRecord } from './data/summarizeFindings';

/** Per request: one query for the summaries of all entities in a response, one per distinct finding filter. */
export const securityLoaders = requestScoped((context: SecurityContext) => {
  const findingsByFilter = new Map<string, DataLoader<string, FindingRecord[]>>();
  return {
    summaries: new DataLoader<string, VulnerabilitySummaryRecord>((refs) => summarizeFindings(context.reads, refs)),
    findings(filter: FindingFilter) {
      const key = filterKey(filter);
      let loader = findingsByFilter.get(key);
      if (!loader) {
        loader = new DataLoader((refs) => findFindings(context.reads, refs, filter));
        findingsByFilter.set(key, loader);
      }
      return loader;
    },
  };
});
