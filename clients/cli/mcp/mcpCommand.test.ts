import { runCli } from '../testing/runCli';

// The command serving tools is tested end to end in test/mcp/mcpStdio.test.ts; here, its command line.
describe('ensemble mcp: command line', () => {
  it('refuses a --max-output outside its bounds, and arguments it does not take', async () => {
    const tooSmall = await runCli(['mcp', '--max-output', '10']);
    expect(tooSmall.code).toBe(2);
    expect(tooSmall.stderr).toContain('--max-output must be a whole number from 1000 to 1000000, not "10"');
    const extra = await runCli(['mcp', 'now']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument "now"');
    expect(tooSmall.requests + extra.requests).toBe(0);
  });

  it('needs real process streams, since it speaks MCP on them', async () => {
    const run = await runCli(['mcp'], { stdin: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("mcp needs the process's stdin and stdout");
  });
});
