/**
 * Refs in relation fields that Backstage cannot parse. In Backstage the
 * entity then fails processing (BuiltinKindsEntityProcessor throws) and is not
 * stored; we reject it at validation time with the same message.
 */
import type { Entity } from '../entityTypes';
import { parseRelationTarget, relationTargets } from '../relationFields';

export function findBadRelationRefs(entity: Entity): string[] {
  const errors: string[] = [];
  for (const target of relationTargets(entity)) {
    try {
      parseRelationTarget(entity, target);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return errors;
}
