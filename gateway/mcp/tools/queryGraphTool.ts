import { z } from 'zod';
import { defineTool } from '../McpTool';
import { readOnlyOperation } from '../readOnlyOperation';
import { ToolFailure } from '../ToolFailure';

export const queryGraphTool = defineTool({
  name: 'query_graph',
  title: 'Run a read-only GraphQL query',
  description: `Runs one GraphQL query against the whole federated graph: one call can follow relations and read every plugin's fields, e.g.
  { entity(ref: "group:default/team-payments") { ... on Group { ownsTransitively(kind: ["Component"]) { ref latestRun(branch: "main") { status } vulnerabilitySummary { critical } } } } }
Only queries: mutations and subscriptions are refused. The gateway's limits apply (depth, cost, aliases); when it says OPERATION_TOO_COMPLEX, ask for smaller lists ("first") or fewer fields.
Errors beside data (a plugin down) come back under "errors". Learn the schema with describe_graph.`,
  write: false,
  inputSchema: {
    query: z.string().min(1).describe('The GraphQL query text'),
    variables: z.record(z.string(), z.unknown()).optional().describe('Variables of the query'),
    operationName: z.string().max(200).optional().describe('Which operation to run, when the text has several'),
  },
  async run({ query, variables, operationName }, graph) {
    readOnlyOperation(query, operationName);
    const response = await graph.execute(query, { ...(variables ?? {}) }, operationName);
    if (!response.data) throw ToolFailure.fromGraphErrors(response.errors ?? []);
    return { data: response.data, ...(response.errors?.length ? { errors: ToolFailure.fromGraphErrors(response.errors).message.split('\n') } : {}) };
  },
});
