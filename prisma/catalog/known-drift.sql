-- What `npm run migration -- --check` always finds for the catalog, and accepts.
-- `search` (tsvector) and `summary` (json) are GENERATED ALWAYS AS (...) STORED columns
-- (migrations 20261122100000_query_indexes and 20261124000000_entity_summary_json).
-- schema.prisma can only call them Unsupported(...), so Prisma's engine reads the
-- generation expression as a default it would drop, and the json column as one to retype.
-- Neither statement may ever run: a new catalog migration must leave them out.
-- AlterTable
ALTER TABLE "entities" ALTER COLUMN "search" DROP DEFAULT,
ALTER COLUMN "summary" DROP DEFAULT,
ALTER COLUMN "summary" SET DATA TYPE json;
