-- The schema registry's data (docs/registry.md).

-- Every subgraph schema ever published: one row per (subgraph, version).
CREATE TABLE "registry_subgraph_schema" (
    "subgraph"      TEXT NOT NULL,
    "version"       INTEGER NOT NULL,
    "routing_url"   TEXT NOT NULL,
    "sdl"           TEXT NOT NULL,
    "published_by"  TEXT NOT NULL,
    "published_at"  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT "registry_subgraph_schema_pkey" PRIMARY KEY ("subgraph", "version")
);

-- Every composed supergraph, in order: the newest row is what gateways serve.
CREATE TABLE "registry_supergraph" (
    "version"         SERIAL PRIMARY KEY,
    "supergraph_sdl"  TEXT NOT NULL,
    "api_schema_sdl"  TEXT NOT NULL,
    -- [{"name": ..., "version": ...}]: the subgraph schema versions composed.
    "subgraphs"       JSONB NOT NULL,
    -- publish | rollback
    "action"          TEXT NOT NULL,
    "subgraph"        TEXT,
    "created_by"      TEXT NOT NULL,
    "created_at"      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The reason given with --force (or with a rollback); null otherwise.
    "forced_reason"   TEXT,
    -- The breaking changes this version let through, as the check reported them.
    "breaking_changes" JSONB NOT NULL DEFAULT '[]'
);

-- Field usage reported by gateways, counted per hour, operation and client.
CREATE TABLE "registry_operation_usage" (
    "hour"            TIMESTAMPTZ NOT NULL,
    "operation_hash"  TEXT NOT NULL,
    "operation_name"  TEXT NOT NULL,
    "client_name"     TEXT NOT NULL,
    "coordinates"     TEXT[] NOT NULL,
    "count"           BIGINT NOT NULL,
    CONSTRAINT "registry_operation_usage_pkey" PRIMARY KEY ("hour", "operation_hash", "client_name")
);
CREATE INDEX "registry_operation_usage_coordinates" ON "registry_operation_usage" USING GIN ("coordinates");
