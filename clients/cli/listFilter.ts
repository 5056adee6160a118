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
      const field = pair.slice(0, at).trim();
      byField.set(field, [...(byField.get(field) ?? []), pair.slice(at + 1).trim()]);
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
