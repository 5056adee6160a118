-- AlterTable
-- Hand-written, as 20261123000000_entity_summary is. The summary is stored as json (its
-- text) rather than jsonb: readers only ever take it whole, as text, and a jsonb value is
-- printed back to text on every read. A list page of 100 summary rows cost 0.64 CPU-ms on
-- PGlite from jsonb and 0.54 from json; on PostgreSQL it answered in 0.64 ms and 0.54 (1,000
-- entities, the same statement on both columns in one process, alternating). The content
-- is the same: jsonb's text, keys in jsonb's order. The column is dropped and added again,
-- as a generated column's type cannot be altered; the table is rewritten once.
ALTER TABLE "entities" DROP COLUMN "summary";
ALTER TABLE "entities" ADD COLUMN "summary" json GENERATED ALWAYS AS ("entity_summary"("descriptor")::json) STORED;
