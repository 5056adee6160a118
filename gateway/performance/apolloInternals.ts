/**
 * Every piece of `@apollo/gateway`, `@apollo/query-planner` and
 * `@apollo/federation-internals` the lean path reaches that is not the gateway's documented
 * API: deep imports past the packages' entry points, and functions the gateway uses
 * internally. They are pinned exactly in package.json; `leanPathSupport` turns the lean
 * path off on any other version, since its answers are only proven equal to the gateway's
 * on these (README.md in this folder lists the behaviours it copies).
 */
// The request kind the gateway gives operation fetches; the package does not export the enum's values.
export { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
// The gateway's merge of entity answers and of fragments in representations.
export { deepMerge } from '@apollo/gateway/dist/utilities/deepMerge';
// How the gateway decides a `Condition` node (@skip/@include on a deferred or conditional fetch).
export { evaluateCondition, getResponseName } from '@apollo/query-planner';
export type { ConditionNode, FetchDataRewrite, FetchNode, PlanNode, QueryPlan, QueryPlanSelectionNode } from '@apollo/query-planner';
// The federation operation and schema the gateway builds from a request, rebuilt per plan.
export { buildSchema, operationFromDocument, Supergraph } from '@apollo/federation-internals';
export type { Operation, Schema, SelectionSet, Type as FederationType, VariableDefinitions } from '@apollo/federation-internals';

/** The versions the lean path was tested with: its answers are proven equal to the gateway's on these only. */
export const TESTED_APOLLO_VERSIONS: Readonly<Record<string, string>> = {
  '@apollo/gateway': '2.14.4',
  '@apollo/query-planner': '2.14.4',
  '@apollo/federation-internals': '2.14.4',
};

/**
 * Whether the installed packages are the tested ones; when not, why, in one line for the
 * start-up log. `installed` is injectable for the test; by default it reads each package's
 * package.json.
 */
export function leanPathSupport(installed: (name: string) => string | undefined = installedVersion): { supported: true } | { supported: false; reason: string } {
  const differing = Object.entries(TESTED_APOLLO_VERSIONS)
    .map(([name, tested]) => ({ name, tested, found: installed(name) }))
    .filter(({ tested, found }) => found !== tested);
  if (differing.length === 0) return { supported: true };
  const list = differing.map(({ name, tested, found }) => `${name} ${found ?? 'not found'} (tested: ${tested})`).join(', ');
  return { supported: false, reason: `lean path off: it relies on Apollo internals and was not tested with ${list}` };
}

function installedVersion(name: string): string | undefined {
  try {
    return (require(`${name}/package.json`) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
