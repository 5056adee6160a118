/**
 * A subgraph's database is named by one URL:
 * - `postgres://…` or `postgresql://…`: a PostgreSQL server, through `pg`;
 * - `memory://`: embedded PGlite that keeps nothing;
 * - `file:<dir>` or a bare path: embedded PGlite persisted in that directory.
 */
export type DatabaseLocation =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | undefined };

export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  if (url === 'memory://' || url === '') return { kind: 'pglite', dataDir: undefined };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new Error(`Unsupported database URL scheme in "${redactDatabaseUrl(url)}": use postgres://, postgresql://, memory:// or file:<dir>`);
  }
  return { kind: 'pglite', dataDir: url.replace(/^file:/, '') };
}

/** The URL fit for a log line: a password never is. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

/** Where a subgraph keeps its data when nothing says otherwise. */
export function defaultDatabaseUrl(subgraph: string, options: { dataDir: string; inMemory: boolean }): string {
  return options.inMemory ? 'memory://' : `file:${options.dataDir}/${subgraph}`;
}
