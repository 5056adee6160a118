import { PrismaClientKnownRequestError } from '@prisma/client/runtime/client';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import { DatabaseError } from 'pg';
import { isDatabaseUnavailable } from './databaseUnavailable';

function pgError(code: string, message = 'from the server'): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  error.severity = 'FATAL';
  return error;
}

function socketError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' });
}

describe('isDatabaseUnavailable', () => {
  it.each(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037'])('knows Prisma code %s', (code) => {
    expect(isDatabaseUnavailable(new PrismaClientKnownRequestError('down', { code, clientVersion: '7.10.1' }))).toBe(true);
  });

  it.each(['57P01', '57P03', '57014', '08006', '08001', '53300'])('knows PostgreSQL SQLSTATE %s, bare or inside Prisma\'s error', (sqlState) => {
    expect(isDatabaseUnavailable(pgError(sqlState))).toBe(true);
    const adapterError = new DriverAdapterError({ kind: 'postgres', code: sqlState, severity: 'FATAL', message: 'x', detail: undefined, column: undefined, hint: undefined, originalCode: sqlState, originalMessage: 'x' });
    const prismaError = new PrismaClientKnownRequestError('Database error', { code: 'P2039', clientVersion: '7.10.1', meta: { driverAdapterError: adapterError } });
    expect(isDatabaseUnavailable(prismaError)).toBe(true);
  });

  it('knows the adapter\'s connection kinds and a refused connection inside a driver error', () => {
    expect(isDatabaseUnavailable(new DriverAdapterError({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }))).toBe(true);
    expect(isDatabaseUnavailable(new DriverAdapterError({ kind: 'ConnectionClosed' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('wrapped'), { name: 'DriverAdapterError', cause: socketError('ECONNREFUSED') }))).toBe(true);
  });

  it('knows pg\'s own connection failures, which carry no code', () => {
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
  });

  it('leaves query mistakes and unrelated failures alone', () => {
    expect(isDatabaseUnavailable(new PrismaClientKnownRequestError('unique', { code: 'P2002', clientVersion: '7.10.1' }))).toBe(false);
    expect(isDatabaseUnavailable(pgError('42P01', 'relation "x" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    // A resolver's own HTTP call failing is not the database.
    expect(isDatabaseUnavailable(Object.assign(new TypeError('fetch failed'), { cause: socketError('ECONNREFUSED') }))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
