import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeIdentity, encodeIdentity } from '../permissions/identityHeader';
import type { CallerIdentity } from '../permissions/permissionTypes';

/**
 * The header a subgraph sends the gateway to act on behalf of the caller of the request
 * it is serving (a plugin reading the graph for a roll-up, checking that an entity
 * exists): `t=<unix ms>,id=<identity header value, empty for anonymous>,v1=<hex HMAC>`,
 * the HMAC over `delegate.<t>.<id>` with the secret gateway and subgraphs share. Only a
 * subgraph the gateway signs requests for can make one, and only for a caller the
 * gateway itself vouched for; the `delegate.` prefix keeps it apart from request
 * signatures, so neither can pass for the other.
 */
export const DELEGATION_HEADER = 'x-ensemble-on-behalf-of';

/** How old a delegation may be: long enough for one roll-up's requests, short enough to bound a replay. */
export const DELEGATION_MAX_AGE_MS = 60_000;

export function signDelegation(secret: string, identity: CallerIdentity, now: number = Date.now()): string {
  const id = encodeIdentity(identity) ?? '';
  return `t=${now},id=${id},v1=${delegationDigest(secret, now, id)}`;
}

export type DelegationCheck = { ok: true; identity: CallerIdentity } | { ok: false; reason: string };

/** The identity a delegation header speaks for, when its signature holds and it is fresh. */
export function verifyDelegation(secret: string, header: string, now: number = Date.now(), maxAgeMs = DELEGATION_MAX_AGE_MS): DelegationCheck {
  const match = /^t=(\d{1,16}),id=([A-Za-z0-9_-]*),v1=([0-9a-f]{64})$/.exec(header.trim());
  if (!match) return { ok: false, reason: 'malformed delegation' };
  const [, t, id, given] = match;
  const timestamp = Number(t);
  if (Math.abs(now - timestamp) > maxAgeMs) return { ok: false, reason: 'stale delegation' };
  // Constant-time: the comparison must not tell an attacker how many bytes matched.
  if (!timingSafeEqual(Buffer.from(delegationDigest(secret, timestamp, id), 'hex'), Buffer.from(given, 'hex'))) {
    return { ok: false, reason: 'bad delegation signature' };
  }
  try {
    return { ok: true, identity: decodeIdentity(id || undefined) };
  } catch {
    return { ok: false, reason: 'malformed delegated identity' };
  }
}

function delegationDigest(secret: string, timestamp: number, id: string): string {
  return createHmac('sha256', secret).update(`delegate.${timestamp}.${id}`).digest('hex');
}
