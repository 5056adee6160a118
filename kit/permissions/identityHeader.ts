import type { CallerIdentity } from './permissionTypes';
import { userIdentity } from './identityRefs';

/**
 * The header the gateway puts the caller's identity in, on subgraph requests. Its value
 * is covered by the gateway's signature (see kit/security/signRequest.ts), so a subgraph
 * trusts it exactly as far as it trusts the signature. Absent: an anonymous caller.
 */
export const IDENTITY_HEADER = 'x-ensemble-identity';

/** base64url of `{"user": ..., "ownership": [...]}`: no characters a header or the signed payload treat specially. */
export function encodeIdentity(identity: CallerIdentity): string | undefined {
  if (identity.type === 'anonymous') return undefined;
  return Buffer.from(JSON.stringify({ user: identity.userEntityRef, ownership: identity.ownershipEntityRefs })).toString('base64url');
}

/** The identity a (verified) header carries; throws on a value the gateway would not write. */
export function decodeIdentity(header: string | undefined): CallerIdentity {
  if (header === undefined || header === '') return { type: 'anonymous' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    throw new Error(`Malformed ${IDENTITY_HEADER} header`);
  }
  const { user, ownership } = (parsed ?? {}) as { user?: unknown; ownership?: unknown };
  if (typeof user !== 'string' || !Array.isArray(ownership) || !ownership.every((ref) => typeof ref === 'string')) {
    throw new Error(`Malformed ${IDENTITY_HEADER} header`);
  }
  return userIdentity(user, ownership, IDENTITY_HEADER);
}
