-- CreateTable
CREATE TABLE "location_read_state" (
    "location_id" TEXT NOT NULL,
    "next_read_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_by" TEXT,
    "lease_until" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "last_read_at" TIMESTAMP(3),
    "source_stamp" TEXT,

    CONSTRAINT "location_read_state_pkey" PRIMARY KEY ("location_id")
);

-- CreateIndex
CREATE INDEX "location_read_state_next_read_at_idx" ON "location_read_state"("next_read_at");

-- AddForeignKey
ALTER TABLE "location_read_state" ADD CONSTRAINT "location_read_state_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Locations registered before this migration are due at once, in a spread over a minute.
INSERT INTO "location_read_state" ("location_id", "next_read_at")
SELECT "id", CURRENT_TIMESTAMP + random() * INTERVAL '60 seconds' FROM "locations" WHERE "type" <> 'direct';
