-- The change feed's append-only log (kit/events, docs/feed.md): positions are given in
-- commit order under an advisory lock, so readers never skip one.
-- CreateTable
CREATE TABLE "event_log" (
    "position" BIGINT NOT NULL,
    "ref" TEXT NOT NULL,
    "change" TEXT NOT NULL,
    "fields" JSONB NOT NULL DEFAULT '[]',
    "entity" JSONB,
    "recorded_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "event_log_pkey" PRIMARY KEY ("position")
);

-- CreateIndex
CREATE INDEX "event_log_recorded_at_idx" ON "event_log"("recorded_at");

-- CreateIndex
CREATE INDEX "event_log_ref_position_idx" ON "event_log"("ref", "position");
