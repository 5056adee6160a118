import { SpanKind } from '@opentelemetry/api';
import type { Database } from '../database/openDatabase';
import { wrapStatements } from '../database/wrapStatements';
import { inSpan } from './tracing';

/** Statement text past this is cut in spans: the text is parameterized (no values), only long. */
const MAX_STATEMENT_CHARS = 2_000;

/** The database with a client span around each statement, Prisma's and the kit's hot-path reads. */
export function traceDatabase(database: Database): Database {
  const system = database.kind === 'postgres' ? 'postgresql' : 'pglite';
  const span = <T>(sql: string, run: () => Promise<T>) =>
    inSpan(`db ${sql.trimStart().split(/\s/, 1)[0].toUpperCase()}`, { 'db.system.name': system, 'db.query.text': sql.slice(0, MAX_STATEMENT_CHARS) }, run, SpanKind.CLIENT);
  return {
    ...database,
    adapter: wrapStatements(database.adapter, span),
    reads: { query: (statement) => span(statement.text, () => database.reads.query(statement)) },
  };
}
