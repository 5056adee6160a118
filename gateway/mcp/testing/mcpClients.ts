import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** The SDK's own client over Streamable HTTP at a gateway's /mcp, with a Bearer token when given. */
export async function connectHttp(mcpUrl: string, token?: string): Promise<Client> {
  const client = new Client({ name: 'ensemble-test', version: '1.0.0' });
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { requestInit: { headers } }));
  return client;
}

/** The SDK's own client launching `ensemble mcp` over stdio, as an agent's configuration does. */
export async function connectStdio(graphqlUrl: string, options: { token?: string; write?: boolean; stderr?: (line: string) => void } = {}): Promise<Client> {
  const root = path.resolve(__dirname, '../../..');
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', path.join(root, 'clients/cli/main.ts'), 'mcp', '--endpoint', graphqlUrl, ...(options.write ? ['--write'] : [])],
    cwd: root,
    // Only what the command needs: the token by environment, never on the command line.
    env: { PATH: process.env.PATH ?? '', ...(options.token ? { ENSEMBLE_TOKEN: options.token } : {}) },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line) options.stderr?.(line);
  });
  const client = new Client({ name: 'ensemble-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** A tool result's text (every Ensemble tool answers one text block). */
export function textOf(result: unknown): string {
  const content = (result as CallToolResult).content;
  return content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

/** A successful tool result's JSON; throws with the tool's message when it failed. */
export function jsonOf<T = any>(result: unknown): T {
  if ((result as CallToolResult).isError) throw new Error(`the tool failed: ${textOf(result)}`);
  return JSON.parse(textOf(result)) as T;
}
