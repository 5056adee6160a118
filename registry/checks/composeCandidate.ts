import { parse } from 'graphql';
import { composeSupergraph, CompositionError, type ComposedSupergraph } from '../../gateway/composeSupergraph';

/** A subgraph schema as the registry stores it. */
export interface PublishedSubgraph {
  name: string;
  url: string;
  sdl: string;
}

export type CompositionOutcome = { ok: true; supergraph: ComposedSupergraph } | { ok: false; errors: string[] };

/** Composes the subgraphs with Apollo's composition, as the gateway would: errors are returned, not thrown. */
export function composeCandidate(subgraphs: PublishedSubgraph[]): CompositionOutcome {
  try {
    const parsed = subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.sdl) }));
    return { ok: true, supergraph: composeSupergraph(parsed) };
  } catch (error) {
    if (error instanceof CompositionError) return { ok: false, errors: error.messages };
    // A syntax error in the SDL is the publisher's input, reported like a composition error.
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
}
