import { Client } from 'pg';
import { postGraphQL, testDatabaseKinds, type TestDatabase } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy';

// These faults need a real PostgreSQL server (PGlite runs in process and cannot go away).
const postgres = testDatabaseKinds().find((kind) => kind.name === 'PostgreSQL')!;
if (postgres.skipReason) console.warn(`database faults: ${postgres.skipReason}`);
const describeOnPostgres = postgres.skipReason ? describe.skip : describe;

const QUERY = '{ entities(first: 1) { totalCount } }';
const UNAVAILABLE = [{ message: 'The database is unavailable; try again shortly', path: ['entities'], extensions: { code: 'DB_UNAVAILABLE', serviceName: 'catalog' } }];

describeOnPostgres(`a subgraph whose database fails${postgres.skipReason ? ` (skipped: ${postgres.skipReason})` : ''}`, () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let platform: TestPlatform;
  /** The catalog's log: the original errors, which clients never see. */
  const logs: string[] = [];

  beforeAll(async () => {
    database = await postgres.create();
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    platform = await startPlatform({
      only: ['catalog'],
      subgraph: () => ({ logs, databaseUrl: proxied.toString(), database: { connectTimeoutMs: 1_000, statementTimeoutMs: 1_000 } }),
    });
  });
  afterAll(async () => {
    await platform?.stop();
    await proxy?.close();
    await database?.drop();
  });

  /** Runs `work` on a connection straight to the test database, not through the proxy. */
  async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: database.url, connectionTimeoutMillis: 3_000 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  const ask = () => postGraphQL(platform.gatewayUrl, QUERY);
  const subgraphReady = async () => (await fetch(platform.subgraphs.catalog.url.replace(/\/graphql$/, '/readyz'))).status;

  it('answers while the database is up', async () => {
    expect(await ask()).toEqual({ status: 200, data: { entities: { totalCount: 0 } } });
  });

  it('reconnects by itself after the server terminates its connections', async () => {
    const terminated = await asAdmin(async (client) => {
      const result = await client.query(
        'SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) AS t',
      );
      return result.rows[0].n as number;
    });
    expect(terminated).toBeGreaterThan(0);
    // Every pooled connection has now seen its end (no clock involved).
    await proxy.drained();
    expect(await ask()).toEqual({ status: 200, data: { entities: { totalCount: 0 } } });
  });

  it('gives a masked DB_UNAVAILABLE when a statement hangs past the statement timeout, and recovers', async () => {
    const locker = new Client({ connectionString: database.url, connectionTimeoutMillis: 3_000 });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE entities IN ACCESS EXCLUSIVE MODE');
      const response = await ask();
      // DB_UNAVAILABLE from the subgraph, not a gateway timeout: the database gave up first.
      expect(response.data).toBeNull();
      expect(response.errors).toEqual(UNAVAILABLE);
      expect(logs.at(-1)).toContain('canceling statement due to statement timeout');
      await locker.query('ROLLBACK');
    } finally {
      await locker.end();
    }
    expect(await ask()).toEqual({ status: 200, data: { entities: { totalCount: 0 } } });
  });

  it('gives DB_UNAVAILABLE while the database is down, is not ready, and recovers when it returns', async () => {
    await proxy.refuse();
    const response = await ask();
    expect(response.errors).toEqual(UNAVAILABLE);
    expect(JSON.stringify(response)).not.toContain(String(proxy.port));
    // Prisma's words, or the driver's for the catalog's own reads (kit/database SqlReads).
    expect(logs.at(-1)).toMatch(new RegExp(`(Can't reach database server at|ECONNREFUSED) 127\\.0\\.0\\.1:${proxy.port}`));
    expect(await subgraphReady()).toBe(503);

    await proxy.restore();
    expect(await subgraphReady()).toBe(200);
    expect(await ask()).toEqual({ status: 200, data: { entities: { totalCount: 0 } } });
  });

  it('gives DB_UNAVAILABLE when the database accepts but never answers, and recovers', async () => {
    proxy.freeze();
    const response = await ask();
    expect(response.errors).toEqual(UNAVAILABLE);
    // A pooled connection waits for pg's read timeout (statement timeout + 2 s), a new one for the connect timeout.
    expect(logs.at(-1)).toMatch(/Query read timeout|timeout exceeded when trying to connect/);
    proxy.thaw();
    expect(await ask()).toEqual({ status: 200, data: { entities: { totalCount: 0 } } });
  });
});
