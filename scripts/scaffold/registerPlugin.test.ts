import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { registerPlugin } from './registerPlugin';

describe('registerPlugin', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'register-'));
    writeFileSync(path.join(root, 'supergraph.config.ts'), "import x from 'y';\n\nexport const SUBGRAPHS: readonly X[] = [\n  pluginIn('catalog'),\n];\n\nexport function f() {\n  return [];\n}\n");
    writeFileSync(path.join(root, 'CODEOWNERS'), '/clients/                  @ensemble/developer-experience-team\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('adds one line to the list and one CODEOWNERS line covering both folders', () => {
    registerPlugin(root, 'oncall', '@ensemble/oncall-team');
    expect(readFileSync(path.join(root, 'supergraph.config.ts'), 'utf8')).toContain("  pluginIn('catalog'),\n  pluginIn('oncall'),\n];\n\nexport function f() {\n  return [];\n}");
    expect(readFileSync(path.join(root, 'CODEOWNERS'), 'utf8')).toBe(
      '/clients/                  @ensemble/developer-experience-team\n/*/oncall/                 @ensemble/oncall-team\n',
    );
  });

  it('says so when the config has no list to add to', () => {
    writeFileSync(path.join(root, 'supergraph.config.ts'), 'export const OTHER = [];\n');
    expect(() => registerPlugin(root, 'oncall', '@ensemble/oncall-team')).toThrow('supergraph.config.ts has no `export const SUBGRAPHS');
  });
});
