import type { PolicyDecision, SqlReads } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { entityRow } from '../data/bulkWrite';
import { entityFilterSql, type EntityFilterInput } from '../data/entityFilterSql';
import { permissionFilterSql } from '../data/permissionConditionSql';
import { processEntity } from '../ingestion/processEntity';
import type { WebhookEvent } from './webhookFeed';

const sql = Prisma.sql;

/**
 * The events a webhook delivers, in feed order: those whose entity matches its filter and
 * may be read under `readDecision` (the policy's answer for the registrant). An entity
 * that exists is judged as it is now; one that does not (deleted, orphan removed) by the
 * event's snapshot, with the same SQL; an event with neither (a plugin's event for an
 * entity the catalog does not hold) is not delivered. Two queries per batch at most.
 */
export async function deliverableEvents(
  reads: SqlReads,
  readDecision: PolicyDecision,
  filter: EntityFilterInput | null,
  events: readonly WebhookEvent[],
): Promise<WebhookEvent[]> {
  if (!events.length || readDecision.result === 'DENY') return [];
  const readable = permissionFilterSql(readDecision);
  const allowed = sql`COALESCE((${entityFilterSql(filter, readable)}) AND (${readable ?? sql`TRUE`}), FALSE)`;
  const refs = [...new Set(events.map((event) => event.ref))];
  const stored = await reads.query<{ ref: string; ok: boolean }>(
    sql`SELECT e.ref, ${allowed} AS ok FROM entities e WHERE e.ref = ANY(${refs}::text[])`,
  );
  const verdicts = new Map(stored.map((row) => [row.ref, row.ok]));
  const snapshots = new Map<string, string>();
  for (const event of events) {
    if (verdicts.has(event.ref)) continue;
    const row = snapshotRow(event.ref, event.entity);
    if (row) snapshots.set(event.ref, row);
  }
  if (snapshots.size) {
    const gone = await reads.query<{ ref: string; ok: boolean }>(
      sql`SELECT e.ref, ${allowed} AS ok FROM jsonb_populate_recordset(NULL::entities, ${`[${[...snapshots.values()].join(',')}]`}::jsonb) e`,
    );
    for (const row of gone) verdicts.set(row.ref, row.ok);
  }
  return events.filter((event) => verdicts.get(event.ref) === true);
}

/**
 * An entity row as JSON (the columns filters and rules read) from an event's snapshot:
 * the catalog records the row itself (`to_jsonb(e)`), taken as is; a delivery's logged
 * event holds only the descriptor, whose columns are derived as ingestion derives them.
 * Null when there is none, or it is not this entity's.
 */
function snapshotRow(ref: string, snapshot: unknown): string | null {
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  if ('descriptor' in snapshot) return (snapshot as { ref?: unknown }).ref === ref ? JSON.stringify(snapshot) : null;
  const processed = processEntity(snapshot);
  return processed.ok && processed.entity.ref === ref ? entityRow(processed.entity, null) : null;
}
