import type { GraphQLErrorShape } from './fetchGraphQL';
import { pluginErrors, unclaimedErrors } from './pluginErrors';
import { CICD, PLUGINS, SECURITY, TECHDOCS } from './plugins';

// The shapes the gateway sends: a down subgraph (no path), a resolver error (a path), the catalog's own.
const cicdDown: GraphQLErrorShape = { message: 'Subgraph "cicd" is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'cicd' } };
const securityFailed: GraphQLErrorShape = { message: 'Boom', path: ['entity', 'vulnerabilities'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };
const techdocsTimeout: GraphQLErrorShape = { message: 'Subgraph "techdocs" timed out', extensions: { code: 'SUBGRAPH_TIMEOUT' } };
const catalogDown: GraphQLErrorShape = { message: 'Subgraph "catalog" is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'catalog' } };
const errors = [cicdDown, securityFailed, techdocsTimeout, catalogDown];

describe('which card an error belongs to', () => {
  it('gives each plugin its own errors, by service name, field path or the subgraph named in the message', () => {
    expect(pluginErrors(errors, CICD)).toEqual([cicdDown]);
    expect(pluginErrors(errors, SECURITY)).toEqual([securityFailed]);
    expect(pluginErrors(errors, TECHDOCS)).toEqual([techdocsTimeout]);
  });

  it('trusts the service name over a path that names another plugin field', () => {
    const scorecardsError: GraphQLErrorShape = { message: 'x', path: ['entity', 'latestRuns'], extensions: { serviceName: 'scorecards' } };
    expect(pluginErrors([scorecardsError], CICD)).toEqual([]);
  });

  it('leaves the catalog’s errors for the page', () => {
    expect(unclaimedErrors(errors, [...PLUGINS, TECHDOCS])).toEqual([catalogDown]);
  });
});
