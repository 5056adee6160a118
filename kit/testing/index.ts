export * from './postGraphQL';
export * from './startTestSubgraph';
export * from './testDatabases';
export * from './testSecret';
