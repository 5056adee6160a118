-- CreateTable
CREATE TABLE "doc_sites" (
    "entity_ref" TEXT NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL,
    "page_count" INTEGER NOT NULL,

    CONSTRAINT "doc_sites_pkey" PRIMARY KEY ("entity_ref")
);

-- CreateTable
CREATE TABLE "doc_pages" (
    "entity_ref" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "toc" JSONB NOT NULL,
    "html" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "plain_text" TEXT NOT NULL,
    "search_vector" tsvector,

    CONSTRAINT "doc_pages_pkey" PRIMARY KEY ("entity_ref","path")
);

-- CreateIndex
CREATE INDEX "doc_pages_search_vector_idx" ON "doc_pages" USING GIN ("search_vector");

-- AddForeignKey
ALTER TABLE "doc_pages" ADD CONSTRAINT "doc_pages_entity_ref_fkey" FOREIGN KEY ("entity_ref") REFERENCES "doc_sites"("entity_ref") ON DELETE CASCADE ON UPDATE CASCADE;
