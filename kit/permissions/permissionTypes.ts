/**
 * The vocabulary of Ensemble's permissions, shaped after Backstage's permission-common
 * so a Backstage policy reads the same here: a decision is ALLOW, DENY or CONDITIONAL,
 * and a conditional decision carries criteria (`allOf` / `anyOf` / `not` over rules)
 * that the subgraph owning the resources turns into a database filter.
 */

/** Who is calling, as the gateway authenticated them. */
export type CallerIdentity =
  | {
      type: 'user';
      /** The user's entity ref, e.g. `user:default/ada.okafor`. */
      userEntityRef: string;
      /** The user's ref and every group ref the caller's token names: what they own through. */
      ownershipEntityRefs: string[];
    }
  /** No credentials, let in because the gateway runs in anonymous mode (local development). */
  | { type: 'anonymous' };

export const ANONYMOUS: CallerIdentity = Object.freeze({ type: 'anonymous' });

/** What a subgraph asks the policy about: one action, such as `catalog.entity.read`. */
export interface PermissionRequest {
  action: string;
}

/** One rule applied to a resource: `{ rule: 'IS_ENTITY_KIND', params: { kinds: ['API'] } }`. */
export interface PermissionCondition {
  rule: string;
  /** Backstage names the resource type (`catalog-entity`); optional here, every rule is an entity rule. */
  resourceType?: string;
  params?: Record<string, unknown>;
}

/** Backstage's criteria: a condition, or conditions combined. */
export type PermissionCriteria =
  | PermissionCondition
  | { allOf: PermissionCriteria[] }
  | { anyOf: PermissionCriteria[] }
  | { not: PermissionCriteria };

export type PolicyDecision =
  | { result: 'ALLOW' }
  | { result: 'DENY' }
  | { result: 'CONDITIONAL'; conditions: PermissionCriteria };

export const ALLOW: PolicyDecision = Object.freeze({ result: 'ALLOW' });
export const DENY: PolicyDecision = Object.freeze({ result: 'DENY' });

/** A conditional decision: allowed for the resources that satisfy `conditions`. */
export function conditional(conditions: PermissionCriteria): PolicyDecision {
  return { result: 'CONDITIONAL', conditions };
}
