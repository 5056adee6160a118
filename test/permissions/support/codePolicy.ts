import { ALLOW, conditional, definePolicy, DENY, entityConditions } from '../../../kit';

/** A policy as code, loaded by file name like a YAML one: users read their own entities and APIs. */
export default definePolicy((request, identity) => {
  if (identity.type === 'anonymous') return DENY;
  if (request.action !== 'catalog.entity.read') return DENY;
  if (identity.ownershipEntityRefs.includes('group:default/admins')) return ALLOW;
  return conditional({
    anyOf: [entityConditions.isEntityOwner({ claims: identity.ownershipEntityRefs }), entityConditions.isEntityKind({ kinds: ['API'] })],
  });
});
