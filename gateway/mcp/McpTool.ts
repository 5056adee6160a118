import type { z } from 'zod';
import type { McpGraph } from './McpGraph';

/**
 * One MCP tool: what the agent reads (name, description, input schema) and what it does,
 * through the caller's graph only. Its answer is JSON (or text) the server pages.
 */
export interface McpTool<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  /** Written for a model: when to use the tool, what it returns, what to do next. */
  description: string;
  /** Writes to the catalog: listed and callable only in read-write mode. */
  write: boolean;
  inputSchema: Shape;
  run(args: z.infer<z.ZodObject<Shape>>, graph: McpGraph): Promise<unknown>;
}

/** Keeps the shape's type for `run`'s arguments while the tool list holds any tool. */
export function defineTool<Shape extends z.ZodRawShape>(tool: McpTool<Shape>): McpTool {
  return tool as unknown as McpTool;
}
