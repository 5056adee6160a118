import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/**
 * Wraps a Prisma driver adapter so every SQL statement Prisma sends is reported to
 * `onQuery`: how tests prove a subgraph fetch costs one database round trip.
 * Transaction control statements (BEGIN/COMMIT) are not queries and are not reported.
 */
export function countingAdapter(factory: SqlDriverAdapterFactory, onQuery: (sql: string) => void): SqlDriverAdapterFactory {
  const wrapQueries = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        if (property === 'queryRaw' || property === 'executeRaw') {
          return (query: SqlQuery) => {
            onQuery(query.sql);
            return value.call(object, query);
          };
        }
        if (property === 'startTransaction') {
          return async (...args: unknown[]) => wrapQueries((await value.apply(object, args)) as Transaction);
        }
        return value.bind(object);
      },
    });
  return new Proxy(factory, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (property === 'connect') return async () => wrapQueries((await value.call(object)) as SqlDriverAdapter);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
