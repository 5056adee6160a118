export * from './createAuthenticator';
export * from './IdentityForwardingDataSource';
export * from './jwtKey';
export * from './parseApiTokens';
export * from './verifyJwt';
export * from './withAuthentication';
