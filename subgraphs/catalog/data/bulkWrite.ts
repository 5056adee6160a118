import type { Prisma } from '../../../prisma/catalog/generated/client';
import type { ProcessedEntity } from '../ingestion/processEntity';
import { JsonRows } from './jsonRows';

type Sql = Pick<Prisma.TransactionClient, '$executeRawUnsafe'>;

/** Rows per statement: large catalogs go in a few big statements, not one giant one. */
const CHUNK = 5_000;

/**
 * One entity as insertEntityRows takes it: its columns, the descriptor JSON made once per
 * entity (spliced in as is rather than escaped again) and its relations, as one JSON
 * object. A location's read keeps this (in JsonRows) rather than the parsed entity until
 * it writes it: a fraction of the descriptor's object tree, and off the heap.
 */
export function entityRow(entity: ProcessedEntity, file: string | null): string {
  const columns = JSON.stringify({
    ref: entity.ref,
    kind: entity.kind,
    namespace: entity.namespace,
    name: entity.name,
    type: entity.type,
    lifecycle: entity.lifecycle,
    owner_ref: entity.ownerRef,
    tags: entity.tags,
    hash: entity.hash,
    source_file: file,
    // [source, type, target], the entity's own ref as null (it is one end of nearly every
    // relation: half the row's bytes otherwise). deriveRelations gives each relation once.
    relations: entity.relations.map((relation) => [
      relation.sourceRef === entity.ref ? null : relation.sourceRef,
      relation.type,
      relation.targetRef === entity.ref ? null : relation.targetRef,
    ]),
  });
  return `${columns.slice(0, -1)},"descriptor":${entity.descriptorJson}}`;
}

/**
 * Inserts entities and the relations they imply (both directions, tagged with their
 * origin): the rows at `indexes` of `rows`, one statement per chunk. The rows go as one
 * JSON array: one round trip for thousands of rows, where row-by-row inserts made a
 * 10,000-entity catalog take minutes, and no text array per relation column, which cost
 * more to build (in pg and in Prisma) than the rows themselves. Callers delete the
 * entities' previous relations first, so no relation can clash.
 *
 * The array is a literal in the statement's text (JsonRows.sqlLiteral), not a parameter:
 * Prisma copies every parameter twice on its way to the driver (JSON.stringify, then
 * JSON.parse, which puts a large result straight into V8's old generation) and keeps the
 * last 100 statements' arguments, so a parameter put ~3x its size into the old
 * generation, the text once.
 */
export async function insertEntityRows(sql: Sql, rows: JsonRows, indexes: readonly number[], locationId: string): Promise<void> {
  for (let start = 0; start < indexes.length; start += CHUNK) {
    const chunk = start === 0 && indexes.length <= CHUNK ? indexes : indexes.slice(start, start + CHUNK);
    const statement = rows.sqlLiteral(
      chunk,
      `WITH u AS (
         SELECT * FROM jsonb_to_recordset(`,
      `::jsonb) AS u(ref text, kind text, namespace text, name text, type text, lifecycle text,
           owner_ref text, tags text[], descriptor jsonb, hash text, source_file text, relations jsonb)
       ), inserted AS (
         INSERT INTO "entities" ("ref", "kind", "namespace", "name", "type", "lifecycle", "owner_ref", "tags", "descriptor", "hash", "location_id", "source_file")
         SELECT u.ref, u.kind, u.namespace, u.name, u.type, u.lifecycle, u.owner_ref, u.tags, u.descriptor, u.hash, $1, u.source_file FROM u
       )
       INSERT INTO "relations" ("origin_ref", "source_ref", "type", "target_ref")
       SELECT u.ref, coalesce(r.value->>0, u.ref), r.value->>1, coalesce(r.value->>2, u.ref) FROM u, jsonb_array_elements(u.relations) AS r`,
    );
    await sql.$executeRawUnsafe(statement, locationId);
  }
}

/** insertEntityRows for processed entities (the direct write path). */
export async function insertEntities(sql: Sql, entities: (ProcessedEntity & { file?: string })[], locationId: string): Promise<void> {
  const rows = new JsonRows();
  entities.forEach((entity) => rows.push(entityRow(entity, entity.file ?? null)));
  await insertEntityRows(sql, rows, rows.all(), locationId);
}

/**
 * Deletes entities and the relations they originated, by ref: one statement per chunk, so
 * the refs cross Prisma (which copies every parameter) once.
 */
export async function deleteEntitiesByRef(sql: Sql, refs: string[]): Promise<void> {
  for (let start = 0; start < refs.length; start += CHUNK) {
    const chunk = refs.slice(start, start + CHUNK);
    await sql.$executeRawUnsafe(
      `WITH "relations_gone" AS (DELETE FROM "relations" WHERE "origin_ref" = ANY($1::text[]))
       DELETE FROM "entities" WHERE "ref" = ANY($1::text[])`,
      chunk,
    );
  }
}
