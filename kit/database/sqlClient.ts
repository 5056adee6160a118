/**
 * The few raw-SQL operations the kit needs (migrations, health checks, test set-up),
 * served by whichever driver a database URL picks. Subgraph code queries through Prisma.
 */
export interface SqlExecutor {
  /** Runs one or more statements without parameters (a migration file, say). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlClient extends SqlExecutor {
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}
