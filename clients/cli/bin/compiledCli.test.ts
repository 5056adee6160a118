import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT } from '../exitCodes';

// Plain CommonJS, as the bin loads it.
const { compileCli, isCompiledCliCurrent } = require('./compiledCli') as {
  compileCli(outfile: string): Promise<string>;
  isCompiledCliCurrent(outfile: string): boolean;
};

describe('the compiled CLI', () => {
  let dir: string;
  let outfile: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-cli-'));
    outfile = path.join(dir, 'ensemble.cjs');
    await compileCli(outfile);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs on its own, without tsx, and exits with the CLI codes', () => {
    const help = execFileSync(process.execPath, [outfile, 'help'], { encoding: 'utf8' });
    expect(help).toMatch(/^ {2}get /m);
    expect(() => execFileSync(process.execPath, [outfile, 'frobnicate'], { stdio: 'pipe', encoding: 'utf8' })).toThrow(
      expect.objectContaining({ status: EXIT.USAGE, stderr: expect.stringMatching(/unknown command "frobnicate"/) }),
    );
  });

  it('is current until a source it was built from is newer, or is missing', () => {
    expect(isCompiledCliCurrent(outfile)).toBe(true);
    // Its sources keep their times; the build is made older than them instead.
    const longAgo = new Date('2000-01-01T00:00:00Z');
    utimesSync(outfile, longAgo, longAgo);
    expect(isCompiledCliCurrent(outfile)).toBe(false);
    expect(isCompiledCliCurrent(path.join(dir, 'never-built.cjs'))).toBe(false);
  });

  it('is not current when a source it names is gone', async () => {
    const other = path.join(dir, 'other.cjs');
    await compileCli(other);
    expect(isCompiledCliCurrent(other)).toBe(true);
    writeFileSync(`${other}.inputs.json`, JSON.stringify(['clients/cli/no-such-file.ts']));
    expect(isCompiledCliCurrent(other)).toBe(false);
  });
});
