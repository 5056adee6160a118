-- Where a site built from an entity's techdocs-ref annotation came from, so a changed
-- folder is rebuilt (null for sites published through publishDocs).
ALTER TABLE "doc_sites" ADD COLUMN "built_from" TEXT;
ALTER TABLE "doc_sites" ADD COLUMN "source_fingerprint" TEXT;
