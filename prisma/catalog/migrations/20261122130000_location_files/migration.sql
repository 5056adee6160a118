-- CreateTable
CREATE TABLE "location_files" (
    "location_id" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "entity_count" INTEGER NOT NULL,

    CONSTRAINT "location_files_pkey" PRIMARY KEY ("location_id","file")
);

-- AddForeignKey
ALTER TABLE "location_files" ADD CONSTRAINT "location_files_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
