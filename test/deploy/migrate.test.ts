import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { describeEachDatabase, type TestDatabase } from '../../kit/testing';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '../..');

/** `npm run migrate -- <args>` as the deploy's Job runs it: its own process, databases from the environment. */
function migrate(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'bin/migrate.ts', ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', ...env }, timeout: 120_000 });
}

describeEachDatabase('npm run migrate (the migrations Job)', (kind) => {
  const databases: TestDatabase[] = [];
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ensemble-migrate-'));
    if (kind.name === 'PGlite') {
      env = {};
      return;
    }
    const [catalog, registry] = [await kind.create(), await kind.create()];
    databases.push(catalog, registry);
    env = { CATALOG_DATABASE_URL: catalog.url, REGISTRY_DATABASE_URL: registry.url };
  });
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies each database its migrations once, in JSON log lines', async () => {
    const first = await migrate(['catalog', 'registry', '--data-dir', dataDir], env);
    const lines = first.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.service)).toEqual(['migrate', 'migrate']);
    expect(lines[0].msg).toMatch(/^catalog: applied \d{14}_/);
    expect(lines[1].msg).toBe('registry: migrated');
    const again = await migrate(['catalog', '--data-dir', dataDir], env);
    expect(JSON.parse(again.stdout.trim()).msg).toBe('catalog: up to date');
    if (databases.length) {
      const client = new Client({ connectionString: databases[0].url });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT count(*)::int AS applied FROM "_prisma_migrations"');
        expect(rows[0].applied).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
    }
  });

  it('refuses an unknown name before migrating anything', async () => {
    await expect(migrate(['catalog', 'billing', '--data-dir', dataDir], env)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/Unknown subgraph "billing"/) });
  });
});
