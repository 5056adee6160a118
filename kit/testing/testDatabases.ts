import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database a test runs against, created empty for it and dropped after. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface TestDatabaseKind {
  name: 'PGlite' | 'PostgreSQL';
  /** Why this kind cannot run here; tests for it are skipped with this reason printed. */
  skipReason?: string;
  create(): Promise<TestDatabase>;
}

/**
 * The embedded database and, where this machine runs one, PostgreSQL (probed once by
 * test/globalSetup.js): data-layer tests run the same assertions on both.
 */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const postgresUrl = process.env.ENSEMBLE_TEST_POSTGRES_URL;
  return [
    { name: 'PGlite', create: async () => ({ url: 'memory://', drop: async () => undefined }) },
    {
      name: 'PostgreSQL',
      skipReason: postgresUrl ? undefined : (process.env.ENSEMBLE_TEST_POSTGRES_SKIP ?? 'PostgreSQL was not probed'),
      create: () => createPostgresDatabase(postgresUrl as string),
    },
  ];
}

/**
 * `describe` once per database kind; a kind that cannot run here becomes `describe.skip`
 * with its reason in the title and printed, so a skipped run never reads as a pass.
 */
export function describeEachDatabase(title: string, body: (kind: TestDatabaseKind) => void): void {
  for (const kind of testDatabaseKinds()) {
    if (kind.skipReason) {
      console.warn(`${title} on ${kind.name}: ${kind.skipReason}`);
      describe.skip(`${title} on ${kind.name} (skipped: ${kind.skipReason})`, () => body(kind));
    } else {
      describe(`${title} on ${kind.name}`, () => body(kind));
    }
  }
}

async function createPostgresDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `ensemble_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
