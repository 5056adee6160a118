import type { EntityFacts, FactName } from '../facts/entityFacts';
import type { FactQueryOptions, FactNode } from '../facts/factSources';
import { factsQuery } from '../facts/factsQuery';
import { readFacts, type FactsAnswer } from '../facts/readFacts';
import { GraphUnavailableError, type GraphClient } from './graphClient';

/**
 * The facts of a batch of entities, in order, in ONE request to the gateway (at most
 * 500 refs, what `entitiesByRefs` takes). It never throws for the graph's failures:
 * they become unknown facts, with the reason.
 */
export async function loadFacts(
  graph: GraphClient,
  refs: readonly string[],
  needed: ReadonlySet<FactName>,
  options: FactQueryOptions,
): Promise<EntityFacts[]> {
  if (refs.length === 0) return [];
  let answer: FactsAnswer;
  try {
    answer = { response: await graph.query<{ entitiesByRefs?: (FactNode | null)[] | null }>(factsQuery(needed, options), { refs }) };
  } catch (error) {
    if (!(error instanceof GraphUnavailableError)) throw error;
    answer = { failure: error.message };
  }
  return readFacts(refs, needed, answer);
}
