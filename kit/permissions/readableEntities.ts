import DataLoader from 'dataloader';
import { DatabaseUnavailableError, InputError, NotFoundError } from '../errors/domainErrors';
import { requestAccess, type RequestAccess } from './requestAccess';

/**
 * Where a plugin asks which entities exist: the gateway's GraphQL endpoint. Given to every
 * subgraph by its entry point (SubgraphRuntime.gatewayUrl; `ENSEMBLE_GATEWAY_URL` for
 * `npm run subgraph`).
 */
export interface EntityGraph {
  /** Undefined when the subgraph was not told: a write naming an entity is then refused. */
  gatewayUrl?: string;
  /** Writes do not ask: only for a subgraph tested alone, with no gateway (kit/testing). */
  uncheckedEntityRefs?: boolean;
}

/** `entitiesByRefs` takes at most this many refs (the catalog's schema says so). */
const REFS_PER_QUERY = 500;
/** How long the gateway may take to answer, as a request's statements may take. */
const TIMEOUT_MS = 8_000;

/**
 * Sends one operation to the gateway with `headers` (the caller's delegation, or a
 * service's token) and returns its data. A BAD_USER_INPUT answer is an InputError with
 * the gateway's words; the catalog's database being down is DB_UNAVAILABLE here too (the
 * write cannot be checked, so it is not made: try again); any other failure says only
 * that the catalog could not be asked.
 */
export async function queryGateway<Data>(gatewayUrl: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<Data> {
  let body: { data?: Data; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const input = body?.errors?.find((error) => error.extensions?.code === 'BAD_USER_INPUT');
  if (input) throw new InputError(input.message);
  if (body?.errors?.some((error) => error.extensions?.code === 'DB_UNAVAILABLE')) throw new DatabaseUnavailableError('The database is unavailable; try again shortly');
  if (!body?.data || body.errors?.length) throw new Error('The catalog could not be asked whether the entity exists; try again');
  return body.data;
}

/**
 * The gateway's answers for one request, asked as its caller: `requireReadableEntity` and
 * a plugin's own questions (`queryGraphAsCaller`) go through here.
 */
function gatewayAsCaller(access: RequestAccess): { url: string; headers: Record<string, string> } {
  const url = access.graph.gatewayUrl;
  if (!url) throw new Error('This subgraph was not told where the gateway is (ENSEMBLE_GATEWAY_URL), so it cannot check the entity a write names');
  return { url, headers: access.onBehalfHeaders() ?? {} };
}

/** Sends one operation to the gateway as the caller of this request: it answers with what they may read. */
export function queryGraphAsCaller<Data>(context: object, query: string, variables: Record<string, unknown>): Promise<Data> {
  const { url, headers } = gatewayAsCaller(requestAccess(context));
  return queryGateway<Data>(url, headers, query, variables);
}

// One loader per request (its access object): a write touching many refs asks once per 500.
const loaders = new WeakMap<RequestAccess, DataLoader<string, boolean>>();

/**
 * For a plugin's write naming an entity: goes on only when the entity exists and the
 * caller may read it (the gateway is asked as the caller, `entitiesByRefs`), else a
 * NOT_FOUND error in the same words for a hidden and a missing entity. Ask the plugin's
 * own permission first (requireAllowed). Calls within one request are batched.
 */
export async function requireReadableEntity(context: object, ref: string): Promise<void> {
  const access = requestAccess(context);
  if (access.graph.uncheckedEntityRefs) return;
  let loader = loaders.get(access);
  if (!loader) {
    loader = new DataLoader((refs) => readableRefs(access, refs), { maxBatchSize: REFS_PER_QUERY });
    loaders.set(access, loader);
  }
  if (!(await loader.load(ref))) throw new NotFoundError(`No entity ${ref}`);
}

async function readableRefs(access: RequestAccess, refs: readonly string[]): Promise<boolean[]> {
  const { url, headers } = gatewayAsCaller(access);
  const data = await queryGateway<{ entitiesByRefs: ({ ref: string } | null)[] }>(
    url,
    headers,
    'query EnsembleReadableEntities($refs: [ID!]!) { entitiesByRefs(refs: $refs) { ref } }',
    { refs },
  );
  return refs.map((_, index) => data.entitiesByRefs[index] != null);
}
