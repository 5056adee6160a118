import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { DomainError } from './domainErrors';
import { isDatabaseUnavailable } from './databaseUnavailable';

/** Codes Apollo Server itself assigns to errors that are safe to show as they are. */
const APOLLO_PUBLIC_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_REQUIRED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Validation rules report their own reason as `extensions.validationErrorCode` (Apollo's
 * convention; Apollo then files every one under GRAPHQL_VALIDATION_FAILED). These become
 * the error's code, so a client can tell "too deep" from "misspelt field".
 */
const VALIDATION_CODES: Record<string, string> = {
  MAX_RECURSIVE_SELECTIONS_EXCEEDED: 'TOO_MANY_SELECTIONS',
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  OPERATION_TOO_DEEP: 'OPERATION_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
};

/** Codes raised before execution by the gateway's plugins: safe to show as they are. */
const REQUEST_LIMIT_CODES = new Set(['OPERATION_TOO_COMPLEX', 'RATE_LIMITED']);

/** Domain codes a subgraph may send through the gateway with their message intact. */
const DOWNSTREAM_PUBLIC_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'VERSION_CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'DB_UNAVAILABLE']);

/** graphql-js's message when `parseOptions.maxTokens` stops the parser. */
const TOO_MANY_TOKENS = /Document contains more (?:than|that) \d+ tokens/;

export type ErrorLogger = (error: unknown) => void;

export interface FormatErrorOptions {
  /** Strip "Did you mean ...?" from every message, so clients cannot map the schema by guessing. */
  hideSuggestions?: boolean;
}

/**
 * Apollo Server's `formatError`, for the gateway and every subgraph:
 * - domain errors keep their message and get their code;
 * - a database that is down or too slow becomes `DB_UNAVAILABLE`, without its text;
 * - Apollo's own request errors pass, with an operation limit's reason as the code;
 * - through the gateway, a subgraph's domain error keeps its code and names the subgraph;
 * - anything else is masked, so a stack, a SQL text or an internal URL never reaches a
 *   client. The original goes to `log`.
 */
export function createFormatError(log: ErrorLogger, options: FormatErrorOptions = {}) {
  const clean = options.hideSuggestions ? withoutSuggestions : (message: string) => message;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const domain = findDomainError(error);
    if (domain) {
      return {
        message: clean(domain.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: domain.code, ...domain.details },
      };
    }
    const extensions = formatted.extensions ?? {};
    const code = typeof extensions.code === 'string' ? extensions.code : undefined;
    const serviceName = typeof extensions.serviceName === 'string' ? extensions.serviceName : undefined;
    if (serviceName !== undefined) {
      if (code && DOWNSTREAM_PUBLIC_CODES.has(code)) {
        return { message: clean(formatted.message), path: formatted.path, extensions: { code, serviceName } };
      }
      log(error);
      return { message: `Internal server error in subgraph "${serviceName}"`, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName } };
    }
    if (isDatabaseUnavailable(error)) {
      log(error);
      return { message: 'The database is unavailable; try again shortly', path: formatted.path, extensions: { code: 'DB_UNAVAILABLE' } };
    }
    if (code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(formatted.message)) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'TOO_MANY_TOKENS' } };
    }
    const validationCode = typeof extensions.validationErrorCode === 'string' ? VALIDATION_CODES[extensions.validationErrorCode] : undefined;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && validationCode) {
      return { message: clean(formatted.message), locations: formatted.locations, extensions: { code: validationCode } };
    }
    if (code && (APOLLO_PUBLIC_CODES.has(code) || REQUEST_LIMIT_CODES.has(code))) {
      return { message: clean(formatted.message), locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    log(error);
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** The domain error behind `error`, however many GraphQLErrors Apollo and the gateway wrapped it in. */
function findDomainError(error: unknown): DomainError | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof DomainError) return current;
    if (!(current instanceof GraphQLError)) return undefined;
    current = current.originalError;
  }
  return undefined;
}

function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+?\?$/, '');
}
