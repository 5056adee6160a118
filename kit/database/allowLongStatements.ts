/** What allowLongStatements needs of a transaction: Prisma's transaction client has it. */
export interface RawStatementRunner {
  $executeRawUnsafe(sql: string): PromiseLike<number>;
}

/**
 * Lets each statement of the transaction `tx` run up to `limitMs` (0: no limit), for a
 * big batched write that the request limit (DatabaseOptions.statementTimeoutMs, 8 s by
 * default) would cut on a busy server. Requests keep the short limit: the statement is
 * `SET LOCAL`, which ends with the transaction, and the kit's PostgreSQL connections wait
 * for answers to match (StatementLimitClient). Call it first in the transaction. PGlite
 * takes the statement but enforces no statement timeout at all.
 */
export async function allowLongStatements(tx: RawStatementRunner, limitMs: number): Promise<void> {
  if (!Number.isSafeInteger(limitMs) || limitMs < 0) throw new RangeError(`A statement limit is a whole number of milliseconds, not ${limitMs}`);
  await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${limitMs}`);
}
