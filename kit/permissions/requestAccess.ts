import { NotAllowedError } from '../errors/domainErrors';
import { DELEGATION_HEADER, signDelegation } from '../security/delegation';
import type { Policy } from './definePolicy';
import type { CallerIdentity, PolicyDecision } from './permissionTypes';
import type { EntityGraph } from './readableEntities';

/** What a resolver asks about the caller of its request. */
export interface RequestAccess {
  identity: CallerIdentity;
  /** The policy's decision for this caller and action; asked once per action and request. */
  authorize(action: string): PolicyDecision;
  /**
   * Headers that make the gateway treat a request from this subgraph as coming from this
   * caller (kit/security/delegation.ts): how a plugin reads the graph on the caller's
   * behalf, seeing exactly what the caller may see. Null when the subgraph has no secret
   * (`--insecure-dev`), so it cannot vouch for anyone.
   */
  onBehalfHeaders(): Record<string, string> | null;
  /** Where to ask which entities exist and the caller may read (requireReadableEntity). */
  graph: EntityGraph;
}

/**
 * `secret`: the one the gateway signs this subgraph's requests with; null or absent when
 * there is none. `graph`: the subgraph's runtime (its gatewayUrl), read when asked, so an
 * entry point may set the URL after start.
 */
export function createRequestAccess(policy: Policy, identity: CallerIdentity, secret: string | null = null, graph: EntityGraph = {}): RequestAccess {
  const decisions = new Map<string, PolicyDecision>();
  return {
    identity,
    graph,
    onBehalfHeaders: () => (secret === null ? null : { [DELEGATION_HEADER]: signDelegation(secret, identity) }),
    authorize(action) {
      let decision = decisions.get(action);
      if (!decision) {
        decision = policy.decide({ action }, identity);
        decisions.set(action, decision);
      }
      return decision;
    },
  };
}

// A symbol-keyed, enumerable property of the context the module built for the request:
// no module has to carry access in its context type, and it survives Apollo Server's
// shallow copy of the context (Object.assign copies enumerable symbol properties).
const ACCESS = Symbol('ensemble.requestAccess');

/** The kit binds each request's access to the context it built; a context is for one request only. */
export function bindRequestAccess(context: object, access: RequestAccess): void {
  if (ACCESS in context) {
    throw new Error('createContext returned a context object used before: it must build a new object per request');
  }
  Object.defineProperty(context, ACCESS, { value: access, enumerable: true, writable: false, configurable: false });
}

/**
 * The caller's access for a request, from its context. Fails closed: a context the kit
 * did not build (so nobody checked who is calling) has none, and that is a bug.
 */
export function requestAccess(context: object): RequestAccess {
  const access = (context as { [ACCESS]?: RequestAccess })[ACCESS];
  if (!access) throw new Error('No access is bound to this context: only contexts built by the kit for a request have one');
  return access;
}

/** True only for an unconditional allow: what basic (non-resource) actions need. */
export function isAllowed(decision: PolicyDecision): boolean {
  return decision.result === 'ALLOW';
}

/** The catalog's read action: plugins ask about it, never about the catalog's data. */
export const CATALOG_ENTITY_READ = 'catalog.entity.read';

/**
 * For a plugin's root query (data keyed by entity refs, not reached through an entity
 * the catalog returned): allowed only when the plugin's own action and reading catalog
 * entities are both allowed outright. A plugin cannot evaluate catalog rules (ownership,
 * kinds) on its own rows, so a conditional decision counts as a refusal here; through
 * an entity the catalog returned, the same data stays reachable (docs/permissions.md).
 */
export function allowsAcrossCatalog(context: object, action: string): boolean {
  const access = requestAccess(context);
  return isAllowed(access.authorize(action)) && isAllowed(access.authorize(CATALOG_ENTITY_READ));
}

/**
 * For a plugin's write: goes on only when the policy allows `action` outright, else a
 * FORBIDDEN error (writes may say no; reads look like not-found instead).
 */
export function requireAllowed(context: object, action: string): void {
  if (!isAllowed(requestAccess(context).authorize(action))) throw new NotAllowedError(`Not allowed: ${action}`);
}
