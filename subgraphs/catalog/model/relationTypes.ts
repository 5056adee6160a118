/**
 * Relation type names, exactly as Backstage spells them
 * (packages/catalog-model/src/kinds/relations.ts). They come in pairs: each
 * relation is stored in both directions.
 */

/** Ownership, usually by a Group or User. */
export const RELATION_OWNED_BY = 'ownedBy';
export const RELATION_OWNER_OF = 'ownerOf';

/** A component providing or consuming an API. */
export const RELATION_CONSUMES_API = 'consumesApi';
export const RELATION_API_CONSUMED_BY = 'apiConsumedBy';
export const RELATION_PROVIDES_API = 'providesApi';
export const RELATION_API_PROVIDED_BY = 'apiProvidedBy';

/** A dependency on another entity of any kind. */
export const RELATION_DEPENDS_ON = 'dependsOn';
export const RELATION_DEPENDENCY_OF = 'dependencyOf';

/** The group hierarchy. */
export const RELATION_PARENT_OF = 'parentOf';
export const RELATION_CHILD_OF = 'childOf';

/** Group membership of users. */
export const RELATION_MEMBER_OF = 'memberOf';
export const RELATION_HAS_MEMBER = 'hasMember';

/** Part/whole: components in systems, systems in domains, subcomponents, subdomains. */
export const RELATION_PART_OF = 'partOf';
export const RELATION_HAS_PART = 'hasPart';
