import { GraphQLErrors, HttpError, NetworkError, TimeoutError, type GraphQLErrorEntry } from './clientErrors';
import type { Result } from './result';

/** Where and how to send operations. */
export interface TransportOptions {
  /** The gateway's GraphQL URL, e.g. `http://localhost:4000/graphql`. */
  endpoint: string;
  /** Sent as `Authorization: Bearer <token>` when given. */
  token?: string;
  /** For the whole exchange, connecting to last byte. Default 30 s. */
  timeoutMs?: number;
  /** The fetch to use; Node's own by default (a wrapper can count or log requests). */
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** POSTs one operation and turns every outcome, failures included, into a Result. */
export async function sendOperation<T>(
  options: TransportOptions,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
): Promise<Result<T>> {
  const answer = await exchange(options, options.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) }),
  });
  return 'error' in answer ? { ok: false, error: answer.error, data: null } : readResponse<T>(answer.status, answer.text);
}

/**
 * One HTTP exchange with the gateway under the client's timeout and token: its status and
 * body, or the network or timeout error. `GET /plugins` shares it with the operations.
 */
export async function exchange(
  options: TransportOptions,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; text: string } | { error: NetworkError | TimeoutError }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = { ...init.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  try {
    const response = await (options.fetch ?? fetch)(url, { ...init, headers, signal: controller.signal });
    // The body is read under the same timer: a server that sends headers then stalls is a timeout too.
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { error: controller.signal.aborted ? new TimeoutError(url, timeoutMs) : new NetworkError(url, error) };
  } finally {
    clearTimeout(timer);
  }
}

function readResponse<T>(status: number, text: string): Result<T> {
  let body: { data?: T | null; errors?: GraphQLErrorEntry[] } | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && ('data' in parsed || 'errors' in parsed)) body = parsed as typeof body;
  } catch {
    // Not JSON: handled below as an HTTP error.
  }
  if (!body) return { ok: false, error: new HttpError(status, text.slice(0, 200).trim()), data: null };
  // GraphQL servers answer 200, or 400 for a request they cannot run (a parse or validation
  // error). Any other status is the HTTP layer speaking (no such route, 401, 413, 502),
  // even when its body is shaped like GraphQL.
  if (status !== 200 && status !== 400) {
    const message = body.errors?.map((error) => error.message).join('; ') ?? text.slice(0, 200).trim();
    return { ok: false, error: new HttpError(status, message), data: null };
  }
  if (body.errors?.length) return { ok: false, error: new GraphQLErrors(body.errors, status), data: body.data ?? null };
  if (body.data == null) return { ok: false, error: new HttpError(status, text.slice(0, 200).trim()), data: null };
  return { ok: true, data: body.data };
}
