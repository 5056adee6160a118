import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * `pglite`: embedded, in memory (`--in-memory`); `pglite-files`: embedded, its data in a
 * folder, as `npm start` keeps it in `.data/`; `postgres`: the PostgreSQL server.
 */
export const DATABASE_KINDS = ['pglite', 'pglite-files', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/** A fresh database for one subgraph of one bench run, dropped afterwards. */
export async function benchDatabase(kind: DatabaseKind, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { url: 'memory://', drop: async () => undefined };
  if (kind === 'pglite-files') {
    const dir = mkdtempSync(path.join(tmpdir(), `ensemble-bench-${label}-`));
    return { url: `file:${dir}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
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
