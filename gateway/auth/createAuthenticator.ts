import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, DELEGATION_HEADER, userIdentity, verifyDelegation, type CallerIdentity } from '../../kit';
import type { ApiToken } from './parseApiTokens';
import { verifyJwt, type JwtOptions } from './verifyJwt';

/** How callers authenticate at the gateway (docs/permissions.md). */
export interface GatewayAuthOptions {
  /** Let requests without credentials in, as an anonymous caller (local development). */
  anonymous: boolean;
  /** Static tokens for scripts, sent as `Authorization: Bearer <token>`. */
  apiTokens?: ApiToken[];
  /** Signed JWTs, sent as `Authorization: Bearer <jwt>`. */
  jwt?: JwtOptions;
}

export type Authentication = { ok: true; identity: CallerIdentity } | { ok: false; reason: string };

export type Authenticator = (request: IncomingMessage) => Authentication;

/**
 * Who a request comes from: a static API token, a JWT, or (in anonymous mode, without
 * any credentials) an anonymous caller. Credentials that are present but wrong are never
 * downgraded to anonymous: a bad or expired token fails.
 *
 * With `delegationSecret` (the subgraph secret), a subgraph acting for the caller of a
 * request the gateway sent it (`x-ensemble-on-behalf-of`, kit/security/delegation.ts) is
 * that caller; the header decides alone, and a bad one fails. Without a secret the
 * header is refused: nobody can vouch for it.
 */
export function createAuthenticator(
  options: GatewayAuthOptions,
  now: () => number = Date.now,
  delegationSecret: string | null = null,
): Authenticator {
  // Looked up by hash, so the lookup's timing says nothing about any token's characters.
  const tokens = new Map((options.apiTokens ?? []).map((token): [string, CallerIdentity] => [digest(token.token), token.identity]));
  return (request) => {
    const delegation = request.headers[DELEGATION_HEADER];
    if (delegation !== undefined) {
      if (delegationSecret === null) return { ok: false, reason: 'a delegation header, and no subgraph secret to check it' };
      const check = verifyDelegation(delegationSecret, Array.isArray(delegation) ? delegation.join(',') : delegation, now());
      return check.ok ? { ok: true, identity: check.identity } : { ok: false, reason: check.reason };
    }
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      return options.anonymous ? { ok: true, identity: ANONYMOUS } : { ok: false, reason: 'no credentials' };
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return { ok: false, reason: 'not a Bearer authorization' };
    const token = match[1];
    const known = tokens.get(digest(token));
    if (known) return { ok: true, identity: known };
    if (!options.jwt || token.split('.').length !== 3) return { ok: false, reason: 'unknown token' };
    const check = verifyJwt(token, options.jwt, now());
    if (!check.ok) return { ok: false, reason: `JWT refused: ${check.reason}` };
    return identityFromClaims(check.claims);
  };
}

/**
 * Backstage's identity claims: `sub` is the user's entity ref, `ent` the refs it owns
 * through (user and groups); a `groups` list is taken too, for other issuers.
 */
export function identityFromClaims(claims: Record<string, unknown>): Authentication {
  const refs = (value: unknown) => (Array.isArray(value) ? value.filter((ref): ref is string => typeof ref === 'string') : []);
  if (typeof claims.sub !== 'string') return { ok: false, reason: 'JWT refused: no sub claim' };
  try {
    return { ok: true, identity: userIdentity(claims.sub, [...refs(claims.ent), ...refs(claims.groups)], 'JWT claims') };
  } catch (error) {
    return { ok: false, reason: `JWT refused: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
