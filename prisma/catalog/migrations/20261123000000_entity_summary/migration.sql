-- AlterTable
-- Hand-written: Prisma cannot express a generated column (the schema declares it as
-- Unsupported("jsonb")). A list page asking only for what a catalog table shows reads
-- this summary instead of the whole descriptor (subgraphs/catalog/data/entitySummary.ts):
-- a tenth of the bytes, and on PGlite, whose wire decoding runs in JavaScript, about half
-- the CPU per page of 100 (bench figures in docs/notes.md). Computed once per write here,
-- not per read. jsonb_build_object is not marked immutable (it takes "any"), so it is
-- wrapped in a function that is: its result depends on the descriptor alone.
-- jsonb_strip_nulls drops the keys a descriptor does not have; every resolver reads a
-- null the same as a missing key.
CREATE FUNCTION "entity_summary"("descriptor" jsonb) RETURNS jsonb
    IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
        'apiVersion', "descriptor" -> 'apiVersion',
        'kind', "descriptor" -> 'kind',
        'metadata', jsonb_build_object(
            'name', "descriptor" #> '{metadata,name}',
            'namespace', "descriptor" #> '{metadata,namespace}',
            'title', "descriptor" #> '{metadata,title}',
            'description', "descriptor" #> '{metadata,description}',
            'tags', "descriptor" #> '{metadata,tags}'),
        'spec', jsonb_build_object(
            'type', "descriptor" #> '{spec,type}',
            'lifecycle', "descriptor" #> '{spec,lifecycle}')))
$$;

ALTER TABLE "entities" ADD COLUMN "summary" jsonb GENERATED ALWAYS AS ("entity_summary"("descriptor")) STORED;
