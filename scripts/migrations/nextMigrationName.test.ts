import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MigrationNameError, nextMigrationName } from './nextMigrationName';

describe('nextMigrationName', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    mkdirSync(path.join(dir, '20261122000000_init'));
    mkdirSync(path.join(dir, '20261231235959_later'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stamps the name with the UTC time', () => {
    expect(nextMigrationName(dir, 'add_owner', new Date('2027-01-02T03:04:05.678Z'))).toBe('20270102030405_add_owner');
  });

  it('orders after the newest migration when the clock is behind it, across a year', () => {
    expect(nextMigrationName(dir, 'add_owner', new Date('2026-12-01T00:00:00Z'))).toBe('20270101000000_add_owner');
  });

  it('starts a plugin with no migrations folder yet', () => {
    expect(nextMigrationName(path.join(dir, 'absent'), 'init', new Date('2027-01-02T03:04:05Z'))).toBe('20270102030405_init');
  });

  it.each(['', 'Add', '1st', 'add-owner', '../x', 'a'.repeat(64)])('refuses the name %p', (name) => {
    expect(() => nextMigrationName(dir, name, new Date())).toThrow(MigrationNameError);
  });
});
