import { parseMcpMode } from './McpMode';

describe('parseMcpMode', () => {
  it('reads the three modes and refuses anything else, listing them', () => {
    expect(['off', 'read-only', 'read-write'].map((mode) => parseMcpMode(mode, '--mcp'))).toEqual(['off', 'read-only', 'read-write']);
    expect(() => parseMcpMode('write', '--mcp')).toThrow('--mcp: expected one of off, read-only, read-write, not "write"');
  });
});
