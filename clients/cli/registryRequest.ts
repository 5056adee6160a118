import { CliError, EXIT } from './exitCodes';
import type { ConnectionSettings } from './graphqlClient';

/** A registry answer the CLI understood: its status and JSON body. */
export interface RegistryAnswer {
  status: number;
  body: any;
}

/**
 * Calls the schema registry's HTTP API, served under /registry/ at the endpoint's origin
 * (`npm start` serves it beside /graphql; a production registry at its own origin).
 * Network trouble, 401 and 403 become CliErrors with the CLI's exit codes; 200 and 409
 * (a check that refused a publish, with its report) are returned.
 */
export async function registryRequest(connection: ConnectionSettings, path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<RegistryAnswer> {
  const url = new URL(`/registry/${path}`, connection.endpoint);
  let response: Response;
  try {
    response = await (connection.fetch ?? fetch)(url, {
      method: init.method,
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(connection.token ? { authorization: `Bearer ${connection.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(connection.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new CliError(timedOut ? `the registry at ${url.origin} did not answer in time` : `cannot reach the registry at ${url.origin}`, EXIT.NETWORK);
  }
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CliError(`the registry at ${url.origin} answered ${response.status} without JSON (is it a registry?)`, EXIT.NETWORK);
  }
  const message = body?.errors?.[0]?.message ?? `HTTP ${response.status}`;
  if (response.status === 401) throw new CliError(`not authenticated: ${message} (send a token with --token or ENSEMBLE_TOKEN)`, EXIT.NOT_AUTHENTICATED);
  if (response.status === 403 || response.status === 400) throw new CliError(message, EXIT.REFUSED);
  if (response.status === 404) throw new CliError(message, EXIT.NOT_FOUND);
  if (response.status !== 200 && response.status !== 409) throw new CliError(`the registry answered ${response.status}: ${message}`, EXIT.NETWORK);
  return { status: response.status, body };
}
