import { InputError } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { normalizeEntityRef } from '../model/entityRef';
import { canonicalRelationType, entityFieldSql, filterRef, visibleTargetSql } from './entityFieldSql';
import { prefixTsQuery, textMatchSql } from './textSearchSql';

type List = readonly string[] | null | undefined;

/** `EntityFilter` as GraphQL hands it over (see schema.graphql for what each field means). */
export interface EntityFilterInput {
  kind?: List;
  namespace?: List;
  type?: List;
  lifecycle?: List;
  owner?: List;
  tags?: List;
  field?: readonly { field: string; values: readonly string[] }[] | null;
  relation?: readonly { type: string; targets: readonly string[] }[] | null;
  hasField?: List;
  missingField?: List;
  text?: string | null;
  and?: readonly EntityFilterInput[] | null;
  or?: readonly EntityFilterInput[] | null;
  not?: EntityFilterInput | null;
}

/** Bounds that keep one request's SQL small whatever a client sends. */
export const FILTER_LIMITS = { depth: 8, nodes: 100, listLength: 500 };

const sql = Prisma.sql;

/**
 * The WHERE condition, on an entity row `e`, for a filter: built once and reused for the
 * page, `totalCount` and facets, so all three always agree. User text only ever travels
 * as a bound parameter.
 */
export function entityFilterSql(filter: EntityFilterInput | null | undefined, readable: Prisma.Sql | null = null): Prisma.Sql {
  return filter ? build(filter, { nodes: 0, readable }, 1) : sql`TRUE`;
}

/** What one filter tree shares: its node count, and what the caller may read (relations to hidden entities match nothing). */
interface FilterScope {
  nodes: number;
  readonly readable: Prisma.Sql | null;
}

function build(filter: EntityFilterInput, budget: FilterScope, depth: number): Prisma.Sql {
  if (depth > FILTER_LIMITS.depth) throw new InputError(`Filters nest at most ${FILTER_LIMITS.depth} deep`);
  if (++budget.nodes > FILTER_LIMITS.nodes) throw new InputError(`A filter may hold at most ${FILTER_LIMITS.nodes} filters in all`);
  const conditions: Prisma.Sql[] = [];
  const add = (condition: Prisma.Sql) => conditions.push(condition);
  const lower = (name: string, values: readonly string[]) => checked(name, values).map((value) => value.toLowerCase());

  if (filter.kind) add(oneOf(sql`e.kind`, lower('kind', filter.kind)));
  if (filter.namespace) add(oneOf(sql`e.namespace`, lower('namespace', filter.namespace)));
  if (filter.type) add(oneOf(sql`e.type`, lower('type', filter.type)));
  if (filter.lifecycle) add(oneOf(sql`e.lifecycle`, lower('lifecycle', filter.lifecycle)));
  if (filter.owner) add(oneOf(sql`e.owner_ref`, checked('owner', filter.owner).map(ownerRef)));
  // "All of these tags": no tags asked, no condition.
  if (filter.tags?.length) add(sql`e.tags @> ${lower('tags', filter.tags)}::text[]`);
  const field = (path: string) => entityFieldSql(path, budget.readable);
  for (const match of filter.field ?? []) add(field(match.field).matches(checked(match.field, match.values)));
  for (const match of filter.relation ?? []) {
    const targets = checked(`relation ${match.type}`, match.targets).map(filterRef);
    add(sql`EXISTS (SELECT 1 FROM relations r WHERE r.source_ref = e.ref AND r.type = ${canonicalRelationType(match.type)}
      AND r.target_ref = ANY(${targets}::text[]) ${visibleTargetSql(budget.readable)})`);
  }
  for (const path of checked('hasField', filter.hasField ?? [])) add(field(path).exists);
  for (const path of checked('missingField', filter.missingField ?? [])) add(sql`(${field(path).exists}) IS NOT TRUE`);
  if (filter.text != null) {
    const tsQuery = prefixTsQuery(filter.text);
    if (tsQuery) add(textMatchSql(tsQuery));
  }
  for (const part of filter.and ?? []) add(build(part, budget, depth + 1));
  if (filter.or) {
    const parts = filter.or.map((part) => build(part, budget, depth + 1));
    add(parts.length ? sql`(${Prisma.join(parts, ' OR ')})` : sql`FALSE`);
  }
  // IS NOT TRUE, not NOT: a comparison with a missing value is NULL, and an entity
  // without a type is certainly "not a service".
  if (filter.not) add(sql`(${build(filter.not, budget, depth + 1)}) IS NOT TRUE`);
  return conditions.length ? sql`(${Prisma.join(conditions, ' AND ')})` : sql`TRUE`;
}

/**
 * Equality for one value, `= ANY` for several. The planner treats `kind = 'component'` as
 * a constant, so an index on (kind, ..., ref) returns rows already in page order and a page
 * reads ~`first` index entries; with `= ANY('{component}')` it cannot (PostgreSQL before
 * 17) and reads or sorts every match instead.
 */
function oneOf(column: Prisma.Sql, values: readonly string[]): Prisma.Sql {
  return values.length === 1 ? sql`${column} = ${values[0]}` : sql`${column} = ANY(${values}::text[])`;
}

function checked(name: string, values: readonly string[]): readonly string[] {
  if (values.length > FILTER_LIMITS.listLength) {
    throw new InputError(`"${name}" may list at most ${FILTER_LIMITS.listLength} values, got ${values.length}`);
  }
  return values;
}

/** Owners are written as short refs in descriptors and filters alike: `team-a` is a group. */
function ownerRef(value: string): string {
  const ref = normalizeEntityRef(value.includes(':') ? value : `group:${value}`);
  if (!ref) throw new InputError(`"${value}" is not an entity ref`);
  return ref;
}
