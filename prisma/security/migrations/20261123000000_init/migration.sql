-- CreateTable
CREATE TABLE "findings" (
    "id" TEXT NOT NULL,
    "entity_ref" TEXT NOT NULL,
    "scanner" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "advisory_id" TEXT NOT NULL,
    "package_name" TEXT,
    "installed_version" TEXT,
    "vulnerable_range" TEXT,
    "fixed_version" TEXT,
    "severity" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "location" TEXT,
    "first_seen_at" TIMESTAMP(3) NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL,
    "fixed_at" TIMESTAMP(3),
    "dismissed_at" TIMESTAMP(3),
    "dismissed_reason" TEXT,

    CONSTRAINT "findings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "findings_entity_ref_scanner_fingerprint_key" ON "findings"("entity_ref", "scanner", "fingerprint");

-- CreateIndex
CREATE INDEX "findings_entity_ref_state_idx" ON "findings"("entity_ref", "state");
