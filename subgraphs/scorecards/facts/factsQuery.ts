import type { FactName } from './entityFacts';
import { FACT_SOURCES, type FactQueryOptions } from './factSources';

/**
 * The one operation that reads the facts of a batch of entities through the gateway:
 * `entitiesByRefs` (one catalog query) with the plugins' fields on each entity (one
 * fetch per plugin). Only the facts some check reads are asked for, so a plugin no
 * check needs is not called (graph/loadFacts.ts leaves out plugins the graph lacks).
 */
export function factsQuery(facts: Iterable<FactName>, options: FactQueryOptions): string {
  const selections = new Set<string>();
  for (const fact of facts) selections.add(FACT_SOURCES[fact].selection(options));
  return `query ScorecardFacts($refs: [ID!]!) { entitiesByRefs(refs: $refs) { ref ${[...selections].join(' ')} } }`;
}
