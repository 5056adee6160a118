import type { CallerIdentity } from './permissionTypes';

const PART = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * An identity's ref, canonical (`kind:namespace/name`, lower case, as the catalog stores
 * refs): `ada` with default kind `user` is `user:default/ada`, `group:team-a` is
 * `group:default/team-a`. Null for anything that cannot be a ref. Only identities use
 * this; the catalog parses entity refs itself.
 */
export function normalizeIdentityRef(value: string, defaultKind: 'user' | 'group'): string | null {
  const text = value.trim().toLowerCase();
  const colon = text.indexOf(':');
  const kind = colon === -1 ? defaultKind : text.slice(0, colon);
  const rest = colon === -1 ? text : text.slice(colon + 1);
  const slash = rest.indexOf('/');
  const namespace = slash === -1 ? 'default' : rest.slice(0, slash);
  const name = slash === -1 ? rest : rest.slice(slash + 1);
  if (![kind, namespace, name].every((part) => PART.test(part))) return null;
  return `${kind}:${namespace}/${name}`;
}

/**
 * A user identity from a user ref and the refs it owns through (its groups); the user's
 * own ref is always one of its ownership refs, as in Backstage. Throws on a bad ref.
 */
export function userIdentity(userRef: string, groupRefs: readonly string[] = [], where = 'identity'): CallerIdentity {
  const user = normalizeIdentityRef(userRef, 'user');
  if (!user) throw new Error(`${where}: "${userRef}" is not a user entity ref (user:namespace/name)`);
  const owners = groupRefs.map((ref) => {
    const group = normalizeIdentityRef(ref, 'group');
    if (!group) throw new Error(`${where}: "${ref}" is not an entity ref (group:namespace/name)`);
    return group;
  });
  return { type: 'user', userEntityRef: user, ownershipEntityRefs: [...new Set([user, ...owners])] };
}
