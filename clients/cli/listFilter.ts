import type { EntityFilter, EntityOrder } from '../generated/graphql';
import { usageError } from './exitCodes';

/** The list command's filter flags, already split into values. */
export interface ListFilterFlags {
  kind?: string[];
  namespace?: string[];
  type?: string[];
  lifecycle?: string[];
  owner?: string[];
  tag?: string[];
  /** `key=value` pairs; the key is a field path (`spec.system`, `metadata.labels.tier`). */
  filter?: string[];
  has?: string[];
  missing?: string[];
}

/**
 * Spec fields that hold entity refs, with the relation they imply and the kind a short
 * ref takes (Backstage's BuiltinKindsEntityProcessor). A descriptor may write
 * `system: checkout` or `system: system:default/checkout`; the relation holds the
 * canonical ref either way, so `--filter spec.system=checkout` filters by that.
 */
const REF_FIELDS: Record<string, { relation: string; defaultKind?: string }> = {
  'spec.owner': { relation: 'ownedBy', defaultKind: 'group' },
  'spec.system': { relation: 'partOf', defaultKind: 'system' },
  'spec.domain': { relation: 'partOf', defaultKind: 'domain' },
  'spec.subcomponentOf': { relation: 'partOf', defaultKind: 'component' },
  'spec.subdomainOf': { relation: 'partOf', defaultKind: 'domain' },
  'spec.providesApis': { relation: 'providesApi', defaultKind: 'api' },
  'spec.consumesApis': { relation: 'consumesApi', defaultKind: 'api' },
  'spec.dependsOn': { relation: 'dependsOn' },
  'spec.dependencyOf': { relation: 'dependencyOf' },
  'spec.memberOf': { relation: 'memberOf', defaultKind: 'group' },
  'spec.parent': { relation: 'childOf', defaultKind: 'group' },
  'spec.children': { relation: 'parentOf', defaultKind: 'group' },
  'spec.members': { relation: 'hasMember', defaultKind: 'user' },
};

/** `spec.system=checkout` as `relations.partOf=system:checkout`; any other pair as written. */
function byRef(field: string, value: string): [string, string] {
  const refField = REF_FIELDS[field];
  if (!refField) return [field, value];
  const ref = refField.defaultKind && !value.includes(':') ? `${refField.defaultKind}:${value}` : value;
  return [`relations.${refField.relation}`, ref];
}

/**
 * The catalog filter for the flags: every flag must hold (AND); the values of one flag,
 * or of one `--filter` key given several times, are alternatives (OR), except tags,
 * which must all be there (as the catalog's `tags` filter has it).
 */
export function buildEntityFilter(flags: ListFilterFlags): EntityFilter {
  const filter: EntityFilter = {};
  if (flags.kind) filter.kind = flags.kind;
  if (flags.namespace) filter.namespace = flags.namespace;
  if (flags.type) filter.type = flags.type;
  if (flags.lifecycle) filter.lifecycle = flags.lifecycle;
  if (flags.owner) filter.owner = flags.owner;
  if (flags.tag) filter.tags = flags.tag;
  if (flags.has) filter.hasField = flags.has;
  if (flags.missing) filter.missingField = flags.missing;
  if (flags.filter) {
    const byField = new Map<string, string[]>();
    for (const pair of flags.filter) {
      const at = pair.indexOf('=');
      if (at <= 0 || at === pair.length - 1) throw usageError(`--filter wants key=value, e.g. spec.lifecycle=production, not "${pair}"`);
      const [field, value] = byRef(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
      byField.set(field, [...(byField.get(field) ?? []), value]);
    }
    filter.field = [...byField].map(([field, values]) => ({ field, values }));
  }
  return filter;
}

/** `--order-by name` or `--order-by metadata.title:desc`. */
export function parseOrderBy(value: string | undefined): EntityOrder | undefined {
  if (!value) return undefined;
  const match = /^(.+?)(?::(asc|desc))?$/i.exec(value.trim());
  if (!match) throw usageError(`--order-by wants <field>[:asc|:desc], not "${value}"`);
  return { field: match[1], direction: match[2]?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC' };
}
