import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSourceRoots, fixedPartOfGlob, rootsOfLocations } from './sourceRoots';

describe('source roots', () => {
  let top: string;
  beforeAll(() => {
    top = mkdtempSync(path.join(tmpdir(), 'ensemble-roots-'));
    mkdirSync(path.join(top, 'root', 'sub'), { recursive: true });
    mkdirSync(path.join(top, 'other'));
    writeFileSync(path.join(top, 'root', 'catalog.yaml'), '');
    symlinkSync(path.join(top, 'other'), path.join(top, 'root', 'out'));
    symlinkSync(path.join(top, 'root', 'sub'), path.join(top, 'root', 'in'));
  });
  afterAll(() => rmSync(top, { recursive: true, force: true }));

  it('resolves paths under a root to their real paths, missing ones included', () => {
    const roots = createSourceRoots([path.join(top, 'root')]);
    expect(roots.resolve(path.join(top, 'root', 'catalog.yaml'))).toBe(path.join(roots.folders[0], 'catalog.yaml'));
    expect(roots.resolve(path.join(top, 'root', 'in', 'new.yaml'))).toBe(path.join(roots.folders[0], 'sub', 'new.yaml'));
    expect(roots.resolve(path.join(top, 'root', 'missing', 'deeper.yaml'))).toBe(path.join(roots.folders[0], 'missing', 'deeper.yaml'));
  });

  it('refuses what leaves every root: links, .., siblings with the same prefix, NUL', () => {
    const roots = createSourceRoots([path.join(top, 'root')]);
    expect(roots.resolve(path.join(top, 'root', 'out', 'x.yaml'))).toBeNull();
    expect(roots.resolve(path.join(top, 'root', '..', 'other'))).toBeNull();
    expect(roots.resolve(`${path.join(top, 'root')}-sibling/x.yaml`)).toBeNull();
    expect(roots.resolve(path.join(top, 'root', 'a\u0000b'))).toBeNull();
    expect(createSourceRoots([]).resolve(path.join(top, 'root', 'catalog.yaml'))).toBeNull();
  });

  it('makes the folder of each start-up location a root, and none of a URL', () => {
    expect(rootsOfLocations([path.join(top, 'root', 'catalog.yaml'), path.join(top, 'root', 'sub'), `${top}/root/**/*.yaml`, 'https://example.com/all.yaml'])).toEqual([
      path.join(top, 'root'),
      path.join(top, 'root', 'sub'),
      path.join(top, 'root'),
    ]);
    expect(fixedPartOfGlob('/a/b/{c,d}/*.yaml')).toBe('/a/b');
  });
});
