import { createHmac, sign, type KeyObject } from 'node:crypto';

/**
 * Signs a JWT the way an identity provider would, for tests: HS256 with a secret, RS256
 * or ES256 with a private key. `alg` may be overridden to forge a header.
 */
export function signJwt(
  claims: Record<string, unknown>,
  key: { secret: string } | { privateKey: KeyObject; alg: 'RS256' | 'ES256' },
  header: Record<string, unknown> = {},
): string {
  const alg = 'secret' in key ? 'HS256' : key.alg;
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${encode({ alg, typ: 'JWT', ...header })}.${encode(claims)}`;
  const signature =
    'secret' in key
      ? createHmac('sha256', key.secret).update(signed).digest()
      : sign('sha256', Buffer.from(signed), alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' } : key.privateKey);
  return `${signed}.${signature.toString('base64url')}`;
}

export const NOW = 1_750_000_000_000;
export const SECONDS = NOW / 1000;
