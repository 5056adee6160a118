import type { ApolloGateway, GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { evaluateCondition, GraphQLDataSourceRequestKind } from '../apolloInternals';
import type { Answer, ReceivedAnswer } from './answerReplay';
import type { LeanFetch, PlanStep } from './compileQueryPlan';
import { entitiesAtPath } from './entitiesAtPath';
import { mergeEntityAnswers, undoMerges, type EntityMerge } from './mergeEntityAnswers';

type Executor = NonNullable<Awaited<ReturnType<ApolloGateway['load']>>['executor']>;
export type RequestContext = Parameters<Executor>[0];

const hasOwn = Object.prototype.hasOwnProperty;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One request's run of a compiled plan, as `@apollo/gateway`'s `executeQueryPlan`
 * runs it, without what only shows when something goes wrong: fetches sent in the
 * plan's order (a `Parallel`'s together, its representations all built before any
 * answer arrives), each answer merged where the gateway merges it. The first thing not
 * reproduced exactly (a subgraph error, a failed call, an answer that does not merge
 * as plain new fields, a `Condition` on a variable that is not a boolean) marks the
 * run failed: nothing more is sent, fetches in flight are awaited, and `handOver`
 * returns every answer received, merges taken out, for the gateway to replay.
 */
export class LeanPlanRun {
  /** The merged answers: what `computeResponse` would read. */
  readonly data: Record<string, unknown> = Object.create(null);
  failed = false;
  private readonly received: ReceivedAnswer[] = [];
  private readonly merges: EntityMerge[] = [];

  constructor(
    private readonly requestContext: RequestContext,
    private readonly sources: ReadonlyMap<string, GraphQLDataSource<any>>,
  ) {}

  /** Never rejects: whatever goes wrong marks the run failed. */
  async run(step: PlanStep): Promise<void> {
    if (this.failed) return;
    switch (step.kind) {
      case 'sequence':
        for (const child of step.steps) await this.run(child);
        return;
      case 'parallel':
        await Promise.all(step.steps.map((child) => this.run(child)));
        return;
      case 'condition': {
        let holds: boolean;
        try {
          holds = evaluateCondition(step.node, step.variables, this.requestContext.request.variables);
        } catch {
          this.failed = true;
          return;
        }
        const branch = holds ? step.ifStep : step.elseStep;
        if (branch) await this.run(branch);
        return;
      }
      case 'fetch':
        try {
          await this.fetch(step.fetch);
        } catch {
          this.failed = true;
        }
    }
  }

  /** The answers received, as received, for the gateway's own executor. */
  handOver(): ReceivedAnswer[] {
    undoMerges(this.merges);
    return this.received;
  }

  private async fetch(fetch: LeanFetch): Promise<void> {
    const entities = entitiesAtPath(this.data, fetch.path);
    if (!entities) return;
    const provided = this.requestContext.request.variables;
    let variables: Record<string, unknown> = Object.create(null);
    for (const name of fetch.variableUsages) {
      if (provided && hasOwn.call(provided, name) && typeof provided[name] !== 'undefined') variables[name] = provided[name];
    }
    const representations: Record<string, unknown>[] = [];
    const entityOf: number[] = [];
    if (fetch.representation) {
      for (let i = 0; i < entities.length; i++) {
        const representation = fetch.representation(entities[i]);
        if (representation) {
          representations.push(representation);
          entityOf.push(i);
        }
      }
      if (representations.length < 1) return;
      variables = { ...variables, representations };
    }
    const request = {
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query: fetch.operation, variables, operationName: fetch.operationName, http: undefined },
      incomingRequestContext: this.requestContext,
      context: this.requestContext.context,
      document: fetch.document,
      pathInIncomingRequest: fetch.path.slice(),
    } satisfies GraphQLDataSourceProcessOptions<any>;
    const sent = { serviceName: fetch.serviceName, query: fetch.operation, variables };
    let answer: Answer;
    try {
      answer = await this.sources.get(fetch.serviceName)!.process(request);
    } catch (error) {
      this.received.push({ ...sent, error });
      this.failed = true;
      return;
    }
    this.received.push({ ...sent, answer });
    if (this.failed) return;
    if (answer.errors || !isObject(answer.data)) {
      this.failed = true;
      return;
    }
    const data = answer.data;
    if (!fetch.representation) {
      this.failed = !this.mergeRoot(data);
      return;
    }
    const answers = data._entities;
    this.failed = !Array.isArray(answers) || answers.length !== representations.length || !mergeEntityAnswers(entities, entityOf, answers, this.merges);
  }

  /** A root fetch's fields, each new at the root (the gateway deep-merges fields two root fetches share: not here). */
  private mergeRoot(data: Record<string, unknown>): boolean {
    for (const key of Object.keys(data)) {
      if (data[key] === undefined) continue;
      if (hasOwn.call(this.data, key)) return false;
      this.data[key] = data[key];
    }
    return true;
  }
}
