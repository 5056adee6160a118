import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { PrismaClientKnownRequestError } from '@prisma/client/runtime/client';
import { NotFoundError } from './domainErrors';
import { createFormatError } from './formatError';

function format(error: unknown, options?: { hideSuggestions?: boolean }, formatted?: GraphQLFormattedError) {
  const logged: unknown[] = [];
  const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error as Error });
  const result = createFormatError((original) => logged.push(original), options)(formatted ?? graphqlError.toJSON(), error);
  return { result, logged };
}

describe('createFormatError', () => {
  it('gives a domain error its code and details, however deeply it is wrapped', () => {
    const domain = new NotFoundError('No entity component:default/x', { ref: 'component:default/x' });
    const wrapped = new GraphQLError('outer', { originalError: new GraphQLError('inner', { originalError: domain }), path: ['entity'] });
    const { result, logged } = format(wrapped);
    expect(result).toEqual({ message: 'No entity component:default/x', path: ['entity'], locations: undefined, extensions: { code: 'NOT_FOUND', ref: 'component:default/x' } });
    expect(logged).toEqual([]);
  });

  it('masks anything unexpected and logs the original', () => {
    const error = new Error('connect ECONNREFUSED http://10.0.0.7:4002/graphql');
    const { result, logged } = format(error);
    expect(result).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toEqual([error]);
  });

  it('turns a database outage into DB_UNAVAILABLE without its text', () => {
    const error = new PrismaClientKnownRequestError("Can't reach database server at 10.0.0.9:5432", { code: 'P1001', clientVersion: '7.10.1' });
    const { result, logged } = format(error);
    expect(result).toEqual({ message: 'The database is unavailable; try again shortly', extensions: { code: 'DB_UNAVAILABLE' } });
    expect(JSON.stringify(result)).not.toContain('10.0.0.9');
    expect(logged).toEqual([error]);
  });

  it('keeps a subgraph\'s domain error through the gateway, naming the subgraph', () => {
    const downstream = { message: 'No such run', path: ['entity', 'run'], extensions: { code: 'NOT_FOUND', serviceName: 'cicd' } };
    const { result } = format(new GraphQLError('No such run'), {}, downstream);
    expect(result).toEqual({ message: 'No such run', path: ['entity', 'run'], extensions: { code: 'NOT_FOUND', serviceName: 'cicd' } });
  });

  it('masks a subgraph\'s unexpected error but still names the subgraph', () => {
    const downstream = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'cicd', exception: { stacktrace: ['at x'] } } };
    const { result } = format(new GraphQLError('x'), {}, downstream);
    expect(result).toEqual({ message: 'Internal server error in subgraph "cicd"', extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'cicd' } });
  });

  it('makes an operation limit\'s reason the code', () => {
    const validation = { message: 'The operation is 12 levels deep; at most 10 are allowed', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'OPERATION_TOO_DEEP' } };
    expect(format(new GraphQLError('x'), {}, validation).result.extensions).toEqual({ code: 'OPERATION_TOO_DEEP' });
    const recursion = { message: 'Anonymous operation recursively requests too many selections.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'MAX_RECURSIVE_SELECTIONS_EXCEEDED' } };
    expect(format(new GraphQLError('x'), {}, recursion).result.extensions).toEqual({ code: 'TOO_MANY_SELECTIONS' });
    const tokens = { message: 'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(format(new GraphQLError('x'), {}, tokens).result.extensions).toEqual({ code: 'TOO_MANY_TOKENS' });
  });

  it('strips "Did you mean" only when asked to', () => {
    const validation = { message: 'Cannot query field "nme" on type "Component". Did you mean "name"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(format(new GraphQLError('x'), {}, validation).result.message).toBe(validation.message);
    expect(format(new GraphQLError('x'), { hideSuggestions: true }, validation).result.message).toBe('Cannot query field "nme" on type "Component".');
  });
});
