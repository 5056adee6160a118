-- CreateTable
CREATE TABLE "pipeline_runs" (
    "id" TEXT NOT NULL,
    "entity_ref" TEXT NOT NULL,
    "pipeline" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "commit_sha" TEXT,
    "branch" TEXT,
    "url" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),
    "external_id" TEXT,

    CONSTRAINT "pipeline_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "pipeline_runs_external_id_key" ON "pipeline_runs"("external_id");

-- CreateIndex
CREATE INDEX "pipeline_runs_entity_ref_started_at_idx" ON "pipeline_runs"("entity_ref", "started_at" DESC);
