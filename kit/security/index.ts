export * from './requireGatewaySignature';
export * from './signRequest';
export * from './subgraphSecret';
export * from './verifySignature';
export * from './delegation';
export * from './sourceRoots';
export * from './githubSignature';
