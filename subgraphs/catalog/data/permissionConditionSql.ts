import { criteriaParts, DomainError, type PermissionCondition, type PermissionCriteria, type PolicyDecision } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { normalizeEntityRef } from '../model/entityRef';
import { entityFieldSql } from './entityFieldSql';

const sql = Prisma.sql;

/**
 * What a decision on a catalog entity action leaves visible, as a condition on an entity
 * row `e` in the shape `entityFilterSql` builds, to AND into every query: `null` when
 * nothing is hidden (ALLOW: queries stay exactly as they were), FALSE when everything is
 * (DENY), and the conditions as SQL otherwise.
 */
export function permissionFilterSql(decision: PolicyDecision): Prisma.Sql | null {
  if (decision.result === 'ALLOW') return null;
  if (decision.result === 'DENY') return sql`FALSE`;
  return criteriaSql(decision.conditions);
}

/** Backstage's criteria (allOf / anyOf / not over the entity rules) as SQL on `e`. */
export function criteriaSql(criteria: PermissionCriteria): Prisma.Sql {
  const parts = criteriaParts(criteria);
  if (parts.kind === 'allOf') return parts.parts.length ? sql`(${Prisma.join(parts.parts.map(criteriaSql), ' AND ')})` : sql`TRUE`;
  if (parts.kind === 'anyOf') return parts.parts.length ? sql`(${Prisma.join(parts.parts.map(criteriaSql), ' OR ')})` : sql`FALSE`;
  // IS NOT TRUE, as in filters: an entity without the field does not have it.
  if (parts.kind === 'not') return sql`((${criteriaSql(parts.part)}) IS NOT TRUE)`;
  return conditionSql(parts.condition);
}

function conditionSql(condition: PermissionCondition): Prisma.Sql {
  const params = condition.params ?? {};
  try {
    switch (condition.rule) {
      case 'IS_ENTITY_OWNER': {
        const claims = strings(params.claims).map((claim) => normalizeEntityRef(claim)).filter((ref): ref is string => ref !== null);
        return sql`(e.owner_ref = ANY(${claims}::text[]))`;
      }
      case 'IS_ENTITY_KIND':
        return sql`(e.kind = ANY(${strings(params.kinds).map((kind) => kind.toLowerCase())}::text[]))`;
      case 'HAS_ANNOTATION':
        return fieldSql(`metadata.annotations.${String(params.annotation)}`, params.value);
      case 'HAS_LABEL':
        return fieldSql(`metadata.labels.${String(params.label)}`, undefined);
      case 'HAS_METADATA':
        return fieldSql(`metadata.${String(params.key)}`, params.value);
      case 'HAS_SPEC':
        return fieldSql(`spec.${String(params.key)}`, params.value);
      default:
        throw new Error(`unknown rule`);
    }
  } catch (error) {
    // A policy mistake is the operator's, not the caller's: never BAD_USER_INPUT, always masked.
    const reason = error instanceof DomainError || error instanceof Error ? error.message : String(error);
    throw new Error(`The permission policy's condition ${JSON.stringify(condition)} cannot be applied: ${reason}`);
  }
}

function fieldSql(path: string, value: unknown): Prisma.Sql {
  const field = entityFieldSql(path);
  return value === undefined ? field.exists : field.matches([String(value)]);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
