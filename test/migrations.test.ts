import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/** `npm run migration -- <args>`, as the package script runs it. */
function migration(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const node = ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx', path.join(root, 'scripts', 'migration.ts')];
  return new Promise((resolve) => {
    execFile(process.execPath, [...node, ...args], { cwd: root, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Guards against hangs on a loaded machine, not speed targets: each run loads the engine and a fresh PGlite.
const SLOW = 600_000;

describe('offline migrations (npm run migration)', () => {
  it(
    "yields exactly each plugin's schema.prisma from its migrations",
    async () => {
      const plugins = readdirSync(path.join(root, 'prisma')).filter((name) => !name.includes('.')).sort();
      const { code, stdout, stderr } = await migration(['--check']);
      expect(stderr).toBe('');
      for (const plugin of plugins) expect(stdout).toMatch(new RegExp(`^${plugin}: migrations match schema.prisma`, 'm'));
      expect(code).toBe(0);
    },
    SLOW,
  );

  describe('on a copy of a plugin whose schema.prisma gained a column', () => {
    let copy: string;
    beforeAll(() => {
      copy = mkdtempSync(path.join(tmpdir(), 'ensemble-migration-'));
      cpSync(path.join(root, 'prisma', 'cicd'), path.join(copy, 'prisma', 'cicd'), { recursive: true, filter: (source) => !source.includes('generated') });
      const schema = path.join(copy, 'prisma', 'cicd', 'schema.prisma');
      writeFileSync(schema, readFileSync(schema, 'utf8').replace('model PipelineRun {', 'model PipelineRun {\n  reviewNote String? @map("review_note")'));
    });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it(
      'finds the drift, writes the next migration, and then finds none',
      async () => {
        const before = await migration(['--check', '--root', copy]);
        expect(before.code).toBe(1);
        expect(before.stdout).toContain('cicd: schema.prisma differs from its migrations');

        const written = await migration(['cicd', 'add_review_note', '--root', copy]);
        expect(written.code).toBe(0);
        const folder = readdirSync(path.join(copy, 'prisma', 'cicd', 'migrations')).find((name) => name.endsWith('_add_review_note'));
        expect(folder).toMatch(/^\d{14}_add_review_note$/);
        expect(readFileSync(path.join(copy, 'prisma', 'cicd', 'migrations', folder!, 'migration.sql'), 'utf8')).toContain(
          'ALTER TABLE "pipeline_runs" ADD COLUMN     "review_note" TEXT;',
        );

        const after = await migration(['--check', '--root', copy, 'cicd']);
        expect(after.stdout).toContain('cicd: migrations match schema.prisma');
        expect(after.code).toBe(0);
      },
      SLOW,
    );
  });

  it.each([
    [['../catalog', 'x'], '"../catalog" is not a plugin name'],
    [['nosuch', 'x'], 'No prisma/nosuch/schema.prisma; plugins with one: catalog, cicd'],
    [['cicd', 'Bad-Name'], 'Migration name "Bad-Name" must be lower-case letters'],
    [['cicd'], 'Usage: npm run migration'],
  ])('refuses %p with a clear message and exit code 2', async (args, message) => {
    const { code, stderr } = await migration(args);
    expect(stderr).toContain(message);
    expect(code).toBe(2);
  });
});
