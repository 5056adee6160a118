import type { SupergraphSdlHook } from '@apollo/gateway';

/** Where a gateway gets its supergraph from the schema registry, and how often it asks. */
export interface RegistrySourceOptions {
  /** The registry's base URL: the origin its /registry/ API is served under. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Between polls. Default 2 s: a publish reaches the gateway within a few seconds. */
  pollIntervalMs?: number;
  /** Per poll. Default 5 s. */
  timeoutMs?: number;
}

export interface RegistryFollower {
  /** ApolloGateway's `supergraphSdl` option: loads the current supergraph, then follows the registry. */
  hook: SupergraphSdlHook;
  /** The version being served; null before the first load. */
  version(): number | null;
}

/**
 * Follows the registry by polling `GET /registry/supergraph` with `If-None-Match`: an
 * unchanged version costs a 304 and no SDL. A new one is handed to ApolloGateway's
 * `update`, which builds the new schema and query planner beside the old; requests
 * already running keep the schema they started with. The registry stores only
 * supergraphs that compose, and a supergraph the gateway still refuses (its `update`
 * throws) is logged and never served; the gateway keeps the one it has.
 */
export function followRegistry(options: RegistrySourceOptions & { log: (line: string) => void }): RegistryFollower {
  const endpoint = new URL('/registry/supergraph', options.url).toString();
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  let version: number | null = null;
  let refused: number | null = null;
  const fetchCurrent = async (): Promise<{ version: number; supergraphSdl: string } | null> => {
    const response = await fetch(endpoint, {
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(version !== null ? { 'if-none-match': `"${version}"` } : {}) },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    if (response.status === 304) return null;
    if (!response.ok) throw new Error(`the registry answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    const body = (await response.json()) as { version: number; supergraphSdl: string };
    if (typeof body.version !== 'number' || typeof body.supergraphSdl !== 'string') throw new Error('the registry answered without a supergraph');
    return body;
  };
  const hook: SupergraphSdlHook = async ({ update }) => {
    const first = await fetchCurrent().catch((error: unknown) => {
      throw new Error(`Cannot load the supergraph from the registry at ${options.url}: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (!first) throw new Error('The registry answered "not modified" to a first request');
    version = first.version;
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const next = await fetchCurrent();
        if (next && next.version !== version && next.version !== refused) {
          try {
            update(next.supergraphSdl);
            options.log(`gateway: now serving supergraph version ${next.version} (was ${version})`);
            version = next.version;
          } catch (error) {
            refused = next.version;
            options.log(`gateway: refused supergraph version ${next.version}, still serving ${version}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      } catch (error) {
        options.log(`gateway: polling the registry failed, still serving version ${version}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!stopped) timer = setTimeout(poll, pollIntervalMs).unref();
    };
    timer = setTimeout(poll, pollIntervalMs).unref();
    return {
      supergraphSdl: first.supergraphSdl,
      cleanup: async () => {
        stopped = true;
        clearTimeout(timer);
      },
    };
  };
  return { hook, version: () => version };
}
