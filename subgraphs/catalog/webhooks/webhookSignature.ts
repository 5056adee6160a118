import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers every delivery carries (documented in docs/feed.md, Webhooks). */
export const WEBHOOK_HEADERS = {
  signature: 'x-ensemble-signature',
  delivery: 'x-ensemble-delivery',
  event: 'x-ensemble-event',
} as const;

/** How old a signature a receiver should still accept; older ones may be replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe signs its webhooks. */
export function signWebhookBody(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmacHex(secret, unixSeconds, body)}`;
}

/**
 * What a receiver does with a delivery, in TypeScript: true when `header` signs `body` with
 * `secret` and its timestamp is within `toleranceSeconds` of `nowSeconds`. The tests verify
 * every delivery with it, and docs/feed.md prints the same steps for other languages.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(timestamp) || !given || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function hmacHex(secret: string, unixSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
}
