import type { Prisma } from '../../../prisma/catalog/generated/client';
import type { ProcessedEntity } from '../ingestion/processEntity';

type Sql = Pick<Prisma.TransactionClient, '$executeRawUnsafe'>;

/** Rows per statement: large catalogs go in a few big statements, not one giant one. */
const CHUNK = 5_000;

/**
 * Inserts entities with one statement per chunk, the rows passed as a single JSON array:
 * one round trip for thousands of rows, where row-by-row inserts made a 10,000-entity
 * catalog take minutes, and the descriptor JSON made once per entity is spliced in as is
 * rather than escaped again into an array literal.
 */
export async function insertEntities(sql: Sql, entities: (ProcessedEntity & { file?: string })[], locationId: string): Promise<void> {
  for (let start = 0; start < entities.length; start += CHUNK) {
    const rows = entities.slice(start, start + CHUNK).map((entity) => {
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
        source_file: entity.file ?? null,
      });
      return `${columns.slice(0, -1)},"descriptor":${entity.descriptorJson}}`;
    });
    await sql.$executeRawUnsafe(
      `INSERT INTO "entities" ("ref", "kind", "namespace", "name", "type", "lifecycle", "owner_ref", "tags", "descriptor", "hash", "location_id", "source_file")
       SELECT u.ref, u.kind, u.namespace, u.name, u.type, u.lifecycle, u.owner_ref, u.tags, u.descriptor, u.hash, $2, u.source_file
       FROM jsonb_to_recordset($1::jsonb)
         AS u(ref text, kind text, namespace text, name text, type text, lifecycle text, owner_ref text, tags text[], descriptor jsonb, hash text, source_file text)`,
      `[${rows.join(',')}]`,
      locationId,
    );
  }
}

/**
 * Inserts the relations the entities imply, both directions, tagged with their origin.
 * Callers delete the entities' previous relations first, so the only possible clash is a
 * relation an entity implies twice: dropped here, which spares PostgreSQL the costlier
 * `ON CONFLICT` path for every row.
 */
export async function insertRelations(sql: Sql, entities: ProcessedEntity[]): Promise<void> {
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (const entity of entities) {
    for (const relation of entity.relations) {
      const row = [entity.ref, relation.sourceRef, relation.type, relation.targetRef];
      const key = row.join('\n');
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
  }
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await sql.$executeRawUnsafe(
      `INSERT INTO "relations" ("origin_ref", "source_ref", "type", "target_ref")
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      ...[0, 1, 2, 3].map((index) => chunk.map((row) => row[index])),
    );
  }
}

/** Deletes entities and the relations they originated, by ref. */
export async function deleteEntitiesByRef(sql: Sql, refs: string[]): Promise<void> {
  for (let start = 0; start < refs.length; start += CHUNK) {
    const chunk = refs.slice(start, start + CHUNK);
    await sql.$executeRawUnsafe('DELETE FROM "relations" WHERE "origin_ref" = ANY($1::text[])', chunk);
    await sql.$executeRawUnsafe('DELETE FROM "entities" WHERE "ref" = ANY($1::text[])', chunk);
  }
}
