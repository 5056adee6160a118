import type { SqlExecutor } from '../../kit';

/** The subgraph schema versions a supergraph was composed from. */
export interface ComposedFrom {
  name: string;
  version: number;
}

/** One composed supergraph, as `registry_supergraph` stores it. */
export interface SupergraphRow {
  version: number;
  supergraphSdl: string;
  apiSchemaSdl: string;
  subgraphs: ComposedFrom[];
  action: 'publish' | 'rollback';
  subgraph: string | null;
  createdBy: string;
  createdAt: Date;
  forcedReason: string | null;
  breakingChanges: unknown[];
}

const COLUMNS = `version, supergraph_sdl AS "supergraphSdl", api_schema_sdl AS "apiSchemaSdl", subgraphs, action, subgraph,
  created_by AS "createdBy", created_at AS "createdAt", forced_reason AS "forcedReason", breaking_changes AS "breakingChanges"`;

/** The newest supergraph: what gateways serve. Null before the first publish. */
export async function currentSupergraph(sql: SqlExecutor): Promise<SupergraphRow | null> {
  const [row] = await sql.query<SupergraphRow>(`SELECT ${COLUMNS} FROM registry_supergraph ORDER BY version DESC LIMIT 1`);
  return row ?? null;
}

/** One supergraph by version, or null. */
export async function supergraphByVersion(sql: SqlExecutor, version: number): Promise<SupergraphRow | null> {
  const [row] = await sql.query<SupergraphRow>(`SELECT ${COLUMNS} FROM registry_supergraph WHERE version = $1`, [version]);
  return row ?? null;
}

/** The only number a gateway's poll needs: the current version, without its SDL. */
export async function currentVersion(sql: SqlExecutor): Promise<number | null> {
  const [row] = await sql.query<{ version: number }>('SELECT max(version) AS version FROM registry_supergraph');
  return row?.version ?? null;
}

/** The newest supergraphs first, without their SDL. */
export async function supergraphHistory(sql: SqlExecutor, limit: number): Promise<Omit<SupergraphRow, 'supergraphSdl' | 'apiSchemaSdl'>[]> {
  return sql.query(
    `SELECT version, subgraphs, action, subgraph, created_by AS "createdBy", created_at AS "createdAt", forced_reason AS "forcedReason",
       breaking_changes AS "breakingChanges"
     FROM registry_supergraph ORDER BY version DESC LIMIT $1`,
    [limit],
  );
}

/** Records a composed supergraph and returns its version. */
export async function insertSupergraph(
  sql: SqlExecutor,
  row: Omit<SupergraphRow, 'version' | 'createdAt'>,
): Promise<number> {
  const [inserted] = await sql.query<{ version: number }>(
    `INSERT INTO registry_supergraph (supergraph_sdl, api_schema_sdl, subgraphs, action, subgraph, created_by, forced_reason, breaking_changes)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8::jsonb) RETURNING version`,
    [row.supergraphSdl, row.apiSchemaSdl, JSON.stringify(row.subgraphs), row.action, row.subgraph, row.createdBy, row.forcedReason, JSON.stringify(row.breakingChanges)],
  );
  return inserted.version;
}
