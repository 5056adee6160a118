/**
 * Relations implied by an entity's spec, as Backstage's
 * BuiltinKindsEntityProcessor emits them: every relation in both directions,
 * e.g. component ownedBy group and group ownerOf component.
 */
import { DEFAULT_NAMESPACE, stringifyEntityRef } from './entityRef';
import type { Entity } from './entityTypes';
import { parseRelationTarget, relationTargets } from './relationFields';

/** A relation between two entities, both given as canonical refs. */
export interface DerivedRelation {
  sourceRef: string;
  type: string;
  targetRef: string;
}

/**
 * Both directions of every relation the spec implies, in Backstage's order,
 * without duplicates. Short refs take the field's default kind (owner: Group,
 * system: System, domain/subdomainOf: Domain, providesApis/consumesApis: API,
 * memberOf/parent/children: Group, members: User, subcomponentOf: Component;
 * dependsOn/dependencyOf: none) and the entity's namespace.
 *
 * A ref that cannot be parsed makes Backstage fail the processing of the whole
 * entity, so no relation of it is stored. We do the same: this throws the
 * TypeError parseEntityRef throws. validateEntity reports such refs up front,
 * so this only throws for entities that did not pass validateEntity.
 */
export function deriveRelations(entity: Entity): DerivedRelation[] {
  const selfRef = stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
    name: entity.metadata.name,
  });

  const seen = new Set<string>();
  const relations: DerivedRelation[] = [];
  const add = (relation: DerivedRelation) => {
    const key = `${relation.sourceRef} ${relation.type} ${relation.targetRef}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push(relation);
  };

  for (const target of relationTargets(entity)) {
    const targetRef = stringifyEntityRef(parseRelationTarget(entity, target));
    add({ sourceRef: selfRef, type: target.field.outgoing, targetRef });
    add({ sourceRef: targetRef, type: target.field.incoming, targetRef: selfRef });
  }
  return relations;
}
