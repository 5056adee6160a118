import { timingSafeEqual } from 'node:crypto';
import { identitySignatureDigest, signatureDigest } from './signRequest';

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export interface VerifyOptions {
  /** How far the signed timestamp may be from now, either way: bounds replays. Default 60 s. */
  maxAgeMs?: number;
  now?: number;
  /** The request's `x-ensemble-identity` value, when it has one: then only a v2 signature covering it passes. */
  identity?: string;
}

/**
 * Checks an `x-ensemble-signature` header against the body (and identity header) it came
 * with. Without an identity the signature must be v1; with one it must be v2, over it.
 */
export function verifySignature(secret: string, header: string | undefined, body: string, options: VerifyOptions = {}): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing signature' };
  const parts = new Map<string, string>();
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at > 0) parts.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const timestamp = Number(parts.get('t'));
  const version = options.identity === undefined ? 'v1' : 'v2';
  const given = parts.get(version);
  if (!Number.isSafeInteger(timestamp) || !given || !/^[0-9a-f]{64}$/i.test(given)) {
    return { ok: false, reason: 'malformed signature' };
  }
  const now = options.now ?? Date.now();
  if (Math.abs(now - timestamp) > (options.maxAgeMs ?? 60_000)) return { ok: false, reason: 'stale signature' };
  const digest =
    options.identity === undefined ? signatureDigest(secret, timestamp, body) : identitySignatureDigest(secret, timestamp, options.identity, body);
  const expected = Buffer.from(digest, 'hex');
  // Constant-time: the comparison must not tell an attacker how many bytes matched.
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return { ok: false, reason: 'bad signature' };
  return { ok: true };
}
