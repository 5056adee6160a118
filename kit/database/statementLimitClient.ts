import { Client } from 'pg';

/**
 * How long the client waits for an answer beyond the server's own limit: a server that
 * hangs cannot cancel anything itself, so the client gives up a little after it would have.
 */
export const ANSWER_GRACE_MS = 2_000;

/** pg reads `query_timeout: 0` as "use the pool's", so "no limit" is a day. */
export const NO_ANSWER_LIMIT_MS = 24 * 60 * 60 * 1000;

const SET_LOCAL_LIMIT = /^\s*SET\s+LOCAL\s+statement_timeout\s*(?:=|TO)\s*'?\s*(\d+)\s*(ms|s|min|h)?\s*'?\s*;?\s*$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, min: 60_000, h: 3_600_000 };
const TRANSACTION_END = /^\s*(COMMIT|END|ABORT|ROLLBACK)\b(?!\s+(?:WORK\s+|TRANSACTION\s+)?TO\b)/i;

/** The limit (ms; 0 for none) a `SET LOCAL statement_timeout` statement sets, or undefined for any other SQL. */
export function statementLimitOf(sql: string): number | undefined {
  const match = SET_LOCAL_LIMIT.exec(sql);
  return match ? Number(match[1]) * UNIT_MS[(match[2] ?? 'ms').toLowerCase()] : undefined;
}

/**
 * A pg client whose answer timeout (pg's client-side `query_timeout`) follows the server's
 * statement limit of the transaction it is in. The pool gives every connection the short
 * limit requests need; a transaction that lifts it with `SET LOCAL statement_timeout`
 * (allowLongStatements) would still be cut by the pool's answer timeout, which knows
 * nothing of it, and Prisma offers no way to pass a per-query timeout. So the client reads
 * the statement as PostgreSQL does and waits accordingly until the transaction ends or the
 * connection goes back to the pool (resetStatementLimit). A timeout given with a query wins.
 */
export class StatementLimitClient extends Client {
  #answerTimeoutMs: number | undefined;

  override query(...args: any[]): any {
    const [config] = args;
    const text: unknown = typeof config === 'string' ? config : config?.text;
    if (typeof text === 'string') {
      const limit = statementLimitOf(text);
      if (limit !== undefined) this.#answerTimeoutMs = limit === 0 ? NO_ANSWER_LIMIT_MS : limit + ANSWER_GRACE_MS;
      else if (TRANSACTION_END.test(text)) this.#answerTimeoutMs = undefined;
      else if (this.#answerTimeoutMs !== undefined && config.query_timeout === undefined && typeof config.submit !== 'function') {
        // (text, values?, callback?) or (config, values?, callback?): the same call with the timeout in a config.
        const values = Array.isArray(args[1]) ? args[1] : undefined;
        const rest = args.slice(values ? 2 : 1);
        const withTimeout = { ...(typeof config === 'string' ? { text } : config), ...(values ? { values } : {}), query_timeout: this.#answerTimeoutMs };
        return Reflect.apply(super.query, this, [withTimeout, ...rest]);
      }
    }
    return Reflect.apply(super.query, this, args);
  }

  /** Back to the pool's answer timeout: the connection's transaction is over. */
  resetStatementLimit(): void {
    this.#answerTimeoutMs = undefined;
  }
}
