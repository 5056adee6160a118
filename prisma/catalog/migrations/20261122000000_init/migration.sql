-- CreateTable
CREATE TABLE "entities" (
    "ref" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT,
    "lifecycle" TEXT,
    "owner_ref" TEXT,
    "tags" TEXT[],
    "descriptor" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "location_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entities_pkey" PRIMARY KEY ("ref")
);

-- CreateTable
CREATE TABLE "relations" (
    "origin_ref" TEXT NOT NULL,
    "source_ref" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "target_ref" TEXT NOT NULL,

    CONSTRAINT "relations_pkey" PRIMARY KEY ("origin_ref","source_ref","type","target_ref")
);

-- CreateTable
CREATE TABLE "locations" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refreshed_at" TIMESTAMP(3),

    CONSTRAINT "locations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingestion_errors" (
    "id" TEXT NOT NULL,
    "location_id" TEXT NOT NULL,
    "entity_ref" TEXT,
    "file" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingestion_errors_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "entities_kind_ref_idx" ON "entities"("kind", "ref");

-- CreateIndex
CREATE INDEX "entities_owner_ref_idx" ON "entities"("owner_ref");

-- CreateIndex
CREATE INDEX "entities_location_id_idx" ON "entities"("location_id");

-- CreateIndex
CREATE INDEX "relations_source_ref_type_idx" ON "relations"("source_ref", "type");

-- CreateIndex
CREATE INDEX "relations_target_ref_type_idx" ON "relations"("target_ref", "type");

-- CreateIndex
CREATE UNIQUE INDEX "locations_target_key" ON "locations"("target");

-- CreateIndex
CREATE INDEX "ingestion_errors_location_id_idx" ON "ingestion_errors"("location_id");

-- CreateIndex
CREATE INDEX "ingestion_errors_entity_ref_idx" ON "ingestion_errors"("entity_ref");

-- AddForeignKey
ALTER TABLE "entities" ADD CONSTRAINT "entities_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingestion_errors" ADD CONSTRAINT "ingestion_errors_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
