import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/** Runs around one statement: `run` sends it. */
export type AroundStatement = <T>(sql: string, run: () => Promise<T>) => Promise<T>;

/**
 * Wraps a Prisma driver adapter so every SQL statement Prisma sends (queryRaw, executeRaw,
 * inside transactions too) goes through `around`. Transaction control (BEGIN/COMMIT) is not
 * a statement here.
 */
export function wrapStatements(factory: SqlDriverAdapterFactory, around: AroundStatement): SqlDriverAdapterFactory {
  const wrapQueries = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        if (property === 'queryRaw' || property === 'executeRaw') {
          return (query: SqlQuery) => around(query.sql, () => value.call(object, query));
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
