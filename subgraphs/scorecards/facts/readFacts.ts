import { kindOfRef } from '../model/kindOfRef';
import type { GraphError, GraphResponse } from '../graph/graphResponse';
import type { EntityFacts, FactName } from './entityFacts';
import { known, unknown, type Fact } from './fact';
import { FACT_SOURCES, type FactNode } from './factSources';

/** What came back for a facts query: the gateway's answer, or why there was none. */
export type FactsAnswer = { response: GraphResponse<{ entitiesByRefs?: (FactNode | null)[] | null }> } | { failure: string };

/**
 * Turns the gateway's answer for `refs` into facts, one entity each, in order. A fact is
 * unknown, with the reason, when an error points into its fields, when the subgraph
 * that serves it failed (the gateway then names it and leaves its fields null), or when
 * there was no answer at all. Facts no check asked for are unknown too ("not read").
 */
export function readFacts(refs: readonly string[], needed: ReadonlySet<FactName>, answer: FactsAnswer): EntityFacts[] {
  if ('failure' in answer) return refs.map((ref) => allUnknown(ref, needed, `the graph did not answer: ${answer.failure}`));
  const errors = answer.response.errors ?? [];
  const nodes = answer.response.data?.entitiesByRefs;
  if (!Array.isArray(nodes)) {
    return refs.map((ref) => allUnknown(ref, needed, describe(errors[0]) ?? 'the graph returned no entities'));
  }
  // Errors with no path into one entity: a subgraph that failed as a whole (the gateway
  // names it and leaves its fields null on every entity of the fetch).
  const wholeFetchErrors = errors.filter((error) => !(error.path?.[0] === 'entitiesByRefs' && typeof error.path[1] === 'number'));
  return refs.map((ref, index) => {
    const node = nodes[index];
    if (!node) {
      const error = errors.find((candidate) => candidate.path?.[0] === 'entitiesByRefs' && candidate.path[1] === index);
      return allUnknown(ref, needed, describe(error) ?? 'the catalog does not know this entity');
    }
    const facts = allUnknown(ref, needed, 'not read');
    for (const name of needed) {
      const source = FACT_SOURCES[name];
      const atField = errors.find(
        (error) => error.path?.[0] === 'entitiesByRefs' && error.path[1] === index && source.fields.includes(String(error.path[2])),
      );
      const fieldsEmpty = source.fields.every((field) => node[field] === null || node[field] === undefined);
      const wholeFetch = fieldsEmpty
        ? wholeFetchErrors.find((error) => error.extensions?.serviceName === source.subgraph || error.extensions?.serviceName === undefined)
        : undefined;
      const failure = atField ?? wholeFetch;
      const value = source.read(node);
      (facts as unknown as Record<FactName, Fact<unknown>>)[name] = failure
        ? unknown(describe(failure, source.subgraph) as string)
        : value === undefined
          ? unknown(`${source.subgraph} gave no value for ${source.fields.join(', ')}`)
          : known(value);
    }
    return facts;
  });
}

function allUnknown(ref: string, needed: ReadonlySet<FactName>, reason: string): EntityFacts {
  const notRead = unknown('not read');
  const facts: Record<string, unknown> = { ref, kind: kindOfRef(ref) };
  for (const name of Object.keys(FACT_SOURCES) as FactName[]) facts[name] = needed.has(name) ? unknown(reason) : notRead;
  return facts as unknown as EntityFacts;
}

/** An error as a reason, naming the subgraph it came from unless its message already does. */
function describe(error: GraphError | undefined, subgraph?: string): string | undefined {
  if (!error) return undefined;
  const name = error.extensions?.serviceName ?? subgraph;
  return name && !error.message.includes(`"${name}"`) ? `${name}: ${error.message}` : error.message;
}
