-- AlterTable
ALTER TABLE "pipeline_runs" ALTER COLUMN "entity_ref" DROP NOT NULL,
ADD COLUMN     "project_slug" TEXT,
ADD COLUMN     "source_updated_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "pipeline_runs_project_slug_started_at_idx" ON "pipeline_runs"("project_slug", "started_at" DESC);
