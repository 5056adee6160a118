import type { FactName } from './entityFacts';
import { factsQuery } from './factsQuery';
import { readFacts } from './readFacts';

const ALL: ReadonlySet<FactName> = new Set([
  'owner', 'lifecycle', 'system', 'annotations', 'links', 'docsPageCount', 'defaultBranchStatus', 'buildSuccessRate', 'openCritical', 'openHigh',
]);

/** An entity as the gateway returns it for the facts query, every plugin up. */
const node = (ref: string, overrides: Record<string, unknown> = {}) => ({
  ref,
  ownedBy: [{ targetRef: 'group:default/team-payments', target: { ref: 'group:default/team-payments' } }],
  partOf: [{ targetRef: 'system:default/checkout' }],
  annotations: [],
  links: [],
  lifecycle: 'production',
  docs: { pageCount: 4 },
  latestRun: { status: 'FAILED' },
  buildStats: { successRate: 0.5 },
  vulnerabilitySummary: { critical: 1, high: 2 },
  ...overrides,
});

const REFS = ['component:default/checkout-service', 'component:default/money-kit'];

describe('readFacts', () => {
  it('reads every fact of every entity, in order, when the graph answers in full', () => {
    const [checkout, moneyKit] = readFacts(REFS, ALL, {
      response: { data: { entitiesByRefs: [node(REFS[0]), node(REFS[1], { docs: null, latestRun: null, ownedBy: [], partOf: [{ targetRef: 'component:default/x' }] })] } },
    });
    expect(checkout).toMatchObject({
      ref: REFS[0],
      kind: 'component',
      owner: { known: true, value: { ref: 'group:default/team-payments', exists: true } },
      system: { known: true, value: 'system:default/checkout' },
      docsPageCount: { known: true, value: 4 },
      defaultBranchStatus: { known: true, value: 'FAILED' },
      buildSuccessRate: { known: true, value: 0.5 },
      openCritical: { known: true, value: 1 },
      openHigh: { known: true, value: 2 },
    });
    // Null docs and no run from plugins that answered are answers: none published, never run.
    expect(moneyKit).toMatchObject({
      owner: { known: true, value: null },
      system: { known: true, value: null },
      docsPageCount: { known: true, value: 0 },
      defaultBranchStatus: { known: true, value: null },
    });
  });

  it('makes only a failed subgraph’s facts unknown, with the gateway’s words, when it fails as a whole', () => {
    const [checkout] = readFacts(REFS.slice(0, 1), ALL, {
      response: {
        data: { entitiesByRefs: [node(REFS[0], { vulnerabilitySummary: null })] },
        errors: [{ message: 'Subgraph "security" is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'security' } }],
      },
    });
    expect(checkout.openCritical).toEqual({ known: false, reason: 'Subgraph "security" is unavailable' });
    expect(checkout.openHigh.known).toBe(false);
    expect(checkout.docsPageCount).toEqual({ known: true, value: 4 });
    expect(checkout.owner.known).toBe(true);
  });

  it('tells "techdocs is down" from "no docs published" by the error, not by the null', () => {
    const answer = (errors: any[]) => readFacts(REFS.slice(0, 1), ALL, { response: { data: { entitiesByRefs: [node(REFS[0], { docs: null })] }, errors } })[0];
    expect(answer([]).docsPageCount).toEqual({ known: true, value: 0 });
    expect(answer([{ message: 'Subgraph "techdocs" is unavailable', extensions: { serviceName: 'techdocs' } }]).docsPageCount.known).toBe(false);
    // Another subgraph's failure says nothing about docs.
    expect(answer([{ message: 'Subgraph "cicd" is unavailable', extensions: { serviceName: 'cicd' } }]).docsPageCount).toEqual({ known: true, value: 0 });
  });

  it('makes a fact unknown for the one entity an error points into', () => {
    const facts = readFacts(REFS, ALL, {
      response: {
        data: { entitiesByRefs: [node(REFS[0]), node(REFS[1], { buildStats: null })] },
        errors: [{ message: 'The database is unavailable; try again shortly', path: ['entitiesByRefs', 1, 'buildStats'], extensions: { code: 'DB_UNAVAILABLE', serviceName: 'cicd' } }],
      },
    });
    expect(facts[0].buildSuccessRate).toEqual({ known: true, value: 0.5 });
    expect(facts[1].buildSuccessRate).toEqual({ known: false, reason: 'cicd: The database is unavailable; try again shortly' });
    expect(facts[1].defaultBranchStatus.known).toBe(true);
  });

  it('makes every fact unknown when the graph gave no entities, or no answer', () => {
    const noData = readFacts(REFS, ALL, { response: { data: null, errors: [{ message: 'Subgraph "catalog" is unavailable', extensions: { serviceName: 'catalog' } }] } });
    expect(noData.every((facts) => !facts.owner.known && !facts.openCritical.known)).toBe(true);
    expect(noData[0].docsPageCount).toEqual({ known: false, reason: 'Subgraph "catalog" is unavailable' });
    const noAnswer = readFacts(REFS, ALL, { failure: 'the gateway could not be reached' });
    expect(noAnswer[1].lifecycle).toEqual({ known: false, reason: 'the graph did not answer: the gateway could not be reached' });
  });

  it('makes the facts of an entity the catalog does not know unknown, and those not asked for "not read"', () => {
    const [missing] = readFacts(REFS.slice(0, 1), new Set<FactName>(['owner']), { response: { data: { entitiesByRefs: [null] } } });
    expect(missing.owner).toEqual({ known: false, reason: 'the catalog does not know this entity' });
    const [some] = readFacts(REFS.slice(0, 1), new Set<FactName>(['owner']), { response: { data: { entitiesByRefs: [node(REFS[0])] } } });
    expect(some.owner.known).toBe(true);
    expect(some.openCritical).toEqual({ known: false, reason: 'not read' });
  });
});

describe('factsQuery', () => {
  it('selects only what the facts need, once, with the default branch', () => {
    const query = factsQuery(['openCritical', 'openHigh', 'defaultBranchStatus'], { defaultBranch: 'trunk' });
    expect(query).toBe(
      'query ScorecardFacts($refs: [ID!]!) { entitiesByRefs(refs: $refs) { ref vulnerabilitySummary { critical high } latestRun(branch: "trunk", statuses: [SUCCEEDED, FAILED]) { status } } }',
    );
  });
});
