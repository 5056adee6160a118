import type { PluginDeclaration } from '../kit/plugin/definePlugin';

/** One graphql-codegen output: the shape codegen.yml's `generates` entries take. */
export interface CodegenTarget {
  schema: string;
  plugins: string[];
  config: Record<string, unknown>;
}

/**
 * Each plugin's resolver types, from its declaration: `subgraphs/<name>/generated/resolvers.ts`
 * from its `schema.graphql`, with its context and mappers. Declarations give paths from the
 * plugin's folder; codegen wants them from `generated/`, hence the `../`.
 */
export function pluginCodegen(plugins: readonly Pick<PluginDeclaration, 'name' | 'codegen'>[]): Record<string, CodegenTarget> {
  const targets: Record<string, CodegenTarget> = {};
  for (const { name, codegen } of plugins) {
    const mappers = Object.fromEntries(Object.entries(codegen.mappers ?? {}).map(([type, target]) => [type, `../${target}`]));
    targets[`subgraphs/${name}/generated/resolvers.ts`] = {
      schema: `subgraphs/${name}/schema.graphql`,
      plugins: ['typescript', 'typescript-resolvers'],
      config: { federation: true, contextType: `../${codegen.contextType}`, mappers },
    };
  }
  return targets;
}
