import { ALLOW, type CallerIdentity, type PermissionRequest, type PolicyDecision } from './permissionTypes';

/** Answers, for one caller and one action, allow, deny or conditional. */
export interface Policy {
  decide(request: PermissionRequest, identity: CallerIdentity): PolicyDecision;
}

/**
 * The code API: a policy is one function, as in Backstage's `PermissionPolicy.handle`.
 *
 *   export default definePolicy((request, identity) =>
 *     request.action === 'catalog.entity.delete' ? DENY : ALLOW);
 */
export function definePolicy(decide: (request: PermissionRequest, identity: CallerIdentity) => PolicyDecision): Policy {
  return { decide };
}

/**
 * The policy when none is configured: everything is allowed. Who gets that far is the
 * gateway's decision: with anonymous mode off, only authenticated callers reach a subgraph.
 */
export const ALLOW_ALL_POLICY: Policy = definePolicy(() => ALLOW);
