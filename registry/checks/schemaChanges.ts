import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** One difference between the API schema clients see before and after a change. */
export interface SchemaChange {
  /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  message: string;
  /** The schema coordinate it is at, e.g. `Component.lifecycle`; absent for schema-wide changes. */
  path?: string;
  criticality: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
}

/**
 * The changes between two API schemas (the composed graph without federation's
 * machinery, as clients see it), by graphql-inspector's rules: removals, type changes,
 * narrowed nullability, required arguments and input fields added, enum values removed,
 * and the rest. Diffing what clients see means a field one subgraph drops while another
 * still resolves it is no break, and federation's own types never show up as changes.
 */
export async function schemaChanges(beforeApiSdl: string | null, afterApiSdl: string): Promise<SchemaChange[]> {
  if (beforeApiSdl === null) return [];
  const changes = await diff(buildSchema(beforeApiSdl), buildSchema(afterApiSdl));
  return changes.map((change) => ({
    type: String(change.type),
    message: change.message,
    ...(change.path ? { path: change.path } : {}),
    criticality:
      change.criticality.level === CriticalityLevel.Breaking ? 'BREAKING' : change.criticality.level === CriticalityLevel.Dangerous ? 'DANGEROUS' : 'NON_BREAKING',
  }));
}
