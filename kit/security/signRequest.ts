import { createHmac } from 'node:crypto';
import { IDENTITY_HEADER } from '../permissions/identityHeader';

/** The header the gateway signs every subgraph request with. */
export const SIGNATURE_HEADER = 'x-ensemble-signature';

/**
 * The signature of one request body at one instant: `t=<unix ms>,v1=<hex HMAC-SHA256>`,
 * the HMAC taken over `<t>.<body>` with the secret the gateway and subgraphs share.
 * Signing the timestamp with the body is what lets a subgraph refuse an old request.
 */
export function signRequest(secret: string, body: string, now: number = Date.now(), identity?: string): string {
  if (identity !== undefined) return `t=${now},v2=${identitySignatureDigest(secret, now, identity, body)}`;
  return `t=${now},v1=${signatureDigest(secret, now, body)}`;
}

/**
 * The headers that make a request to a subgraph acceptable: what the gateway sends, and
 * what tests send. With an identity (an `x-ensemble-identity` value), the header and a
 * signature covering it.
 */
export function signedHeaders(secret: string, body: string, now: number = Date.now(), identity?: string): Record<string, string> {
  return {
    [SIGNATURE_HEADER]: signRequest(secret, body, now, identity),
    ...(identity === undefined ? {} : { [IDENTITY_HEADER]: identity }),
  };
}

export function signatureDigest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * The signature of a request that carries a caller's identity: the HMAC covers
 * `v2.<t>.<identity>.<body>`, so the identity cannot be changed, added to a request
 * signed without one, or dropped. The `v2.` prefix keeps these payloads apart from v1's
 * `<t>.<body>` (which starts with a digit), so one can never pass for the other.
 */
export function identitySignatureDigest(secret: string, timestamp: number, identity: string, body: string): string {
  return createHmac('sha256', secret).update(`v2.${timestamp}.${identity}.${body}`).digest('hex');
}
