import type { EntityFacts, FactName } from '../facts/entityFacts';
import { unknown, type Fact } from '../facts/fact';
import { FACT_SOURCES, type FactQueryOptions, type FactNode } from '../facts/factSources';
import { factsQuery } from '../facts/factsQuery';
import { readFacts, type FactsAnswer } from '../facts/readFacts';
import { GraphUnavailableError, type GraphClient } from './graphClient';
import type { GraphResponse } from './graphResponse';

type FactsResponse = GraphResponse<{ entitiesByRefs?: (FactNode | null)[] | null }>;

/** How long a subgraph found missing from the graph is left out before it is looked for again. */
const ABSENT_RECHECK_MS = 60_000;

/** Per gateway: plugins whose fields the graph did not have, and until when that is believed. */
const absentByGraph = new WeakMap<GraphClient, { subgraphs: Set<string>; until: number }>();

/**
 * The facts of a batch of entities, in order, in ONE request to the gateway (at most
 * 500 refs, what `entitiesByRefs` takes). It never throws for the graph's failures:
 * they become unknown facts, with the reason. A gateway composed without a plugin some
 * check reads rejects the whole query; then the plugins whose fields it lacks are found,
 * left out (their facts unknown) and the query is sent again.
 */
export async function loadFacts(
  graph: GraphClient,
  refs: readonly string[],
  needed: ReadonlySet<FactName>,
  options: FactQueryOptions,
): Promise<EntityFacts[]> {
  if (refs.length === 0) return [];
  let absent = currentlyAbsent(graph);
  let readable = withoutSubgraphs(needed, absent);
  let answer = await ask(graph, refs, readable, options);
  if ('response' in answer && isValidationFailure(answer.response)) {
    absent = await findAbsentSubgraphs(graph, readable, options);
    absentByGraph.set(graph.shared, { subgraphs: absent, until: Date.now() + ABSENT_RECHECK_MS });
    readable = withoutSubgraphs(needed, absent);
    answer = await ask(graph, refs, readable, options);
  }
  const facts = readFacts(refs, readable, answer);
  for (const name of needed) {
    const subgraph = FACT_SOURCES[name].subgraph;
    if (!absent.has(subgraph)) continue;
    for (const entity of facts) (entity as unknown as Record<FactName, Fact<unknown>>)[name] = unknown(`the graph has no ${subgraph} plugin`);
  }
  return facts;
}

async function ask(graph: GraphClient, refs: readonly string[], facts: ReadonlySet<FactName>, options: FactQueryOptions): Promise<FactsAnswer> {
  try {
    return { response: await graph.query<{ entitiesByRefs?: (FactNode | null)[] | null }>(factsQuery(facts, options), { refs }) };
  } catch (error) {
    if (!(error instanceof GraphUnavailableError)) throw error;
    return { failure: error.message };
  }
}

/** One small query per plugin (no refs, so no data is read): those the graph rejects are absent. */
async function findAbsentSubgraphs(graph: GraphClient, facts: ReadonlySet<FactName>, options: FactQueryOptions): Promise<Set<string>> {
  const absent = new Set<string>();
  for (const subgraph of new Set([...facts].map((name) => FACT_SOURCES[name].subgraph))) {
    const own = new Set([...facts].filter((name) => FACT_SOURCES[name].subgraph === subgraph));
    const answer = await ask(graph, [], own, options);
    if ('response' in answer && isValidationFailure(answer.response)) absent.add(subgraph);
  }
  return absent;
}

function currentlyAbsent(graph: GraphClient): Set<string> {
  const known = absentByGraph.get(graph.shared);
  return known && known.until > Date.now() ? known.subgraphs : new Set();
}

function withoutSubgraphs(facts: ReadonlySet<FactName>, subgraphs: ReadonlySet<string>): Set<FactName> {
  return new Set([...facts].filter((name) => !subgraphs.has(FACT_SOURCES[name].subgraph)));
}

function isValidationFailure(response: FactsResponse): boolean {
  return !response.data && (response.errors ?? []).some((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
}
