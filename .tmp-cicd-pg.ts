import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
const sql = `WITH t(d, s) AS (VALUES (10.0, 'succeeded'), (20.0, 'failed'), (40.0, 'succeeded'), (1000.0, 'cancelled'))
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) FILTER (WHERE s IN ('succeeded','failed')) AS median,
 (SELECT array_agg(k.ref || ':' || coalesce(k.slug,'-') || ':' || k.position) FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(ref, slug, position)) AS keys,
 extract(epoch FROM (timestamp '2024-01-01 00:01:30.5' - timestamp '2024-01-01 00:00:00')) AS ep, version()
FROM t`;
async function main() {
  const db = await PGlite.create();
  console.log((await db.query(sql, [['a', 'b'], [null, 's']])).rows);
  const c = new Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await c.connect();
  console.log((await c.query(sql, [['a', 'b'], [null, 's']])).rows);
  await c.end();
}
main();
