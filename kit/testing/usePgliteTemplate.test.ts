import { statSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { usePgliteTemplate, wantsFreshMemoryDatabase } from './usePgliteTemplate';
import { writePgliteTemplate } from './writePgliteTemplate';

describe('wantsFreshMemoryDatabase', () => {
  it('is true for an empty in-memory database with PGlite defaults, however it is asked for', () => {
    expect(wantsFreshMemoryDatabase()).toBe(true);
    expect(wantsFreshMemoryDatabase(undefined)).toBe(true);
    expect(wantsFreshMemoryDatabase('memory://')).toBe(true);
    expect(wantsFreshMemoryDatabase({})).toBe(true);
    expect(wantsFreshMemoryDatabase({ dataDir: 'memory://', debug: 0 })).toBe(true);
    expect(wantsFreshMemoryDatabase('memory://', { relaxedDurability: true })).toBe(true);
  });

  it('is false for a folder, a dump of its own, another file system or other initdb settings', () => {
    expect(wantsFreshMemoryDatabase('/tmp/somewhere')).toBe(false);
    expect(wantsFreshMemoryDatabase('file:///tmp/somewhere')).toBe(false);
    expect(wantsFreshMemoryDatabase({ dataDir: './.data/catalog' })).toBe(false);
    expect(wantsFreshMemoryDatabase({ loadDataDir: new Blob([]) })).toBe(false);
    expect(wantsFreshMemoryDatabase('memory://', { loadDataDir: new Blob([]) })).toBe(false);
    expect(wantsFreshMemoryDatabase({ noInitDb: true })).toBe(false);
    expect(wantsFreshMemoryDatabase({ initDbStartParams: ['--locale=C'] })).toBe(false);
    expect(wantsFreshMemoryDatabase({ username: 'someone' })).toBe(false);
    expect(wantsFreshMemoryDatabase({ database: 'other' })).toBe(false);
  });
});

describe('usePgliteTemplate', () => {
  const template = process.env.ENSEMBLE_TEST_PGLITE_TEMPLATE as string;

  it('loads the template for fresh in-memory databases and passes every other call through', async () => {
    const calls: unknown[][] = [];
    const fake = { create: async (...args: unknown[]) => void calls.push(args) };
    usePgliteTemplate(fake, template);
    await fake.create();
    await fake.create('memory://', { debug: 1 });
    await fake.create('/tmp/folder', { debug: 1 });
    expect(calls[0]).toEqual([{ loadDataDir: expect.any(Blob) }]);
    expect(calls[1]).toEqual([{ debug: 1, loadDataDir: expect.any(Blob) }]);
    expect(calls[2]).toEqual(['/tmp/folder', { debug: 1 }]);
  });

  it('refuses a template file that is not there', () => {
    expect(() => usePgliteTemplate({ create: async () => undefined }, `${template}.missing`)).toThrow(/is missing/);
  });

  // test/setupEnv.js installs it on the real PGlite for every test file, this one included.
  it('gives each test an empty database of its own, that takes writes', async () => {
    expect(PGlite.create.name).toBe('createFromTemplate');
    const [first, second] = await Promise.all([PGlite.create(), PGlite.create()]);
    try {
      const tables = `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`;
      expect((await first.query<{ n: number }>(tables)).rows).toEqual([{ n: 0 }]);
      await first.exec(`CREATE TABLE notes (text text); INSERT INTO notes VALUES ('only in the first')`);
      expect((await first.query('SELECT text FROM notes')).rows).toEqual([{ text: 'only in the first' }]);
      expect((await second.query<{ n: number }>(tables)).rows).toEqual([{ n: 0 }]);
      expect((await second.query('SHOW TimeZone')).rows).toEqual([{ TimeZone: 'UTC' }]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});

describe('writePgliteTemplate', () => {
  it('keeps the template test/globalSetup.js wrote, for this PGlite release, without writing it again', async () => {
    const template = process.env.ENSEMBLE_TEST_PGLITE_TEMPLATE as string;
    const writtenAt = statSync(template).mtimeMs;
    expect(await writePgliteTemplate(path.dirname(template))).toBe(template);
    expect(path.basename(template)).toMatch(/^ensemble-test-pglite-\d+\.\d+\.\d+\.tar$/);
    expect(statSync(template).mtimeMs).toBe(writtenAt);
  });
});
