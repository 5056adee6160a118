import type { ServerFeature } from './serverFeature';

/**
 * At most `max` lexical tokens per document: graphql-js stops parsing there, before any
 * AST is built, so a huge document costs its read and no more. The parser's error is
 * given the code TOO_MANY_TOKENS by the kit's formatError.
 */
export function useTokenLimit(max: number): ServerFeature {
  return { parseOptions: { maxTokens: max } };
}
