-- AlterTable
-- Hand-written: Prisma cannot express a generated column (the schema declares it as
-- Unsupported("tsvector")). Only immutable functions may appear here, so tags are read
-- from the descriptor's JSON (to_tsvector(jsonb) indexes its string values), not from
-- the text[] column (array_to_string is not immutable). 'simple' neither stems nor
-- drops stop words: names such as "checkout-service" stay searchable as written.
ALTER TABLE "entities" ADD COLUMN     "search" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce("descriptor" #>> '{metadata,name}', '')), 'A') ||
    setweight(to_tsvector('simple', coalesce("descriptor" #>> '{metadata,title}', '')), 'A') ||
    setweight(to_tsvector('simple', coalesce("descriptor" #> '{metadata,tags}', '[]'::jsonb)), 'B') ||
    setweight(to_tsvector('simple', coalesce("descriptor" #>> '{metadata,description}', '')), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "entities_namespace_idx" ON "entities"("namespace");

-- CreateIndex
CREATE INDEX "entities_type_idx" ON "entities"("type");

-- CreateIndex
CREATE INDEX "entities_lifecycle_idx" ON "entities"("lifecycle");

-- CreateIndex
CREATE INDEX "entities_tags_idx" ON "entities" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "entities_search_idx" ON "entities" USING GIN ("search");
