/**
 * Which spec fields of which kinds imply relations, as Backstage's
 * BuiltinKindsEntityProcessor (and the scaffolder's ScaffolderEntitiesProcessor
 * for Template) emit them. Shared by deriveRelations and by validation, which
 * rejects an entity whose refs cannot be parsed.
 */
import { type CompoundEntityRef, DEFAULT_NAMESPACE, parseEntityRef } from './entityRef';
import type { Entity } from './entityTypes';
import { isPlaceholder } from './placeholders';
import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from './relationTypes';

export interface RelationField {
  /** Entity kind, compared exactly as Backstage does. */
  kind: string;
  /** Set when only one apiVersion of the kind has the field (Template). */
  apiVersion?: string;
  /** The spec field holding one ref or a list of refs. */
  field: string;
  /** Kind assumed when a ref has none; undefined means the ref must name it. */
  defaultKind?: string;
  /** Relation from the entity to the target, and back. */
  outgoing: string;
  incoming: string;
}

function field(
  kind: string,
  name: string,
  defaultKind: string | undefined,
  outgoing: string,
  incoming: string,
): RelationField {
  return { kind, field: name, defaultKind, outgoing, incoming };
}

// Order matters only for the order relations are listed in; it follows Backstage.
export const RELATION_FIELDS: readonly RelationField[] = [
  field('Component', 'owner', 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF),
  field('Component', 'subcomponentOf', 'Component', RELATION_PART_OF, RELATION_HAS_PART),
  field('Component', 'providesApis', 'API', RELATION_PROVIDES_API, RELATION_API_PROVIDED_BY),
  field('Component', 'consumesApis', 'API', RELATION_CONSUMES_API, RELATION_API_CONSUMED_BY),
  field('Component', 'dependsOn', undefined, RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF),
  field('Component', 'dependencyOf', undefined, RELATION_DEPENDENCY_OF, RELATION_DEPENDS_ON),
  field('Component', 'system', 'System', RELATION_PART_OF, RELATION_HAS_PART),
  field('API', 'owner', 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF),
  field('API', 'system', 'System', RELATION_PART_OF, RELATION_HAS_PART),
  field('Resource', 'owner', 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF),
  field('Resource', 'dependsOn', undefined, RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF),
  field('Resource', 'dependencyOf', undefined, RELATION_DEPENDENCY_OF, RELATION_DEPENDS_ON),
  field('Resource', 'system', 'System', RELATION_PART_OF, RELATION_HAS_PART),
  field('User', 'memberOf', 'Group', RELATION_MEMBER_OF, RELATION_HAS_MEMBER),
  field('Group', 'parent', 'Group', RELATION_CHILD_OF, RELATION_PARENT_OF),
  field('Group', 'children', 'Group', RELATION_PARENT_OF, RELATION_CHILD_OF),
  field('Group', 'members', 'User', RELATION_HAS_MEMBER, RELATION_MEMBER_OF),
  field('System', 'owner', 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF),
  field('System', 'domain', 'Domain', RELATION_PART_OF, RELATION_HAS_PART),
  field('Domain', 'owner', 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF),
  field('Domain', 'subdomainOf', 'Domain', RELATION_PART_OF, RELATION_HAS_PART),
  {
    ...field('Template', 'owner', 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF),
    apiVersion: 'scaffolder.backstage.io/v1beta3',
  },
];

export interface RelationTarget {
  field: RelationField;
  /** The raw value from the spec: normally a string ref. */
  target: unknown;
}

function rawTargets(entity: Entity, relationField: RelationField): unknown {
  return (entity.spec ?? {})[relationField.field];
}

/** Every (field, ref) pair of the entity's spec that implies a relation. */
export function relationTargets(entity: Entity): RelationTarget[] {
  const targets: RelationTarget[] = [];
  for (const relationField of RELATION_FIELDS) {
    if (relationField.kind !== entity.kind) continue;
    if (relationField.apiVersion && relationField.apiVersion !== entity.apiVersion) continue;
    const raw = rawTargets(entity, relationField);
    // Backstage skips empty values ("", null, missing) without complaint.
    if (!raw) continue;
    for (const target of [raw].flat()) {
      // Placeholders must be resolved first; until then they point nowhere.
      if (!isPlaceholder(target)) targets.push({ field: relationField, target });
    }
  }
  return targets;
}

/**
 * The ref a spec value points at: a short ref takes the field's default kind
 * and the entity's own namespace. Throws Backstage's TypeError when the value
 * is not a usable ref (for example "my-db" in dependsOn, which has no kind).
 */
export function parseRelationTarget(
  entity: Entity,
  { field: relationField, target }: RelationTarget,
): CompoundEntityRef {
  // Non-strings go through as Backstage passes them: parseEntityRef then
  // reports them as refs without a name.
  return parseEntityRef(target as string, {
    defaultKind: relationField.defaultKind,
    defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
  });
}
