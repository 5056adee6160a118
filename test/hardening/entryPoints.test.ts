import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Runs an entry point as a process with the given environment; resolves with its exit code and output. */
function run(script: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('entry points need the subgraph secret', () => {
  it.each([
    ['bin/gateway.ts', ['--port', '0']],
    ['bin/subgraph.ts', ['catalog', '--port', '0', '--in-memory']],
  ])('%s refuses to start without ENSEMBLE_SUBGRAPH_SECRET, saying what to do', async (script, args) => {
    const { code, output } = await run(script, args, { ENSEMBLE_SUBGRAPH_SECRET: '' });
    expect(code).toBe(1);
    expect(output).toContain('error: ENSEMBLE_SUBGRAPH_SECRET is not set.');
    expect(output).toContain('or pass --insecure-dev');
  });

  it('refuses a secret too short to protect anything', async () => {
    const { code, output } = await run('bin/subgraph.ts', ['catalog', '--port', '0', '--in-memory'], { ENSEMBLE_SUBGRAPH_SECRET: 'short' });
    expect(code).toBe(1);
    expect(output).toContain('error: The gateway secret must be at least 16 characters long (it is 5)');
  });

  it('refuses a limit that is not a positive whole number', async () => {
    const { code, output } = await run('bin/gateway.ts', ['--port', '0', '--insecure-dev'], { ENSEMBLE_MAX_DEPTH: 'deep' });
    expect(code).toBe(1);
    expect(output).toContain('error: ENSEMBLE_MAX_DEPTH must be a positive whole number, got "deep"');
  });
});
