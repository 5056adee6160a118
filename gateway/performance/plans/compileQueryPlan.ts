import type { ConditionNode, FetchNode, PlanNode, QueryPlan, VariableDefinitions } from '../apolloInternals';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileRepresentation, type RepresentationBuilder } from './compileRepresentation';

/** One fetch of a plan, with what the lean path needs to send it as `@apollo/gateway` would. */
export interface LeanFetch {
  serviceName: string;
  operation: string;
  operationName: string | undefined;
  document: DocumentNode | undefined;
  variableUsages: readonly string[];
  /** Where its entities are, from the root (`@` a list); empty for a fetch at the root. */
  path: readonly string[];
  /** Builds the representations of an `_entities` fetch; null for a fetch at the root. */
  representation: RepresentationBuilder | null;
}

export type PlanStep =
  | { kind: 'fetch'; fetch: LeanFetch }
  | { kind: 'sequence' | 'parallel'; steps: PlanStep[] }
  | { kind: 'condition'; node: ConditionNode; variables: VariableDefinitions; ifStep: PlanStep | null; elseStep: PlanStep | null };

export interface CompiledPlan {
  /** Null for a plan without fetches (only `__typename` at the root). */
  step: PlanStep | null;
  serviceNames: string[];
}

interface CompileContext {
  /** The supergraph schema the gateway checks type conditions against; null when not known (then no `_entities` fetch compiles). */
  supergraphSchema: GraphQLSchema | null;
  /** The operation's variable definitions, as the gateway reads them for a `Condition`. */
  variables: VariableDefinitions;
  serviceNames: Set<string>;
}

/**
 * A plan made of `Sequence`, `Parallel`, `Condition` and `Fetch` nodes, with
 * `Flatten(Fetch)` for `_entities` fetches, compiled for the lean path; null for
 * anything else, which `@apollo/gateway` keeps running: `@defer`, subscriptions,
 * output or context rewrites, input rewrites other than a value set on the
 * representation, a `Flatten` around anything but one fetch, a root fetch with
 * `requires` or an `_entities` fetch without, and a client variable named
 * `representations` in an `_entities` fetch (the gateway refuses it).
 */
export function compileQueryPlan(queryPlan: QueryPlan, supergraphSchema: GraphQLSchema | null, variables: VariableDefinitions): CompiledPlan | null {
  const context: CompileContext = { supergraphSchema, variables, serviceNames: new Set() };
  const node = queryPlan.node;
  if (!node) return { step: null, serviceNames: [] };
  if (node.kind === 'Subscription') return null;
  const step = compileNode(context, node);
  return step && { step, serviceNames: [...context.serviceNames] };
}

function compileNode(context: CompileContext, node: PlanNode): PlanStep | null {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel': {
      const steps: PlanStep[] = [];
      for (const child of node.nodes) {
        const step = compileNode(context, child);
        if (!step) return null;
        steps.push(step);
      }
      return { kind: node.kind === 'Sequence' ? 'sequence' : 'parallel', steps };
    }
    case 'Condition': {
      const ifStep = node.ifClause ? compileNode(context, node.ifClause) : null;
      const elseStep = node.elseClause ? compileNode(context, node.elseClause) : null;
      if ((node.ifClause && !ifStep) || (node.elseClause && !elseStep)) return null;
      return { kind: 'condition', node, variables: context.variables, ifStep, elseStep };
    }
    case 'Flatten': {
      if (node.node.kind !== 'Fetch' || node.path.some((element) => typeof element !== 'string')) return null;
      return compileFetch(context, node.node, node.path as string[]);
    }
    case 'Fetch':
      return compileFetch(context, node, []);
    default:
      return null;
  }
}

function compileFetch(context: CompileContext, node: FetchNode, path: readonly string[]): PlanStep | null {
  if (node.hasDefers || node.outputRewrites?.length || node.contextRewrites?.length) return null;
  const atRoot = path.length === 0;
  if (atRoot !== !node.requires) return null;
  let representation: RepresentationBuilder | null = null;
  if (node.requires) {
    if (!context.supergraphSchema || node.variableUsages?.includes('representations')) return null;
    representation = compileRepresentation(context.supergraphSchema, node.requires, node.inputRewrites);
    if (!representation) return null;
  }
  context.serviceNames.add(node.serviceName);
  return {
    kind: 'fetch',
    fetch: {
      serviceName: node.serviceName,
      operation: node.operation,
      operationName: node.operationName,
      document: node.operationDocumentNode,
      variableUsages: node.variableUsages ?? [],
      path,
      representation,
    },
  };
}
