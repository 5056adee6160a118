import type { GatewayOptions } from '../gateway/startGateway';
import type { OperationLimits } from '../gateway/limits/operationLimits';
import type { StartSubgraphOptions } from '../kit';

/**
 * The hardening settings entry points read from the environment (only `bin/` reads
 * `process.env`). Every one is optional: unset keeps the documented default
 * (docs/hardening.md).
 */
export const SECRET_VARIABLE = 'ENSEMBLE_SUBGRAPH_SECRET';

/**
 * The secret gateway and subgraphs share. Required, unless `--insecure-dev` allows
 * running without signatures; then `null` (a secret that is set is still used).
 */
export function subgraphSecretFromEnv(insecureDev: boolean): string | null {
  const secret = process.env[SECRET_VARIABLE];
  if (secret) return secret;
  if (insecureDev) return null;
  throw new Error(
    `${SECRET_VARIABLE} is not set. The gateway signs every subgraph request with it and subgraphs refuse unsigned ones; ` +
      `set the same value (at least 16 characters, e.g. from \`openssl rand -hex 32\`) for the gateway and every subgraph, ` +
      `or pass --insecure-dev to run without signatures on a trusted machine.`,
  );
}

/** What the gateway takes from the environment, beside its flags. */
export function gatewayOptionsFromEnv(): Pick<GatewayOptions, 'limits' | 'maxBodyBytes' | 'corsOrigins' | 'subgraphTimeoutMs' | 'production'> {
  const limits: Partial<OperationLimits> = {};
  const variables: [keyof OperationLimits, string][] = [
    ['maxTokens', 'ENSEMBLE_MAX_TOKENS'],
    ['maxSelections', 'ENSEMBLE_MAX_SELECTIONS'],
    ['maxDepth', 'ENSEMBLE_MAX_DEPTH'],
    ['maxAliases', 'ENSEMBLE_MAX_ALIASES'],
    ['maxDirectives', 'ENSEMBLE_MAX_DIRECTIVES'],
    ['maxCost', 'ENSEMBLE_MAX_COST'],
    ['assumedListSize', 'ENSEMBLE_ASSUMED_LIST_SIZE'],
  ];
  for (const [limit, variable] of variables) {
    const value = positiveInteger(variable);
    if (value !== undefined) limits[limit] = value;
  }
  return {
    limits,
    maxBodyBytes: positiveInteger('ENSEMBLE_MAX_BODY_BYTES'),
    subgraphTimeoutMs: positiveInteger('ENSEMBLE_SUBGRAPH_TIMEOUT_MS'),
    corsOrigins: process.env.ENSEMBLE_CORS_ORIGINS ? process.env.ENSEMBLE_CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean) : undefined,
    production: process.env.NODE_ENV === 'production',
  };
}

/** What a subgraph takes from the environment. */
export function subgraphOptionsFromEnv(): Pick<StartSubgraphOptions, 'maxEntityRepresentations' | 'signatureMaxAgeMs' | 'maxBodyBytes' | 'database'> {
  return {
    maxEntityRepresentations: positiveInteger('ENSEMBLE_MAX_REPRESENTATIONS'),
    signatureMaxAgeMs: positiveInteger('ENSEMBLE_SIGNATURE_MAX_AGE_MS'),
    maxBodyBytes: positiveInteger('ENSEMBLE_SUBGRAPH_MAX_BODY_BYTES'),
    database: {
      connectTimeoutMs: positiveInteger('ENSEMBLE_DB_CONNECT_TIMEOUT_MS'),
      statementTimeoutMs: positiveInteger('ENSEMBLE_DB_STATEMENT_TIMEOUT_MS'),
    },
  };
}

/** Flags beat the environment; an explicit flag value is checked like a variable. */
export function positiveIntegerFlag(flag: string, value: string | undefined): number | undefined {
  return value === undefined ? undefined : parsePositiveInteger(`--${flag}`, value);
}

function positiveInteger(variable: string): number | undefined {
  const value = process.env[variable];
  return value === undefined || value === '' ? undefined : parsePositiveInteger(variable, value);
}

function parsePositiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return number;
}
