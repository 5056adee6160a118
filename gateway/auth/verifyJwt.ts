import { createHmac, timingSafeEqual, verify } from 'node:crypto';
import type { JwtKey } from './jwtKey';

export interface JwtOptions {
  key: JwtKey;
  /** The `iss` every token must carry, exactly. */
  issuer: string;
  /** When set, `aud` (a string or a list) must contain it. */
  audience?: string;
  /** Leeway for `exp` and `nbf`, in seconds, for clocks that disagree a little. Default 0. */
  clockToleranceSec?: number;
}

export type JwtCheck = { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Verifies a compact JWS (JWT) with node:crypto only: the signature with the configured
 * key and its one algorithm, then `iss`, `exp` (required), `nbf` and, when configured,
 * `aud`. The reason is for the log; callers answer every failure the same way.
 */
export function verifyJwt(token: string, options: JwtOptions, now: number = Date.now()): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) return fail('not a compact JWT');
  const [encodedHeader, encodedPayload, encodedSignature] = parts;
  const header = decodeJson(encodedHeader);
  if (!header) return fail('unreadable header');
  if (header.alg !== options.key.algorithm) return fail(`algorithm ${JSON.stringify(header.alg)} is not the configured ${options.key.algorithm}`);
  if (header.crit !== undefined) return fail('unsupported critical header');
  const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii');
  const signature = Buffer.from(encodedSignature, 'base64url');
  if (!signatureValid(options.key, signed, signature)) return fail('bad signature');
  const claims = decodeJson(encodedPayload);
  if (!claims) return fail('unreadable claims');
  const seconds = now / 1000;
  const tolerance = options.clockToleranceSec ?? 0;
  if (claims.iss !== options.issuer) return fail(`issuer ${JSON.stringify(claims.iss)} is not ${JSON.stringify(options.issuer)}`);
  if (typeof claims.exp !== 'number') return fail('no exp claim');
  if (seconds >= claims.exp + tolerance) return fail('expired');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || seconds < claims.nbf - tolerance)) return fail('not valid yet (nbf)');
  if (options.audience !== undefined) {
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(options.audience)) return fail(`audience is not ${JSON.stringify(options.audience)}`);
  }
  return { ok: true, claims };
}

function signatureValid(key: JwtKey, signed: Buffer, signature: Buffer): boolean {
  if (key.algorithm === 'HS256') {
    const expected = createHmac('sha256', key.secret).update(signed).digest();
    return signature.length === expected.length && timingSafeEqual(signature, expected);
  }
  // JWS carries ECDSA signatures as raw r||s (IEEE P1363), not DER.
  if (key.algorithm === 'ES256' && signature.length !== 64) return false;
  try {
    return verify('sha256', signed, key.algorithm === 'ES256' ? { key: key.publicKey, dsaEncoding: 'ieee-p1363' } : key.publicKey, signature);
  } catch {
    return false;
  }
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function fail(reason: string): JwtCheck {
  return { ok: false, reason };
}
