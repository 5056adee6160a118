import { existsSync, readFileSync } from 'node:fs';
import { jwtKeyFrom, parseApiToken, parseApiTokensJson, type GatewayAuthOptions } from '../gateway/auth';
import { loadPolicyFile, type Policy } from '../kit';

/** The command-line flags for authentication, shared by `npm start` and `npm run gateway`. */
export const AUTH_FLAGS = {
  'api-token': { type: 'string', multiple: true, default: [] as string[] },
  'jwt-issuer': { type: 'string' },
  'jwt-audience': { type: 'string' },
  'jwt-key': { type: 'string' },
} as const;

export const AUTH_USAGE = `  --api-token <token>=<user ref>[,<group ref>...]
                             a static API token and who it stands for (repeatable; also
                             $ENSEMBLE_API_TOKENS, JSON: {"<token>": ["user:default/ci", "group:default/ops"]})
  --jwt-issuer <iss>         accept JWTs from this issuer (also $ENSEMBLE_JWT_ISSUER)
  --jwt-audience <aud>       and only with this audience (also $ENSEMBLE_JWT_AUDIENCE)
  --jwt-key <file or secret> verification key: a PEM public key (RS256 / ES256) or an
                             HS256 secret of 32+ bytes, inline or in a file (also $ENSEMBLE_JWT_KEY)`;

export const POLICY_USAGE = `  --policy <file>            permission policy: .yaml / .json rules or a .ts / .js
                             definePolicy module (also $ENSEMBLE_POLICY_FILE; default: allow all)`;

/**
 * How the gateway authenticates callers, from flags and then the environment (flags
 * win). See docs/permissions.md.
 */
export function gatewayAuthFrom(
  flags: { anonymous: boolean; 'api-token': string[]; 'jwt-issuer'?: string; 'jwt-audience'?: string; 'jwt-key'?: string },
): GatewayAuthOptions {
  const apiTokens = flags['api-token'].map((value) => parseApiToken(value));
  if (process.env.ENSEMBLE_API_TOKENS) apiTokens.push(...parseApiTokensJson(process.env.ENSEMBLE_API_TOKENS));
  const issuer = flags['jwt-issuer'] ?? process.env.ENSEMBLE_JWT_ISSUER;
  const audience = flags['jwt-audience'] ?? process.env.ENSEMBLE_JWT_AUDIENCE;
  const keySource = flags['jwt-key'] ?? process.env.ENSEMBLE_JWT_KEY;
  if ((issuer === undefined) !== (keySource === undefined)) {
    throw new Error('JWTs need both --jwt-issuer and --jwt-key (or ENSEMBLE_JWT_ISSUER and ENSEMBLE_JWT_KEY)');
  }
  const origin = flags['jwt-key'] !== undefined ? '--jwt-key' : 'ENSEMBLE_JWT_KEY';
  const key = keySource === undefined ? undefined : existsSync(keySource) ? jwtKeyFrom(readFileSync(keySource, 'utf8'), keySource) : jwtKeyFrom(keySource, origin);
  return {
    anonymous: flags.anonymous,
    apiTokens,
    jwt: key && issuer ? { key, issuer, audience } : undefined,
  };
}

/** The policy file from `--policy` or ENSEMBLE_POLICY_FILE; undefined keeps the default (allow all). */
export function policyFrom(flag: string | undefined): Policy | undefined {
  const file = flag ?? process.env.ENSEMBLE_POLICY_FILE;
  return file ? loadPolicyFile(file) : undefined;
}

/** One line for the log saying how callers get in (and, where subgraphs start here, under which policy). */
export function describeAuth(auth: GatewayAuthOptions, policyFile: string | undefined | null): string {
  const ways = [
    auth.anonymous ? 'anonymous callers' : null,
    auth.apiTokens?.length ? `${auth.apiTokens.length} API token(s)` : null,
    auth.jwt ? `JWTs from ${auth.jwt.issuer}` : null,
  ].filter(Boolean);
  const accepted = ways.length ? ways.join(', ') : 'nothing: every request is refused';
  return `authentication: ${accepted}${policyFile === null ? '' : `; policy: ${policyFile ?? 'allow all'}`}`;
}
