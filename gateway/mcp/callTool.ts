import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { McpGraph } from './McpGraph';
import type { McpTool } from './McpTool';
import { auditLine } from './auditLine';
import { pageText } from './pageText';
import { ToolFailure } from './ToolFailure';

export interface CallToolOptions {
  graph: McpGraph;
  log: (line: string) => void;
  maxOutputChars: number;
}

/**
 * Runs one tool call: the tool's answer as JSON text, paged; a ToolFailure as an error
 * result the agent can act on; anything else masked (the stack goes to the log only).
 * Every call leaves one audit line.
 */
export async function callTool(tool: McpTool, args: Record<string, unknown>, options: CallToolOptions): Promise<CallToolResult> {
  const { offset = 0, ...toolArgs } = args as { offset?: number } & Record<string, unknown>;
  const audit = (outcome: string, chars?: number) => options.log(auditLine({ caller: options.graph.caller, tool: tool.name, args, outcome, chars }));
  try {
    const answer = await tool.run(toolArgs, options.graph);
    const text = pageText(typeof answer === 'string' ? answer : JSON.stringify(answer, null, 1), offset, options.maxOutputChars);
    audit('ok', text.length);
    return { content: [{ type: 'text', text }] };
  } catch (error) {
    if (error instanceof ToolFailure) {
      audit(`error ${error.code}`);
      return { isError: true, content: [{ type: 'text', text: error.message }] };
    }
    audit('error INTERNAL');
    options.log(`mcp: ${tool.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return { isError: true, content: [{ type: 'text', text: `${tool.name} failed inside the server; try again, or tell its operator` }] };
  }
}
