import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * How JWTs are verified: a shared secret (HS256) or a public key (RS256 for RSA, ES256
 * for a P-256 EC key). The key decides the algorithm, never the token's header: a token
 * that names another algorithm is refused, which stops "alg: none" and the classic
 * RS256-to-HS256 confusion (a public key used as an HMAC secret).
 */
export type JwtKey = { algorithm: 'HS256'; secret: Buffer } | { algorithm: 'RS256' | 'ES256'; publicKey: KeyObject };

/** Shorter HMAC keys are refused: RFC 7518 wants at least the hash's 256 bits. */
export const MIN_JWT_SECRET_BYTES = 32;

/**
 * A verification key from its text: a PEM public key (`-----BEGIN PUBLIC KEY-----`, or an
 * X.509 certificate) gives RS256 or ES256 by the key's type; anything else is an HS256
 * shared secret. `origin` names where it came from, for errors.
 */
export function jwtKeyFrom(text: string, origin: string): JwtKey {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    if (/PRIVATE KEY-----/.test(trimmed)) throw new Error(`${origin}: give the gateway the public key, not the private one`);
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey(trimmed);
    } catch (error) {
      throw new Error(`${origin}: not a PEM public key (${error instanceof Error ? error.message : String(error)})`);
    }
    if (publicKey.asymmetricKeyType === 'rsa') return { algorithm: 'RS256', publicKey };
    if (publicKey.asymmetricKeyType === 'ec' && publicKey.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { algorithm: 'ES256', publicKey };
    throw new Error(`${origin}: only RSA (RS256) and P-256 EC (ES256) public keys are supported`);
  }
  const secret = Buffer.from(trimmed, 'utf8');
  if (secret.length < MIN_JWT_SECRET_BYTES) throw new Error(`${origin}: an HS256 secret must be at least ${MIN_JWT_SECRET_BYTES} bytes`);
  return { algorithm: 'HS256', secret };
}
