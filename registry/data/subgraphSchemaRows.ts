import type { SqlExecutor } from '../../kit';
import type { PublishedSubgraph } from '../checks/composeCandidate';
import type { ComposedFrom } from './supergraphRows';

/** A published subgraph schema with its version and who published it. */
export interface SubgraphSchemaRow extends PublishedSubgraph {
  version: number;
  publishedBy: string;
  publishedAt: Date;
}

/** The subgraph schemas a supergraph was composed from, in its order. */
export async function subgraphSchemas(sql: SqlExecutor, composedFrom: ComposedFrom[]): Promise<SubgraphSchemaRow[]> {
  if (!composedFrom.length) return [];
  const rows = await sql.query<SubgraphSchemaRow>(
    `SELECT s.subgraph AS name, s.version, s.routing_url AS url, s.sdl, s.published_by AS "publishedBy", s.published_at AS "publishedAt"
     FROM registry_subgraph_schema s
     JOIN unnest($1::text[], $2::int[]) AS wanted(name, version) ON wanted.name = s.subgraph AND wanted.version = s.version`,
    [composedFrom.map((entry) => entry.name), composedFrom.map((entry) => entry.version)],
  );
  const byName = new Map(rows.map((row) => [row.name, row]));
  return composedFrom.map((entry) => {
    const row = byName.get(entry.name);
    if (!row) throw new Error(`The registry lost ${entry.name} version ${entry.version}`);
    return row;
  });
}

/** Stores a new version of a subgraph's schema and returns its number (1 for the first). */
export async function insertSubgraphSchema(sql: SqlExecutor, schema: PublishedSubgraph & { publishedBy: string }): Promise<number> {
  const [row] = await sql.query<{ version: number }>(
    `INSERT INTO registry_subgraph_schema (subgraph, version, routing_url, sdl, published_by)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4 FROM registry_subgraph_schema WHERE subgraph = $1
     RETURNING version`,
    [schema.name, schema.url, schema.sdl, schema.publishedBy],
  );
  return row.version;
}
