import * as instantiate from '../../gateway/performance/templates/instantiateTemplate';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { rawAnswer, startSecondGateway } from '../support/startSecondGateway';

const PAGE = (ref: string, days: number) => `{ entity(ref: "${ref}") { ref name ... on Component { lifecycle owner { ref } } buildStats(window: ${days}) { runCount } latestRuns { pipeline status } } }`;

/**
 * Texts in the order a script sends them: each shape first seen, then respelt (other
 * literals, spacing, a numbered comment), with errors of every stage: validation, the
 * limits, variables, a subgraph. [query, variables, built from a template?]
 */
const TEXTS: [string, Record<string, unknown>, boolean][] = [
  [PAGE('component:default/checkout-service', 3), {}, false],
  [`${PAGE('component:default/payments-api', 1)}\n# request 2`, {}, true],
  [PAGE('component:default/no-such-thing', 2).replace(/ /g, '\n  '), {}, true],
  // An Int out of range: a validation error, from the text as sent.
  [PAGE('component:default/checkout-service', 2147483648), {}, false],
  // Past the cost limit (list sizes count), refused before any fetch.
  ['{ entities(filter: { kind: ["Component"] }, first: 5) { edges { node { ref pipelineRuns(first: 5) { edges { node { status } } } } } } }', {}, false],
  ['{ entities(filter: { kind: ["Component"] }, first: 500) { edges { node { ref pipelineRuns(first: 100) { edges { node { status } } } } } } }', {}, true],
  // The catalog's own error for a page too large.
  ['{ entities(first: 5) { totalCount } }', {}, false],
  ['{ entities(first: 501) { totalCount } }', {}, true],
  // A variable left out, then a wrong one: errors located in each text as sent.
  ['query Page($n: Int!) { entity(ref: "component:default/checkout-service") { ref buildStats(window: $n) { runCount } } }', {}, false],
  ['query Page(\n\n   $n: Int!) { entity(ref: "component:default/payments-api") { ref buildStats(window: $n) { runCount } } }', {}, true],
  ['query Page($n: Int!) { entity(ref: "x") { ref buildStats(window: $n) { runCount } } }', { n: 'two' }, true],
];

// The lever `npm start` uses: a new text of a known shape is built from a template, not
// parsed or validated. Its answers must be those of a gateway that parses every text.
describe('document templates through the gateway', () => {
  let platform: TestPlatform;
  let templated: Awaited<ReturnType<typeof startSecondGateway>>;

  beforeAll(async () => {
    platform = await startPlatform({
      only: ['catalog', 'cicd'],
      subgraph: () => ({ demo: true }),
      gateway: { performance: { hoistLiterals: true, documentTemplates: false } },
    });
    templated = await startSecondGateway(platform, { hoistLiterals: true });
  }, 120_000);
  afterAll(async () => {
    await templated?.stop();
    await platform?.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers every text byte for byte as a gateway that parses each one', async () => {
    const answers: string[] = [];
    const built = jest.spyOn(instantiate, 'instantiateTemplate');
    for (const [query, variables, fromTemplate] of TEXTS) {
      built.mockClear();
      const expected = await rawAnswer(platform.gatewayUrl, query, variables);
      const answered = await rawAnswer(templated.graphqlUrl, query, variables);
      expect({ query, answered }).toEqual({ query, answered: expected });
      answers.push(answered);
      // Built from a template exactly when the shape was seen and its literals fit.
      const results = built.mock.results.map((result) => result.value !== null);
      expect({ query, fromTemplate: results.includes(true) }).toEqual({ query, fromTemplate });
    }
    // The texts reach every stage: data, validation, the cost limit, variables, a subgraph's error.
    expect(answers[0]).toMatch(/^200 \{"data":\{"entity":\{"ref":"component:default\/checkout-service"/);
    expect(answers[3]).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(answers[5]).toContain('OPERATION_TOO_COMPLEX');
    expect(answers[7]).toContain('BAD_USER_INPUT');
    expect(answers[9]).toContain('"locations":[{"line":3,"column":4}]');
    expect(answers[10]).toContain('"locations":[{"line":1,"column":12}]');
  });
});
