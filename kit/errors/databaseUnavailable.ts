/**
 * Prisma's codes for "the database cannot be reached or did not answer": P1001 not
 * reachable, P1002 timed out, P1008 operation timed out, P1017 connection closed,
 * P2024 pool timeout, P2037 too many connections.
 */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);

/** What `@prisma/adapter-pg` calls the same faults when it converts a driver error. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/**
 * PostgreSQL's SQLSTATEs for the same: 57P01-57P05 the server is shutting down or
 * terminated the session, 57014 a statement cancelled by statement_timeout, 53300 too
 * many connections, and class 08, connection exceptions.
 */
const POSTGRES_CODE = /^(57P0[1-5]|57014|53300|08...)$/;

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** `pg` raises these as plain errors, without a code. */
const PG_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error/i;

/**
 * True when `error` (or anything it wraps: Prisma's `meta.driverAdapterError`, the
 * adapter's `cause`) says the database is down, refusing, or too slow to answer,
 * rather than that the query itself was wrong. Such errors become `DB_UNAVAILABLE`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  // A socket code alone could come from any HTTP call a resolver makes; it counts only
  // inside an error Prisma, its driver adapter or the kit's reads (DatabaseReadError) raised.
  const pending: { error: unknown; fromDatabase: boolean }[] = [{ error, fromDatabase: false }];
  while (pending.length) {
    const { error: current, fromDatabase: parentFromDatabase } = pending.pop()!;
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as Record<string, any>;
    const fromDatabase = parentFromDatabase || /^(Prisma|DriverAdapter|DatabaseRead)/.test(String(candidate.name ?? ''));
    if (typeof candidate.code === 'string' && (PRISMA_CODES.has(candidate.code) || POSTGRES_CODE.test(candidate.code))) return true;
    if (fromDatabase && typeof candidate.code === 'string' && SOCKET_CODES.has(candidate.code)) return true;
    if (typeof candidate.errorCode === 'string' && PRISMA_CODES.has(candidate.errorCode)) return true;
    if (typeof candidate.kind === 'string' && ADAPTER_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.originalCode === 'string' && POSTGRES_CODE.test(candidate.originalCode)) return true;
    if (candidate.name === 'PrismaClientInitializationError') return true;
    if (typeof candidate.message === 'string' && PG_MESSAGES.test(candidate.message)) return true;
    for (const next of [candidate.cause, candidate.meta?.driverAdapterError, candidate.originalError]) pending.push({ error: next, fromDatabase });
  }
  return false;
}
