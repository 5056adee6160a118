import type { SqlExecutor } from '../../kit';

/** What a gateway reports for one operation and client over its last interval. */
export interface OperationUsage {
  operationHash: string;
  operationName: string;
  clientName: string;
  coordinates: string[];
  count: number;
}

/** Adds reported counts to the hour they arrived in. */
export async function recordUsage(sql: SqlExecutor, usage: OperationUsage[], at: Date): Promise<void> {
  if (!usage.length) return;
  const hour = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
  await sql.query(
    `INSERT INTO registry_operation_usage (hour, operation_hash, operation_name, client_name, coordinates, count)
     SELECT $1, u.hash, u.name, u.client, ARRAY(SELECT jsonb_array_elements_text(u.coordinates)), u.count
     FROM jsonb_to_recordset($2::jsonb) AS u(hash text, name text, client text, coordinates jsonb, count bigint)
     ON CONFLICT (hour, operation_hash, client_name)
     DO UPDATE SET count = registry_operation_usage.count + excluded.count`,
    [hour, JSON.stringify(usage.map((entry) => ({ hash: entry.operationHash, name: entry.operationName, client: entry.clientName, coordinates: entry.coordinates, count: entry.count })))],
  );
}

/** An operation that recorded traffic used some of the coordinates asked about. */
export interface UsedBy {
  operationHash: string;
  operationName: string;
  clientName: string;
  coordinates: string[];
  count: number;
}

/** Operations seen since `since` that used any of `coordinates`, per client, the busiest first. */
export async function operationsUsing(sql: SqlExecutor, coordinates: string[], since: Date, limit: number): Promise<UsedBy[]> {
  if (!coordinates.length) return [];
  const rows = await sql.query<UsedBy & { count: string | number }>(
    `SELECT operation_hash AS "operationHash", max(operation_name) AS "operationName", client_name AS "clientName",
       (SELECT array_agg(DISTINCT c) FROM registry_operation_usage u2, unnest(u2.coordinates) c
         WHERE u2.operation_hash = u.operation_hash AND u2.client_name = u.client_name AND u2.hour >= $2 AND c = ANY($1::text[])) AS coordinates,
       sum(count) AS count
     FROM registry_operation_usage u
     WHERE hour >= $2 AND coordinates && $1::text[]
     GROUP BY operation_hash, client_name ORDER BY sum(count) DESC LIMIT $3`,
    [coordinates, since, limit],
  );
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
