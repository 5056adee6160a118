/**
 * The gateway secret every test subgraph and test gateway shares unless a test gives
 * another, so `postGraphQL` can sign direct calls to a subgraph without being told how.
 */
export const TEST_SUBGRAPH_SECRET = 'ensemble-test-secret-never-used-outside-tests';
