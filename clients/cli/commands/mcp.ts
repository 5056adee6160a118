import { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from '../../../gateway/mcp/createMcpServer';
import { usageError } from '../exitCodes';
import { intFlag } from '../flagValues';
import { remoteGraph } from '../mcp/remoteGraph';
import type { Command } from './command';

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'Serve the graph to an AI agent over MCP (stdio)',
  usage: ['mcp [--write] [--max-output <chars>]'],
  details: `Runs a Model Context Protocol server on stdin/stdout for agents that launch a local
command (Claude Desktop, Claude Code, Cursor...). Every tool call is a request to the
gateway with this command's --token, so the gateway's authentication, permissions and
limits apply as to any other request. The write tools (apply_descriptors,
register_location, refresh_location) are offered only with --write. One audit line per
tool call goes to stderr. It runs until stdin closes. The gateway also serves the same
tools over Streamable HTTP at /mcp.`,
  flags: {
    write: { type: 'boolean', description: 'Offer the write tools too (the token must be allowed to write)' },
    'max-output': { type: 'string', value: '<chars>', description: 'Characters per tool answer before it is paged (default 16000)' },
  },
  examples: ['ensemble mcp --endpoint https://ensemble.example.com/graphql --token "$ENSEMBLE_TOKEN"'],
  async run({ args, flags, client, stdio }) {
    if (args.length) throw usageError(`unexpected argument "${args[0]}"`);
    const maxOutputChars = intFlag(flags, 'max-output', { min: 1_000, max: 1_000_000 });
    const { stdin, stdout } = stdio;
    if (!(stdin instanceof Readable) || !(stdout instanceof Writable)) throw usageError('mcp needs the process\'s stdin and stdout');
    const server = createMcpServer({
      graph: remoteGraph(client, stdio.hasToken ? 'stdio (token)' : 'stdio (anonymous)'),
      mode: flags.write === true ? 'read-write' : 'read-only',
      log: (line) => void stdio.stderr.write(`${line}\n`),
      maxOutputChars,
    });
    const transport = new StdioServerTransport(stdin, stdout);
    const closed = new Promise<void>((resolve) => {
      transport.onclose = resolve;
      stdin.once('end', resolve);
    });
    await server.connect(transport);
    await closed;
    await server.close();
  },
};
