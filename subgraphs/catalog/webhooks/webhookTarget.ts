import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { InputError } from '../../../kit';
import { hostMatches } from '../ingestion/sourceReader';
import type { WebhookOptions } from './webhookOptions';

export const MAX_URL_LENGTH = 2_048;

/**
 * Checks a webhook URL at registration: http(s), no credentials, on a host the catalog may
 * read from (CATALOG_READ_ALLOW), and a loopback host only when configuration allows it.
 * Returns the URL as it will be called.
 */
export function checkWebhookUrl(url: string, options: Pick<WebhookOptions, 'allowHosts' | 'allowLoopback'>): string {
  if (url.length > MAX_URL_LENGTH) throw new InputError(`A webhook URL may be at most ${MAX_URL_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new InputError(`A webhook URL must be http(s), got ${parsed.protocol}`);
  if (parsed.username || parsed.password) throw new InputError('A webhook URL may not hold credentials; the secret signs each delivery instead');
  if (!options.allowHosts.some((pattern) => hostMatches(pattern, parsed))) {
    throw new InputError(`Webhooks to ${parsed.host} are not allowed: the host must be in the catalog's allowed hosts (CATALOG_READ_ALLOW)`);
  }
  if (isLoopbackName(parsed.hostname) && !options.allowLoopback) {
    throw new InputError(`Webhooks to loopback addresses are not allowed here (CATALOG_WEBHOOK_ALLOW_LOOPBACK)`);
  }
  return parsed.toString();
}

/**
 * Checked again before each send, on the address the name resolves to now: a name that
 * was harmless at registration cannot be pointed later at this machine or at a cloud
 * metadata address (link-local) unless loopback is allowed.
 */
export async function checkResolvedAddress(url: string, allowLoopback: boolean): Promise<void> {
  if (allowLoopback) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  const refused = addresses.find(({ address }) => isLoopbackName(address) || isLinkLocalOrUnspecified(address));
  if (refused) throw new Error(`${host} resolves to ${refused.address}, where webhooks may not go`);
}

function isLoopbackName(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || /^::ffff:127\./.test(host);
}

function isLinkLocalOrUnspecified(address: string): boolean {
  return /^169\.254\./.test(address) || /^fe[89ab][0-9a-f]:/i.test(address) || address === '0.0.0.0' || address === '::';
}
