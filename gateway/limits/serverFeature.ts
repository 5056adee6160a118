import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';

/**
 * One cross-cutting behaviour as the slice of Apollo Server's options it needs: what a
 * `useThing(options)` returns. `combineFeatures` merges a list of them into options.
 */
export interface ServerFeature {
  validationRules?: ValidationRule[];
  parseOptions?: ParseOptions;
  maxRecursiveSelections?: number;
  plugins?: ApolloServerPlugin<BaseContext>[];
}

export function combineFeatures(features: ServerFeature[]) {
  return {
    validationRules: features.flatMap((feature) => feature.validationRules ?? []),
    parseOptions: Object.assign({}, ...features.map((feature) => feature.parseOptions)) as ParseOptions,
    // The strictest wins if two features set it.
    maxRecursiveSelections: features.reduce<number | undefined>(
      (limit, feature) => (feature.maxRecursiveSelections === undefined ? limit : Math.min(limit ?? Infinity, feature.maxRecursiveSelections)),
      undefined,
    ),
    plugins: features.flatMap((feature) => feature.plugins ?? []),
  };
}
