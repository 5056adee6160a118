export * from './requireGatewaySignature';
export * from './signRequest';
export * from './subgraphSecret';
export * from './verifySignature';
export * from './sourceRoots';
