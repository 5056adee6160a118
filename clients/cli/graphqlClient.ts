import { createEnsembleClient, type ClientError, type EnsembleClient, type Result } from '../sdk';
import { CliError, EXIT, type ExitCode } from './exitCodes';

/** How to reach the gateway, as main.ts resolved it from flags and environment. */
export interface ConnectionSettings {
  endpoint: string;
  token?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** The SDK client the commands share: the CLI has no GraphQL code path of its own. */
export function createCliClient(settings: ConnectionSettings): EnsembleClient {
  return createEnsembleClient({ endpoint: settings.endpoint, token: settings.token, timeoutMs: settings.timeoutMs, fetch: settings.fetch });
}

/** The exit status for a failed request: network trouble, missing credentials, not found, or a refusal. */
export function exitCodeOf(error: ClientError): ExitCode {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return EXIT.NETWORK;
    case 'http':
      if (error.status === 401) return EXIT.NOT_AUTHENTICATED;
      // The gateway answered: it refused this request (too large), or this is not its GraphQL URL.
      return error.status === 413 || error.status === 404 || error.status === 405 ? EXIT.REFUSED : EXIT.NETWORK;
    case 'graphql':
      return error.codes.every((code) => code === 'NOT_FOUND') ? EXIT.NOT_FOUND : EXIT.REFUSED;
  }
}

/** The failure as one line per error, with its code, for stderr. */
export function describeClientError(error: ClientError): string {
  if (error.kind === 'http' && error.status === 401) {
    return `not authenticated: ${error.message} (send a token with --token or ENSEMBLE_TOKEN)`;
  }
  if (error.kind === 'http' && (error.status === 404 || error.status === 405)) {
    return `${error.message}: this URL serves no GraphQL; the gateway's endpoint ends in /graphql (e.g. http://localhost:4000/graphql), set with --endpoint or ENSEMBLE_ENDPOINT`;
  }
  if (error.kind === 'http' && error.status === 413) {
    return `${error.message}: the request is larger than the gateway accepts; send less at once`;
  }
  if (error.kind !== 'graphql') return error.message;
  return error.errors
    .map((entry, index) => {
      const where = entry.path?.length ? ` (at ${entry.path.join('.')})` : '';
      return `${entry.message}${where} [${error.codes[index]}]`;
    })
    .join('\n');
}

/** A CliError carrying the failure's message and exit status. */
export function failure(error: ClientError): CliError {
  return new CliError(describeClientError(error), exitCodeOf(error));
}

/**
 * The data of a result, or a thrown CliError when there is none. Data that came with
 * errors is returned with `partial` set, for the command to print and flag.
 */
export function dataOrThrow<T>(result: Result<T>): { data: T; partial?: ClientError } {
  if (result.ok) return { data: result.data };
  if (result.data != null) return { data: result.data, partial: result.error };
  throw failure(result.error);
}
