/**
 * The few raw-SQL operations the kit needs (migrations, health checks, test set-up),
 * served by whichever driver a database URL picks. Subgraph code queries through Prisma,
 * or, for its own SQL on hot paths, through SqlReads.
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

/** A parameterised statement, as `Prisma.sql` builds it (`text` with $1, $2, ... and its `values`). */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

/**
 * Reads on a subgraph's hot paths, in SQL it writes itself, straight through the
 * database's driver rather than Prisma's client, which costs ~0.3-0.9 ms of CPU per
 * statement more (bench/readPaths.ts, on `SELECT 1` and on a catalog page: Prisma's
 * query interpreter and value conversion), as much as a small query itself. Values come
 * back as the driver types them: JSON parsed, timestamps as Dates, arrays as arrays
 * (Prisma's `$queryRaw` gives the same for these). Not for reads that must see a Prisma
 * transaction's writes: those go through the transaction's client.
 */
export interface SqlReads {
  query<Row = Record<string, unknown>>(statement: SqlStatement): Promise<Row[]>;
}

/** A read as Prisma's `$queryRawUnsafe` takes one: the SQL text, then its values. */
export function readRows<Row = Record<string, unknown>>(reads: SqlReads, text: string, ...values: unknown[]): Promise<Row[]> {
  return reads.query<Row>({ text, values });
}
