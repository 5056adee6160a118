import { Prisma } from '../../../prisma/catalog/generated/client';
import type { EntityRecord } from './entityRecord';

/**
 * The Entity fields a summary row answers exactly as a whole row would: from the
 * `summary` column (the descriptor's apiVersion, kind, metadata name, namespace, title,
 * description and tags, spec type and lifecycle: migration 20261123000000_entity_summary,
 * stored as json text since 20261124000000_entity_summary_json)
 * or, for the relation fields, from the ref alone. `entitySummary.test.ts` resolves every
 * one on every kind of Backstage's example catalog both ways and compares: a field added
 * here whose resolver reads more than that fails there.
 */
export const SUMMARY_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'ref',
  'apiVersion',
  'kind',
  'namespace',
  'name',
  'title',
  'description',
  'tags',
  'type',
  'lifecycle',
  'relations',
  'owner',
  'system',
]);

/**
 * A summary row of entity `e`: the columns the summary fields read, the summary in place
 * of the descriptor. Every value a row carries costs a decode (in JavaScript on PGlite),
 * so the other columns are left out rather than selected.
 */
export const ENTITY_SUMMARY_COLUMNS = Prisma.raw(`e."ref" AS "ref", e."kind" AS "kind", e."namespace" AS "namespace", e."summary" AS "descriptor"`);

/**
 * The record of a summary row. The columns it did not read are null: no summary field
 * reads them (see SUMMARY_FIELDS and its test).
 */
export function summaryRecordOf(row: Record<string, unknown>): EntityRecord {
  return {
    ref: row.ref,
    kind: row.kind,
    namespace: row.namespace,
    name: null,
    type: null,
    lifecycle: null,
    ownerRef: null,
    tags: null,
    descriptor: row.descriptor,
    hash: null,
    locationId: null,
    sourceFile: null,
    orphanedAt: null,
    createdAt: null,
    updatedAt: null,
  } as unknown as EntityRecord;
}
