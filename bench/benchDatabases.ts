import { Client } from 'pg';

export type DatabaseKind = 'pglite' | 'postgres';

/** A fresh database for one subgraph of one bench run, dropped afterwards. */
export async function benchDatabase(kind: DatabaseKind, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { url: 'memory://', drop: async () => undefined };
  const admin = process.env.ENSEMBLE_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `ensemble_bench_${label}_${process.pid}_${Date.now()}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
