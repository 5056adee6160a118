import { InputError } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { normalizeEntityRef } from '../model/entityRef';
import * as relationTypes from '../model/relationTypes';

/**
 * SQL for one field path of an entity row `e`, in Backstage's notation (`kind`,
 * `metadata.tags`, `metadata.annotations.<key>`, `spec.<path>`, `relations.<type>`).
 * Filters, facets and sorting all read fields through here, so a path means the same
 * thing everywhere. Values compare case-insensitively; keys exactly as descriptors write them.
 */
export interface EntityFieldSql {
  /** The path as the caller wrote it. */
  path: string;
  /** A condition: the entity has one of `values` at this path (any element, for lists). */
  matches(values: readonly string[]): Prisma.Sql;
  /** A condition: the entity has a value at this path (not null, not an empty list). */
  exists: Prisma.Sql;
  /** A subquery with one row per value the entity has here, as written, in column `v`. */
  values: Prisma.Sql;
  /** One text per entity to sort by; absent for fields that hold lists. */
  sortValue?: Prisma.Sql;
}

const sql = Prisma.sql;
const ORPHAN_ANNOTATION = 'backstage.io/orphan';
const KNOWN_RELATION_TYPES = new Map(
  Object.values(relationTypes).map((type): [string, string] => [type.toLowerCase(), type]),
);
const FIELD_HELP =
  'use ref, kind, namespace, name, apiVersion, metadata.<field>, metadata.labels.<key>, metadata.annotations.<key>, spec.<path> or relations.<type>';

/**
 * `readable` (a permission condition on `e`, null when nothing is hidden) is what the
 * caller may read: a relation whose target is an entity outside it is not there for this
 * caller, in filters and facets as in `Entity.relations`, so neither can serve as an
 * existence test for a hidden entity.
 */
export function entityFieldSql(path: string, readable: Prisma.Sql | null = null): EntityFieldSql {
  const dot = path.indexOf('.');
  const root = (dot === -1 ? path : path.slice(0, dot)).toLowerCase();
  const rest = dot === -1 ? null : path.slice(dot + 1);
  if (rest === null) {
    if (root === 'ref') return refField(path);
    if (root === 'kind') return columnField(path, sql`e.kind`, sql`SELECT e.descriptor ->> 'kind' AS v`);
    if (root === 'namespace') return namespaceField(path);
    if (root === 'name') return nameField(path);
    if (root === 'apiversion') return jsonField(path, ['apiVersion']);
  } else if (root === 'metadata') {
    return metadataField(path, rest);
  } else if (root === 'spec') {
    if (rest === 'type' || rest === 'lifecycle') return specColumnField(path, rest);
    return jsonField(path, ['spec', ...segments(path, rest)]);
  } else if (root === 'relations') {
    return relationField(path, rest, readable);
  }
  throw new InputError(`Unknown field "${path}": ${FIELD_HELP}`);
}

/** The relation type as stored (`ownedBy`), from any casing; unknown types are kept as given. */
export function canonicalRelationType(type: string): string {
  return KNOWN_RELATION_TYPES.get(type.toLowerCase()) ?? type;
}

/** A ref given in a filter, canonical; `kind:name` means the default namespace. */
export function filterRef(value: string): string {
  const ref = normalizeEntityRef(value);
  if (!ref) throw new InputError(`"${value}" is not an entity ref; expected kind:namespace/name or kind:name`);
  return ref;
}

function metadataField(path: string, rest: string): EntityFieldSql {
  if (rest === 'name') return nameField(path);
  if (rest === 'namespace') return namespaceField(path);
  if (rest === 'tags') return tagsField(path);
  // Label and annotation keys contain dots and slashes (`backstage.io/techdocs-ref`): all
  // of the rest is the key.
  for (const map of ['labels', 'annotations']) {
    if (rest.startsWith(`${map}.`) && rest.length > map.length + 1) {
      const key = rest.slice(map.length + 1);
      const field = jsonField(path, ['metadata', map, key]);
      return map === 'annotations' && key === ORPHAN_ANNOTATION ? orphanField(field) : field;
    }
  }
  return jsonField(path, ['metadata', ...segments(path, rest)]);
}

function segments(path: string, rest: string): string[] {
  const parts = rest.split('.');
  if (parts.some((part) => part === '')) throw new InputError(`Field "${path}" has an empty segment`);
  return parts;
}

/** Any descriptor value; a list has one value per element. */
function jsonField(path: string, jsonPath: string[]): EntityFieldSql {
  const json = sql`(e.descriptor #> ${jsonPath}::text[])`;
  const values = sql`SELECT x.v FROM jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(${json}) = 'array' THEN ${json} ELSE jsonb_build_array(${json}) END
    ) AS x(v) WHERE x.v IS NOT NULL`;
  return {
    path,
    values,
    // Lower-cased on both sides in SQL: the database's lower() is what the stored side gets.
    matches: (accepted) =>
      sql`EXISTS (SELECT 1 FROM (${values}) AS m WHERE lower(m.v) IN (SELECT lower(a) FROM unnest(${[...accepted]}::text[]) AS a))`,
    exists: sql`EXISTS (${values})`,
    sortValue: sql`(e.descriptor #>> ${jsonPath}::text[])`,
  };
}

/** A column ingestion stores lower-cased (kind, spec.type, spec.lifecycle): indexed equality. */
function columnField(path: string, column: Prisma.Sql, values: Prisma.Sql): EntityFieldSql {
  return {
    path,
    values,
    matches: (accepted) => sql`${column} = ANY(${accepted.map((value) => value.toLowerCase())}::text[])`,
    exists: sql`${column} IS NOT NULL`,
    sortValue: column,
  };
}

/** spec.type and spec.lifecycle: matched on their columns, shown as the descriptor writes them. */
function specColumnField(path: string, column: 'type' | 'lifecycle'): EntityFieldSql {
  const stored = Prisma.raw(`e."${column}"`);
  return columnField(path, stored, sql`SELECT e.descriptor #>> ${['spec', column]}::text[] AS v WHERE ${stored} IS NOT NULL`);
}

function namespaceField(path: string): EntityFieldSql {
  return columnField(path, sql`e.namespace`, sql`SELECT e.namespace AS v`);
}

function nameField(path: string): EntityFieldSql {
  return {
    path,
    values: sql`SELECT e.name AS v`,
    matches: (accepted) => sql`lower(e.name) IN (SELECT lower(a) FROM unnest(${[...accepted]}::text[]) AS a)`,
    exists: sql`TRUE`,
    sortValue: sql`e.name`,
  };
}

function refField(path: string): EntityFieldSql {
  return {
    path,
    values: sql`SELECT e.ref AS v`,
    matches: (accepted) => sql`e.ref = ANY(${accepted.map(filterRef)}::text[])`,
    exists: sql`TRUE`,
    sortValue: sql`e.ref`,
  };
}

/** Backstage's tag format is lower-case, so the GIN-indexed column compares directly. */
function tagsField(path: string): EntityFieldSql {
  return {
    path,
    values: sql`SELECT unnest(e.tags) AS v`,
    matches: (accepted) => sql`e.tags && ${accepted.map((value) => value.toLowerCase())}::text[]`,
    exists: sql`coalesce(cardinality(e.tags), 0) > 0`,
  };
}

/** Targets of the entity's relations of one type, e.g. `relations.ownedBy`. */
function relationField(path: string, type: string, readable: Prisma.Sql | null): EntityFieldSql {
  if (!type || type.includes('.')) throw new InputError(`Field "${path}" must name one relation type, e.g. relations.ownedBy`);
  const ofType = sql`r.source_ref = e.ref AND r.type = ${canonicalRelationType(type)} ${visibleTargetSql(readable)}`;
  return {
    path,
    values: sql`SELECT DISTINCT r.target_ref AS v FROM relations r WHERE ${ofType}`,
    matches: (accepted) => sql`EXISTS (SELECT 1 FROM relations r WHERE ${ofType} AND r.target_ref = ANY(${accepted.map(filterRef)}::text[]))`,
    exists: sql`EXISTS (SELECT 1 FROM relations r WHERE ${ofType})`,
  };
}

/**
 * `metadata.annotations.backstage.io/orphan`: ingestion marks orphans in a column and the
 * API shows them with Backstage's annotation, so filters see that annotation too.
 */
function orphanField(field: EntityFieldSql): EntityFieldSql {
  const orphan = sql`e.orphaned_at IS NOT NULL`;
  return {
    ...field,
    values: sql`SELECT 'true' AS v WHERE ${orphan} UNION SELECT d.v FROM (${field.values}) AS d WHERE NOT ${orphan}`,
    matches: (accepted) => {
      const acceptsTrue = accepted.some((value) => value.toLowerCase() === 'true');
      return sql`CASE WHEN ${orphan} THEN ${Prisma.raw(acceptsTrue ? 'TRUE' : 'FALSE')} ELSE ${field.matches(accepted)} END`;
    },
    exists: sql`(${orphan} OR ${field.exists})`,
    sortValue: sql`(CASE WHEN ${orphan} THEN 'true' ELSE ${field.sortValue} END)`,
  };
}

/**
 * Keeps a relation `r` only when its target is readable or has no entity (dangling), as
 * findRelationsBySources does. The inner `e` is the target's row and shadows the outer
 * one: `readable` is written on `e`.
 */
export function visibleTargetSql(readable: Prisma.Sql | null): Prisma.Sql {
  return readable === null
    ? Prisma.empty
    : sql`AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.ref = r.target_ref AND (${readable}) IS NOT TRUE)`;
}
