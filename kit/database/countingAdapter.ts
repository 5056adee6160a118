import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { wrapStatements } from './wrapStatements';

/**
 * Wraps a Prisma driver adapter so every SQL statement Prisma sends is reported to
 * `onQuery`: how tests prove a subgraph fetch costs one database round trip.
 * Transaction control statements (BEGIN/COMMIT) are not queries and are not reported.
 */
export function countingAdapter(factory: SqlDriverAdapterFactory, onQuery: (sql: string) => void): SqlDriverAdapterFactory {
  return wrapStatements(factory, (sql, run) => {
    onQuery(sql);
    return run();
  });
}
