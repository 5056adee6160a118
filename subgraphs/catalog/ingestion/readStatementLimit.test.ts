import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDatabaseUnavailable, type RunningSubgraph } from '../../../kit';
import { startTestSubgraph, testDatabaseKinds, type TestDatabase } from '../../../kit/testing';
import { createCatalogSubgraph } from '..';
import type { CatalogContext } from '../context';
import { componentYaml } from './componentYaml';

/** The request limit here; the pool's answer timeout is 2 s more. */
const REQUEST_LIMIT_MS = 1_000;
/** How long every insert into relations takes here: past both of the above. */
const SLOW_INSERT_SECONDS = 3.5;

const postgres = testDatabaseKinds().find((kind) => kind.name === 'PostgreSQL')!;
if (postgres.skipReason) console.warn(`a location read past the request limit: ${postgres.skipReason}`);
const describeOnPostgres = postgres.skipReason ? describe.skip : describe;

// A read of a big location on a busy server: one batch of its write takes longer than a
// request may (PGlite enforces no statement timeout, so this is PostgreSQL's case only).
describeOnPostgres(`a location read past the request limit on PostgreSQL${postgres.skipReason ? ` (skipped: ${postgres.skipReason})` : ''}`, () => {
  let database: TestDatabase;
  let catalog: RunningSubgraph<CatalogContext & { stopRefresh?: () => void }>;
  let dir: string;

  beforeAll(async () => {
    database = await postgres.create();
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-statement-limit-'));
    catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, localRoots: [dir] }), {
      databaseUrl: database.url,
      database: { statementTimeoutMs: REQUEST_LIMIT_MS },
    });
    // The slow statement: a trigger makes each insert into relations sleep.
    await catalog.services.prisma.$executeRawUnsafe(
      `CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(${SLOW_INSERT_SECONDS}); RETURN NULL; END $$`,
    );
    await catalog.services.prisma.$executeRawUnsafe(
      'CREATE TRIGGER slow_insert AFTER INSERT ON "relations" FOR EACH STATEMENT EXECUTE FUNCTION slow_insert()',
    );
  });
  afterAll(async () => {
    await catalog?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the whole read, where a request doing the same insert is cancelled (57014, DB_UNAVAILABLE)', async () => {
    writeFileSync(path.join(dir, 'catalog.yaml'), `${componentYaml('alpha')}---\n${componentYaml('beta')}`);
    await catalog.services.ingestion.registerLocation(path.join(dir, 'catalog.yaml'));
    const stored = await catalog.services.prisma.entity.findMany({ select: { ref: true }, orderBy: { ref: 'asc' } });
    expect(stored.map((row) => row.ref)).toEqual(['component:default/alpha', 'component:default/beta']);
    expect(await catalog.services.prisma.relation.count({ where: { type: 'ownedBy' } })).toBe(2);

    // The direct write path (the `applyEntities` mutation) runs at the request limit.
    const failure = await catalog.services.ingestion.apply(componentYaml('gamma'), false).catch((error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure.message)).toMatch(/57014|statement timeout/);
    expect(isDatabaseUnavailable(failure)).toBe(true);
  }, 30_000);
});
