import type { Prisma } from '../../../prisma/catalog/generated/client';
import type { ProcessedEntity } from '../ingestion/processEntity';

type Sql = Pick<Prisma.TransactionClient, '$executeRawUnsafe'>;

/** Rows per statement: large catalogs go in a few big statements, not one giant one. */
const CHUNK = 5_000;

/**
 * Inserts entities with one `unnest` statement per chunk: one round trip for thousands of
 * rows, where row-by-row inserts made a 10,000-entity catalog take minutes.
 */
export async function insertEntities(sql: Sql, entities: (ProcessedEntity & { file?: string })[], locationId: string): Promise<void> {
  for (let start = 0; start < entities.length; start += CHUNK) {
    const chunk = entities.slice(start, start + CHUNK);
    const column = <T>(pick: (entity: ProcessedEntity & { file?: string }) => T) => chunk.map(pick);
    await sql.$executeRawUnsafe(
      `INSERT INTO "entities" ("ref", "kind", "namespace", "name", "type", "lifecycle", "owner_ref", "tags", "descriptor", "hash", "location_id", "source_file")
       SELECT u.ref, u.kind, u.namespace, u.name, u.type, u.lifecycle, u.owner_ref,
              ARRAY(SELECT jsonb_array_elements_text(u.tags::jsonb)), u.descriptor::jsonb, u.hash, $11, u.source_file
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $12::text[])
         AS u(ref, kind, namespace, name, type, lifecycle, owner_ref, tags, descriptor, hash, source_file)`,
      column((entity) => entity.ref),
      column((entity) => entity.kind),
      column((entity) => entity.namespace),
      column((entity) => entity.name),
      column((entity) => entity.type),
      column((entity) => entity.lifecycle),
      column((entity) => entity.ownerRef),
      column((entity) => JSON.stringify(entity.tags)),
      column((entity) => JSON.stringify(entity.descriptor)),
      column((entity) => entity.hash),
      locationId,
      column((entity) => entity.file ?? null),
    );
  }
}

/** Inserts the relations the entities imply, both directions, tagged with their origin. */
export async function insertRelations(sql: Sql, entities: ProcessedEntity[]): Promise<void> {
  const rows = entities.flatMap((entity) => entity.relations.map((relation) => [entity.ref, relation.sourceRef, relation.type, relation.targetRef]));
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await sql.$executeRawUnsafe(
      `INSERT INTO "relations" ("origin_ref", "source_ref", "type", "target_ref")
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
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
