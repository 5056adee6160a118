import type { McpGraph } from './McpGraph';
import { ToolFailure } from './ToolFailure';

/** What a tool's operation gave: its data, and the errors that came beside it (a plugin down). */
export interface GraphData {
  data: Record<string, unknown>;
  errors?: string[];
}

/**
 * Runs an operation for a tool: errors without data fail the call with the gateway's own
 * messages and codes (OPERATION_TOO_COMPLEX, BAD_USER_INPUT, FORBIDDEN...); errors beside
 * data are kept, so the agent knows which part of the answer is missing.
 */
export async function graphData(graph: McpGraph, query: string, variables?: Record<string, unknown>): Promise<GraphData> {
  const response = await graph.execute(query, variables);
  if (!response.data) throw ToolFailure.fromGraphErrors(response.errors ?? [{ message: 'The gateway answered neither data nor errors' }]);
  if (!response.errors?.length) return { data: response.data };
  return { data: response.data, errors: ToolFailure.fromGraphErrors(response.errors).message.split('\n') };
}
