import type { Prisma } from '../../../prisma/catalog/generated/client';

type Sql = Pick<Prisma.TransactionClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

/** A file whose last read stored everything it holds (see the LocationFile model). */
export interface LocationFileRow {
  file: string;
  contentHash: string;
  entityCount: number;
}

const CHUNK = 5_000;

/** The files of a location that need no parsing while their text stays the same. */
export async function storedLocationFiles(sql: Sql, locationId: string): Promise<Map<string, LocationFileRow>> {
  const rows = await sql.$queryRawUnsafe<LocationFileRow[]>(
    'SELECT "file", "content_hash" AS "contentHash", "entity_count" AS "entityCount" FROM "location_files" WHERE "location_id" = $1',
    locationId,
  );
  return new Map(rows.map((row) => [row.file, row]));
}

/** Forgets a location's file records; the write of a read adds back those of its files that qualify. */
export async function deleteLocationFiles(sql: Sql, locationId: string): Promise<void> {
  await sql.$executeRawUnsafe('DELETE FROM "location_files" WHERE "location_id" = $1', locationId);
}

/** Adds file records of a location (after deleteLocationFiles, in the same transaction). */
export async function insertLocationFiles(sql: Sql, locationId: string, rows: LocationFileRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await sql.$executeRawUnsafe(
      `INSERT INTO "location_files" ("location_id", "file", "content_hash", "entity_count")
       SELECT $1, u.file, u.content_hash, u.entity_count FROM unnest($2::text[], $3::text[], $4::int[]) AS u(file, content_hash, entity_count)`,
      locationId,
      chunk.map((row) => row.file),
      chunk.map((row) => row.contentHash),
      chunk.map((row) => row.entityCount),
    );
  }
}
