import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { callTool } from './callTool';
import type { McpGraph } from './McpGraph';
import { DEFAULT_MAX_OUTPUT_CHARS } from './pageText';
import { registerPrompts } from './registerPrompts';
import { registerResources } from './registerResources';
import { MCP_TOOLS } from './tools/allTools';

export interface McpServerOptions {
  /** The graph as this caller sees it. */
  graph: McpGraph;
  /** `read-only` leaves the write tools out: not listed, and a call to one is refused. */
  mode: 'read-only' | 'read-write';
  /** Audit lines (one per tool call) and masked failures. */
  log: (line: string) => void;
  /** Characters per tool answer; longer answers come in pages. Default DEFAULT_MAX_OUTPUT_CHARS. */
  maxOutputChars?: number;
}

const INSTRUCTIONS = `Ensemble is a developer portal's catalog served as one federated GraphQL graph: the software catalog plus every plugin (CI/CD runs, vulnerabilities, scorecards, docs...) on the same entities.
Start with search_catalog or describe_graph. One get_entities or query_graph call can answer a question that spans the catalog and every plugin: prefer one call with the right fields over many small ones.
You see only what your credentials allow; an entity you may not see does not exist for you.`;

/**
 * The MCP server for one caller: the tools, resources and prompts, every one reaching
 * Ensemble only through `graph`. It holds no state between calls, so the HTTP route
 * makes one per request.
 */
export function createMcpServer(options: McpServerOptions): McpServer {
  const server = new McpServer({ name: 'ensemble', version: '1.0.0' }, { instructions: INSTRUCTIONS });
  const maxOutputChars = options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS;
  for (const tool of MCP_TOOLS) {
    if (tool.write && options.mode !== 'read-write') continue;
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: {
          ...tool.inputSchema,
          offset: z.number().int().min(0).max(100_000_000).optional().describe('Where to go on reading a long answer: the offset its last page named'),
        },
        annotations: { readOnlyHint: !tool.write, destructiveHint: false, openWorldHint: false },
      },
      (args) => callTool(tool, args as Record<string, unknown>, { graph: options.graph, log: options.log, maxOutputChars }),
    );
  }
  registerResources(server, options.graph, options.log);
  registerPrompts(server);
  return server;
}
