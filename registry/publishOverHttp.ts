import type { CheckReport } from './checks/runChecks';

export interface PublishOverHttpOptions {
  /** The registry's base URL (its API is under /registry/). */
  registryUrl: string;
  token?: string;
  subgraph: string;
  routingUrl: string;
  sdl: string;
  timeoutMs?: number;
}

export type PublishAnswer =
  | { ok: true; published: boolean; version: number; report: CheckReport }
  | { ok: false; message: string; report?: CheckReport };

/**
 * Checks and publishes one subgraph's schema to a registry over HTTP: what a subgraph
 * configured to publish itself does when it starts (bin/subgraph.ts), and what any
 * deploy script may do. A refusal is returned with the registry's reason and report.
 */
export async function publishOverHttp(options: PublishOverHttpOptions): Promise<PublishAnswer> {
  const response = await fetch(new URL('/registry/publish', options.registryUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify({ subgraph: options.subgraph, sdl: options.sdl, url: options.routingUrl }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const body = (await response.json().catch(() => null)) as any;
  if (response.status === 200 && body) return { ok: true, published: body.published, version: body.version, report: body.report };
  return { ok: false, message: body?.errors?.[0]?.message ?? `the registry answered ${response.status}`, report: body?.report };
}
