import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether `x-hub-signature-256` (`sha256=<hex HMAC-SHA256 of the raw body>`) was made with
 * `secret`: GitHub's proof that a delivery came from the webhook it was configured on (cicd's
 * workflow runs, the catalog's source pushes).
 * Compared in constant time, so the answer's timing tells an attacker nothing.
 */
export function hasValidGithubSignature(body: string, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(body, 'utf8').digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
