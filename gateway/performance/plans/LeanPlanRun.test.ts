import type { ApolloGateway, GraphQLDataSource } from '@apollo/gateway';
import { useLeanPath } from '../useLeanPath';
import { createPlanFixture, type Respond } from './planFixture';

const fixture = createPlanFixture();

/**
 * Operations planned as several fetches (`_entities` with `@requires`, lists fanning
 * out, conditions, a plugin's root field), and whether the lean path answers them itself
 * when every subgraph answers as executed.
 */
const OPERATIONS: { query: string; variables: Record<string, unknown>; lean: boolean }[] = [
  {
    query: `query Page($ref: ID!) { entity(ref: $ref) { ref name ... on Component { lifecycle owner { ref name score } dependsOn { ref runs { status } } } runs(first: 2) { id status } score grade } }`,
    variables: { ref: 'c1' },
    lean: true,
  },
  // c2 has no score, which the API schema promises: the gateway reports it.
  { query: 'query Page($ref: ID!) { entity(ref: $ref) { ref name runs { id } score } }', variables: { ref: 'c2' }, lean: false },
  { query: 'query Page($ref: ID!) { entity(ref: $ref) { ref runs { id } } }', variables: { ref: 'nope' }, lean: true },
  // A plugin's error (BAD_USER_INPUT) beside another plugin's answer.
  { query: '{ entity(ref: "c1") { ref runs(first: 50) { id } grade } }', variables: {}, lean: false },
  { query: 'query List($first: Int) { entities(first: $first) { __typename ref ... on Group { members { ref grade } } runs { status } } }', variables: { first: 4 }, lean: true },
  { query: 'query If($runs: Boolean!) { entity(ref: "c3") { ref runs @include(if: $runs) { id } ...Scored } } fragment Scored on Entity { score }', variables: { runs: true }, lean: true },
  { query: 'query If($runs: Boolean!) { entity(ref: "c3") { ref runs @include(if: $runs) { id } ...Scored } } fragment Scored on Entity { score }', variables: { runs: false }, lean: true },
  // The catalog completes a plugin's entities, replacing their type name (`Entity`) with the concrete one.
  { query: '{ topRated(first: 3) { ref name score } }', variables: {}, lean: true },
];

/** The answer with one value replaced, for every value in it and a few replacements each. */
function* variants(value: unknown, replace: (next: unknown) => unknown = (next) => next): Generator<unknown> {
  for (const broken of [null, 42, 'text', {}, []]) yield replace(broken);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* variants(value[i], (next) => replace(value.map((other, j) => (i === j ? next : other))));
  } else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) yield* variants(object[key], (next) => replace({ ...object, [key]: next }));
    for (const key of Object.keys(object)) {
      const { [key]: _dropped, ...rest } = object;
      yield replace(rest);
    }
    // What another subgraph may add: a type name, a field the entity already has.
    if (!('data' in object) && !('_entities' in object)) for (const extra of [{ __typename: 'Component' }, { __typename: 'Entity' }, { ref: 'zz' }, { name: 'x' }]) yield replace({ ...object, ...extra });
  }
}

const ERROR = { message: 'boom', path: ['_entities', 0, 'runs'], extensions: { code: 'BAD_USER_INPUT' } };

/** Every way a subgraph may answer one fetch differently: its values, an added error, no answer at all. */
function* faults(answer: { data?: unknown }): Generator<unknown> {
  yield* variants(answer);
  yield { ...answer, errors: [ERROR] };
  yield new Error('subgraph down');
}

function setUp() {
  const path = useLeanPath();
  const run = { respond: ((_name, _request, executed) => executed()) as Respond, fetches: [] as string[], executed: 0, stale: [] as string[] };
  const sent = new WeakMap<object, string>();
  const sources = fixture.dataSources(async (name, request, executed) => {
    run.fetches.push(`${name} ${JSON.stringify(request.variables)}`);
    const answer = await run.respond(name, request, executed);
    if (typeof answer === 'object' && answer !== null) sent.set(answer, JSON.stringify(answer));
    return answer;
  });
  const wrapped = Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, path.dataSource(name, source)]));
  // Between the gateway and the wrappers: every answer the gateway is handed must be as the subgraph sent it.
  const checked: Record<string, GraphQLDataSource> = Object.fromEntries(
    Object.entries(wrapped).map(([name, source]) => [
      name,
      { process: async (request) => { const answer = await source.process(request); if (typeof answer === 'object' && answer !== null && sent.get(answer) !== JSON.stringify(answer)) run.stale.push(name); return answer; } },
    ]),
  );
  const gateway = path.gateway({
    onSchemaLoadOrUpdate: (callback: any) => (callback({ apiSchema: fixture.schema, coreSupergraphSdl: fixture.supergraphSdl }), () => undefined),
    stop: async () => undefined,
    load: async () => ({ executor: (context: any) => (run.executed++, fixture.execute(checked, context, path.didResolveQueryPlan)) }),
  } as unknown as ApolloGateway);
  return { gateway, run };
}

async function answer(execute: () => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await execute());
  } catch (error) {
    return `thrown: ${(error as Error).message}`;
  }
}

async function referenceRun(query: string, variables: Record<string, unknown>, respond: Respond) {
  const fetches: string[] = [];
  const answers: { name: string; key: string; answer: any }[] = [];
  const sources = fixture.dataSources(async (name, request, executed) => {
    fetches.push(`${name} ${JSON.stringify(request.variables)}`);
    const result = await respond(name, request, executed);
    answers.push({ name, key: `${request.query} ${JSON.stringify(request.variables)}`, answer: result });
    return result;
  });
  return { answer: await answer(() => fixture.execute(sources, fixture.requestContext(query, variables))), fetches, answers };
}

describe('the lean path on plans of several fetches', () => {
  it.each(OPERATIONS.map((operation, i) => [i, operation] as const))('answers operation %i as @apollo/gateway, whatever each subgraph answers, fetching the same', async (_i, { query, variables, lean }) => {
    const { gateway, run } = setUp();
    const { executor } = await gateway.load({ apollo: {} as never });
    const leanRun = async (respond: Respond) => {
      Object.assign(run, { respond, fetches: [], executed: 0, stale: [] });
      return { answer: await answer(() => executor!(fixture.requestContext(query, variables))), fetches: run.fetches, executed: run.executed, stale: run.stale };
    };
    const executed: Respond = (_name, _request, execute) => execute();
    const baseline = await referenceRun(query, variables, executed);
    await leanRun(executed); // learns the plan
    expect((await leanRun(executed)).executed).toBe(lean ? 0 : 1);

    const cases: { respond: Respond; label: string }[] = [{ respond: executed, label: 'as executed' }];
    for (const fetch of baseline.answers) {
      for (const fault of faults(fetch.answer)) {
        const respond: Respond = async (name, request, execute) => {
          if (name !== fetch.name || `${request.query} ${JSON.stringify(request.variables)}` !== fetch.key) return execute();
          if (fault instanceof Error) throw fault;
          return JSON.parse(JSON.stringify(fault));
        };
        cases.push({ respond, label: `${fetch.name}: ${fault instanceof Error ? fault.message : JSON.stringify(fault)}` });
      }
    }
    let handedBack = 0;
    for (const { respond, label } of cases) {
      const expected = await referenceRun(query, variables, respond);
      const actual = await leanRun(respond);
      expect({ label, answer: actual.answer, fetches: actual.fetches, stale: actual.stale }).toEqual({ label, answer: expected.answer, fetches: expected.fetches, stale: [] });
      if (actual.executed > 0) handedBack++;
    }
    // Broken answers do reach the gateway (and some harmless changes do not, for plans the lean path runs).
    expect(handedBack).toBeGreaterThan(0);
    if (lean) expect(handedBack).toBeLessThan(cases.length);
  });
});
