import { SUBGRAPHS } from '../supergraph.config';
import { composeSupergraph, type ComposedSupergraph } from './composeSupergraph';

/**
 * Composes the subgraphs listed in supergraph.config.ts from their schema files.
 * `urls` overrides where the gateway will call each one.
 */
export async function composeProjectSupergraph(urls: { name: string; url: string }[] = []): Promise<ComposedSupergraph> {
  const subgraphs = await Promise.all(
    SUBGRAPHS.map(async (entry) => ({
      name: entry.name,
      url: urls.find((override) => override.name === entry.name)?.url ?? `http://127.0.0.1:${entry.port}/graphql`,
      typeDefs: (await entry.load()).typeDefs,
    })),
  );
  return composeSupergraph(subgraphs);
}
