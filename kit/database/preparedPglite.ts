import { PGlite, protocol, type QueryOptions, type Results } from '@electric-sql/pglite';

/**
 * A PGlite client for the Prisma adapter whose `query` keeps a named prepared statement
 * per SQL text. PGlite's own `query` parses, analyses and plans every statement on every
 * call (six protocol round trips); the subgraphs send the same few statements on every
 * request, and for them parsing and planning cost several times the execution (about
 * 1.4 ms against 0.2 ms for the security summary). Everything but `query` is PGlite's.
 */
export function preparedPglite<Db extends PgliteClient>(db: Db, maxStatements = 256): Db {
  const statements = new Map<string, Statement>();
  // Statements dropped from the map, closed in PostgreSQL with the next batch sent.
  const toClose: string[] = [];
  let counter = 0;

  const run = async (sql: string, params: unknown[], options: QueryOptions | undefined): Promise<Results> => {
    let statement = statements.get(sql);
    const closing = () => toClose.splice(0).map((name) => serialize.close({ type: 'S', name }));
    if (statement) {
      // Most recently used last: the first entry is the one to drop when full.
      statements.delete(sql);
      statements.set(sql, statement);
    } else {
      if (statements.size >= maxStatements) {
        const [oldestSql, oldest] = statements.entries().next().value as [string, Statement];
        statements.delete(oldestSql);
        toClose.push(oldest.name);
      }
      const name = `ensemble_${++counter}`;
      const described = await db.execProtocol(
        concat([...closing(), serialize.parse({ name, text: sql, types: options?.paramTypes }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      );
      const parameters = described.messages.find((message) => message.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
      const rows = described.messages.find((message) => message.name === 'rowDescription') as { fields: { name: string; dataTypeID: number }[] } | undefined;
      statement = {
        name,
        paramTypes: parameters?.dataTypeIDs ?? [],
        fields: (rows?.fields ?? []).map(({ name: field, dataTypeID }) => ({ name: field, dataTypeID })),
      };
      statements.set(sql, statement);
    }
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const type = statement.paramTypes[i];
      const serializer = options?.serializers?.[type] ?? db.serializers[type];
      return serializer ? serializer(value) : String(value);
    });
    let result: { rows: unknown[]; affectedRows: number };
    try {
      const answer = await execute(db, concat([...closing(), serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]));
      result = readAnswer(answer, statement.fields, options?.rowMode === 'array', options?.parsers, db.parsers);
    } catch (error) {
      // A schema change can invalidate the statement ("cached plan must not change result
      // type"): forget it, so the next call prepares it afresh.
      statements.delete(sql);
      toClose.push(statement.name);
      throw error;
    }
    return { rows: result.rows, fields: statement.fields, affectedRows: result.affectedRows } as Results;
  };

  const query = (sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results> => {
    // Large objects (COPY ... blobs) keep PGlite's own path.
    if (options?.blob) return db.query(sql, params, options);
    // The same locks PGlite's own `query` takes: never inside someone's open transaction.
    return db._runExclusiveTransaction(() => db._runExclusiveQuery(() => run(sql, params, options)));
  };

  return new Proxy(db, {
    get(target, property) {
      if (property === 'query') return query;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** What preparedPglite uses of a PGlite client: PGlite's own, or one in a thread (PgliteThread). */
export type PgliteClient = Pick<PGlite, 'query' | 'execProtocol' | 'execProtocolRawStream' | 'serializers' | 'parsers' | '_runExclusiveQuery' | '_runExclusiveTransaction'>;

interface Statement {
  name: string;
  paramTypes: number[];
  fields: { name: string; dataTypeID: number }[];
}

const serialize = protocol.serialize;

/**
 * Runs protocol messages and returns PostgreSQL's answer as it came, for readAnswer,
 * past PGlite's protocol parsing (`execProtocol`): that copies each value out of the
 * answer and decodes it on its own (an ArrayBuffer.slice and a TextDecoder call per
 * value), which cost a page of 100 rows more than executing it (bench/readPaths.ts).
 * PGlite syncs its files after the call, as `execProtocol` does.
 */
async function execute(db: PgliteClient, message: Uint8Array): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // The chunks are views into PGlite's memory, valid only during the call: copied.
  await db.execProtocolRawStream(message, { onRawData: (bytes) => chunks.push(Buffer.from(bytes)) });
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

function databaseErrorOf(answer: Buffer): Error {
  let error: Error | undefined;
  new protocol.Parser().parse(answer, (message) => {
    if (message instanceof protocol.messages.DatabaseError) error ??= message;
  });
  return error ?? new Error('PGlite answered with an error it could not read');
}

// Backend message codes (https://www.postgresql.org/docs/current/protocol-message-formats.html).
const ERROR_RESPONSE = 0x45; // E
const DATA_ROW = 0x44; // D
const COMMAND_COMPLETE = 0x43; // C

/**
 * The rows (values parsed by type, as PGlite's `query` would) and the affected-row count
 * of a bound statement's answer, read in place: each value decoded straight from the
 * buffer. An error answer throws the DatabaseError PGlite's own parser makes of it, as
 * `execProtocol` would. Notices are dropped, as PGlite drops them unless debugging;
 * nothing here LISTENs, so no notification is lost.
 */
function readAnswer(
  answer: Buffer,
  fields: readonly { name: string; dataTypeID: number }[],
  asArrays: boolean,
  parsers: QueryOptions['parsers'],
  defaults: Record<number | string, (value: string, type: number) => unknown>,
): { rows: unknown[]; affectedRows: number } {
  const rows: unknown[] = [];
  let affectedRows = 0;
  for (let offset = 0; offset < answer.length; ) {
    const code = answer[offset];
    const end = offset + 1 + answer.readInt32BE(offset + 1);
    if (code === ERROR_RESPONSE) throw databaseErrorOf(answer);
    if (code === DATA_ROW) {
      const count = answer.readInt16BE(offset + 5);
      // Named rows are built as they are read: no array of pairs per row.
      const row = (asArrays ? new Array(count) : {}) as Record<string | number, unknown>;
      let at = offset + 7;
      for (let i = 0; i < count; i++) {
        // Each value: its length (-1 for NULL), then its text.
        const length = answer.readInt32BE(at);
        at += 4;
        row[asArrays ? i : fields[i].name] = length === -1 ? null : parseValue(answer.toString('utf8', at, at + length), fields[i].dataTypeID, parsers, defaults);
        at += Math.max(length, 0);
      }
      rows.push(row);
    } else if (code === COMMAND_COMPLETE) {
      // The command tag, e.g. "INSERT 0 3", NUL-terminated.
      const [command, ...rest] = answer.toString('utf8', offset + 5, end - 1).split(' ');
      if (['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(command)) affectedRows += Number(rest[rest.length - 1]) || 0;
    }
    offset = end;
  }
  return { rows, affectedRows };
}

function parseValue(
  value: string,
  type: number,
  parsers: QueryOptions['parsers'],
  defaults: Record<number | string, (value: string, type: number) => unknown>,
): unknown {
  const parser = parsers?.[type] ?? defaults[type];
  return parser ? parser(value, type) : value;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
