import type { Prisma } from '../../../prisma/catalog/generated/client';
import type { JsonRows } from './jsonRows';
import { readInPages } from './readInPages';

type Sql = Pick<Prisma.TransactionClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

/** A file whose last read stored everything it holds (see the LocationFile model). */
export interface LocationFileRow {
  file: string;
  contentHash: string;
  entityCount: number;
}

const CHUNK = 5_000;

/** A file record as a read finds it, with the refs of the live entities the file holds now. */
export interface StoredLocationFile {
  contentHash: string;
  entityCount: number;
  refs: string[];
}

/**
 * The files of a location that need no parsing while their text stays the same, by file,
 * each with the refs of the location's live entities it holds: what a read needs of the
 * stored location up front, read a page at a time (readInPages).
 */
export async function storedLocationFiles(sql: Sql, locationId: string): Promise<Map<string, StoredLocationFile>> {
  const files = new Map<string, StoredLocationFile>();
  await readInPages<StoredLocationFile & { file: string }>(
    sql,
    `SELECT f."file", f."content_hash" AS "contentHash", f."entity_count" AS "entityCount",
            coalesce(array_agg(e."ref") FILTER (WHERE e."ref" IS NOT NULL), '{}') AS "refs"
     FROM "location_files" f
     LEFT JOIN "entities" e ON e."location_id" = f."location_id" AND e."source_file" = f."file" AND e."orphaned_at" IS NULL
     WHERE f."location_id" = $1
     GROUP BY f."file", f."content_hash", f."entity_count"`,
    [locationId],
    (rows) => rows.forEach((row) => files.set(row.file, { contentHash: row.contentHash, entityCount: row.entityCount, refs: row.refs })),
  );
  return files;
}

/** Forgets the records of some files of a location; the write of a read adds back those that qualify. */
export async function deleteLocationFiles(sql: Sql, locationId: string, files: readonly string[]): Promise<void> {
  if (!files.length) return;
  await sql.$executeRawUnsafe('DELETE FROM "location_files" WHERE "location_id" = $1 AND "file" = ANY($2::text[])', locationId, files);
}

/** A file record as insertLocationFiles takes it, in JsonRows. */
export function locationFileRow(row: LocationFileRow): string {
  return JSON.stringify({ file: row.file, content_hash: row.contentHash, entity_count: row.entityCount });
}

/**
 * Adds file records of a location (after deleteLocationFiles, in the same transaction):
 * the rows (locationFileRow) at `indexes`, as a literal for the reason insertEntityRows
 * gives.
 */
export async function insertLocationFiles(sql: Sql, locationId: string, rows: JsonRows, indexes: readonly number[]): Promise<void> {
  for (let start = 0; start < indexes.length; start += CHUNK) {
    const chunk = indexes.slice(start, start + CHUNK);
    await sql.$executeRawUnsafe(
      rows.sqlLiteral(
        chunk,
        `INSERT INTO "location_files" ("location_id", "file", "content_hash", "entity_count")
         SELECT $1, u.file, u.content_hash, u.entity_count FROM jsonb_to_recordset(`,
        '::jsonb) AS u(file text, content_hash text, entity_count int)',
      ),
      locationId,
    );
  }
}
