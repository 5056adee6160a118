import { createHmac } from 'node:crypto';

/** The header the gateway signs every subgraph request with. */
export const SIGNATURE_HEADER = 'x-ensemble-signature';

/**
 * The signature of one request body at one instant: `t=<unix ms>,v1=<hex HMAC-SHA256>`,
 * the HMAC taken over `<t>.<body>` with the secret the gateway and subgraphs share.
 * Signing the timestamp with the body is what lets a subgraph refuse an old request.
 */
export function signRequest(secret: string, body: string, now: number = Date.now()): string {
  return `t=${now},v1=${signatureDigest(secret, now, body)}`;
}

/** The headers that make a request to a subgraph acceptable: what the gateway sends, and what tests send. */
export function signedHeaders(secret: string, body: string, now: number = Date.now()): Record<string, string> {
  return { [SIGNATURE_HEADER]: signRequest(secret, body, now) };
}

export function signatureDigest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}
