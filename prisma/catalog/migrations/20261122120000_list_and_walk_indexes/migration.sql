-- Hand-written; see docs in bench/README.md ("Query plans") for the plans before and after.

-- CreateIndex
-- A listing filtered by kind and lifecycle and paged by ref (the catalog's common list)
-- reads its page's refs from this index (index-only once vacuumed), ~`first` entries at
-- any catalog size, and its totalCount is a count over one range of it.
-- Filters compare a single value with `=` (entityFilterSql), which is what lets the
-- planner use the index's ref order.
CREATE INDEX "entities_kind_lifecycle_ref_idx" ON "entities"("kind", "lifecycle", "ref");

-- DropIndex
DROP INDEX "relations_source_ref_type_idx";

-- CreateIndex
-- Walks (ownsTransitively, related) and relation loads read only these three columns:
-- with target_ref in the index they read no table rows (an index-only scan, where
-- PostgreSQL's visibility map allows). Serves every lookup the dropped index served.
CREATE INDEX "relations_source_ref_type_target_ref_idx" ON "relations"("source_ref", "type", "target_ref");
