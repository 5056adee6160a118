import { NotAllowedError, normalizeIdentityRef, type CallerIdentity } from '../kit';

/**
 * Who may change the registry. A subgraph's owners (user or group refs, as the team's
 * API tokens or JWTs name them) may publish it; admins may publish any subgraph and roll
 * the supergraph back. With `anonymous` (local development, as `npm start`'s anonymous
 * mode), callers without credentials may do everything.
 */
export interface RegistryAccessOptions {
  owners?: Record<string, string[]>;
  admins?: string[];
  anonymous?: boolean;
}

export interface RegistryAccess {
  assertMayPublish(identity: CallerIdentity, subgraph: string): void;
  assertMayRollBack(identity: CallerIdentity): void;
  /** Reading the supergraph, checking, reporting usage: any caller the registry let in. */
  assertMayRead(identity: CallerIdentity): void;
}

export function registryAccess(options: RegistryAccessOptions): RegistryAccess {
  const canonical = (refs: string[], where: string) =>
    new Set(
      refs.map((ref) => {
        const normalized = normalizeIdentityRef(ref, 'group');
        if (!normalized) throw new Error(`${where}: "${ref}" is not a user or group ref`);
        return normalized;
      }),
    );
  const admins = canonical(options.admins ?? [], 'registry admins');
  const owners = new Map(Object.entries(options.owners ?? {}).map(([subgraph, refs]) => [subgraph, canonical(refs, `owners of ${subgraph}`)]));
  const isAdmin = (identity: CallerIdentity) =>
    identity.type === 'anonymous' ? options.anonymous === true : identity.ownershipEntityRefs.some((ref) => admins.has(ref));
  return {
    assertMayPublish(identity, subgraph) {
      if (isAdmin(identity)) return;
      const team = owners.get(subgraph);
      if (identity.type === 'user' && team && identity.ownershipEntityRefs.some((ref) => team.has(ref))) return;
      throw new NotAllowedError(`You may not publish the subgraph ${subgraph}: only its owners and registry admins may`);
    },
    assertMayRollBack(identity) {
      if (!isAdmin(identity)) throw new NotAllowedError('Only registry admins may roll the supergraph back');
    },
    assertMayRead(identity) {
      if (identity.type === 'anonymous' && options.anonymous !== true) throw new NotAllowedError('Send a token to use the registry');
    },
  };
}
