import type { CheckRecord } from '../data/checkRecord';
import type { FactName } from '../facts/entityFacts';
import type { FactQueryOptions } from '../facts/factSources';
import type { GraphClient } from '../graph/graphClient';
import { loadFacts } from '../graph/loadFacts';
import { checksFor } from '../model/checksFor';
import { evaluateScorecard } from '../model/evaluateScorecard';
import { factsReadBy } from '../model/evaluateCheck';
import { kindOfRef } from '../model/kindOfRef';
import type { ScorecardRecord } from '../model/scorecardRecord';

/** Roll-ups group by these, so they are always read (from the catalog, in the same fetch). */
const GROUPING_FACTS: FactName[] = ['owner', 'system'];

/**
 * The scorecards of a batch of entities, in order: the checks for each one's kind (known
 * from its ref, no read needed), then ONE facts request to the gateway for the entities
 * some check applies to, then the rules. Null for an entity no check applies to.
 */
export async function scoreEntities(
  graph: GraphClient,
  checks: readonly CheckRecord[],
  refs: readonly string[],
  options: FactQueryOptions,
): Promise<(ScorecardRecord | null)[]> {
  const applicable = refs.map((ref) => checksFor(checks, kindOfRef(ref)));
  const scored = refs.filter((_, index) => applicable[index].length > 0);
  const needed = factsReadBy(applicable.flat());
  for (const fact of GROUPING_FACTS) needed.add(fact);
  const facts = await loadFacts(graph, scored, needed, options);
  const evaluatedAt = new Date();
  let next = 0;
  return refs.map((_, index) => (applicable[index].length ? evaluateScorecard(applicable[index], facts[next++], evaluatedAt) : null));
}
