import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { createHash } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { TemplatedDocumentStore } from './createDocumentStore';
import { hoistLiterals } from './hoistLiterals';
import type { DocumentTemplates } from './templates/createDocumentTemplates';
import type { BuiltDocument } from './templates/instantiateTemplate';

type Hoisted = NonNullable<BuiltDocument['hoisted']>;

/**
 * Gives operations that differ only in literal values one query plan: after Apollo
 * Server has parsed and validated the operation (and the limits have run on it as
 * sent), its field-argument literals become variables, and the gateway's plan cache is
 * keyed by the rewritten text. Without this, each such operation is planned anew (tens
 * of milliseconds for a page-sized query). Rewrites are remembered per query text, so a
 * repeated operation costs a map lookup.
 *
 * With `templates`, a new text of a shape seen before (other literals, other spacing or
 * comments) is not parsed, validated or hoisted either: its document and hoisting are
 * built from the shape's template and handed to Apollo Server through `store`.
 */
export function useLiteralHoisting(options: { rememberedDocuments?: number; templates?: { templates: DocumentTemplates; store: TemplatedDocumentStore } } = {}): ApolloServerPlugin {
  const max = options.rememberedDocuments ?? 1_000;
  // By query text; a new supergraph may type an argument otherwise, so each keeps its schema.
  const remembered = new Map<string, { schema: GraphQLSchema; hoisted: Hoisted | null }>();
  const templates = options.templates;
  return {
    requestDidStart: async () => {
      let built: BuiltDocument | null = null;
      return {
        didResolveSource: async ({ source, queryHash, schema }) => {
          if (!templates || remembered.has(queryHash)) return;
          built = templates.templates.build(source, schema);
          if (built) templates.store.provide(queryHash, built.document);
        },
        didResolveOperation: async (requestContext) => {
          // Apollo Server used the built document unless it already held one for this text.
          const hoisted = built && requestContext.document === built.document ? built.hoisted : hoistedFor(requestContext);
          if (!hoisted) return;
          // Read by the gateway's executor after this hook: the plan is built for, and cached
          // under, the rewritten operation; the values travel as variables.
          const context = requestContext as { -readonly [key in keyof typeof requestContext]: (typeof requestContext)[key] };
          context.document = hoisted.document;
          context.queryHash = hoisted.hash;
          context.request.variables = { ...requestContext.request.variables, ...hoisted.values };
        },
      };
    },
  };

  /** The hoisting of a text Apollo Server parsed (or held): remembered, and its shape learnt. */
  function hoistedFor({ queryHash, document, schema }: GraphQLRequestContextDidResolveOperation<any>): Hoisted | null {
    const known = remembered.get(queryHash);
    if (known?.schema === schema) return known.hoisted;
    const result = hoistLiterals(schema, document);
    const hoisted = result && { ...result, hash: createHash('sha256').update(result.text).digest('hex') };
    templates?.templates.learn(schema, document, hoisted);
    remembered.delete(queryHash);
    if (remembered.size >= max) remembered.delete(remembered.keys().next().value!);
    remembered.set(queryHash, { schema, hoisted });
    return hoisted;
  }
}
