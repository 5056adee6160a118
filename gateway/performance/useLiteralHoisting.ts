import type { ApolloServerPlugin } from '@apollo/server';
import { createHash } from 'node:crypto';
import { hoistLiterals, type HoistedDocument } from './hoistLiterals';

/**
 * Gives operations that differ only in literal values one query plan: after Apollo
 * Server has parsed and validated the operation (and the limits have run on it as
 * sent), its field-argument literals become variables, and the gateway's plan cache is
 * keyed by the rewritten text. Without this, each such operation is planned anew (tens
 * of milliseconds for a page-sized query). Rewrites are remembered per query text, so a
 * repeated operation costs a map lookup.
 */
export function useLiteralHoisting(options: { rememberedDocuments?: number } = {}): ApolloServerPlugin {
  const max = options.rememberedDocuments ?? 1_000;
  const remembered = new Map<string, (HoistedDocument & { hash: string }) | null>();
  return {
    requestDidStart: async () => ({
      didResolveOperation: async (requestContext) => {
        const { queryHash, document, schema } = requestContext;
        let hoisted = remembered.get(queryHash);
        if (hoisted === undefined) {
          const result = hoistLiterals(schema, document);
          hoisted = result && { ...result, hash: createHash('sha256').update(result.text).digest('hex') };
          if (remembered.size >= max) remembered.delete(remembered.keys().next().value!);
          remembered.set(queryHash, hoisted);
        }
        if (!hoisted) return;
        // Read by the gateway's executor after this hook: the plan is built for, and cached
        // under, the rewritten operation; the values travel as variables.
        const context = requestContext as { -readonly [key in keyof typeof requestContext]: (typeof requestContext)[key] };
        context.document = hoisted.document;
        context.queryHash = hoisted.hash;
        context.request.variables = { ...requestContext.request.variables, ...hoisted.values };
      },
    }),
  };
}
