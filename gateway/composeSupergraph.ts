import { composeServices } from '@apollo/composition';
import { printSchema, type DocumentNode } from 'graphql';

export interface SubgraphSchema {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

export interface ComposedSupergraph {
  /** What the gateway loads. */
  supergraphSdl: string;
  /** The schema clients see, without federation machinery: client codegen reads it. */
  apiSchemaSdl: string;
  /**
   * Composition's hints (`INCONSISTENT_DESCRIPTION: ...`): the supergraph is valid, but
   * something is likely unintended, such as which subgraph's description the public
   * schema shows. Entry points print them.
   */
  hints: string[];
}

/** Thrown when subgraphs do not compose; carries every composition error's message. */
export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`The subgraphs do not compose:\n${messages.map((message) => `- ${message}`).join('\n')}`);
  }
}

/** Composes subgraph schemas into a supergraph with Apollo's composition, as the gateway would. */
export function composeSupergraph(subgraphs: SubgraphSchema[]): ComposedSupergraph {
  const result = composeServices(subgraphs);
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return {
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
    hints: result.hints.map((hint) => `${hint.definition.code}: ${hint.message}`),
  };
}
