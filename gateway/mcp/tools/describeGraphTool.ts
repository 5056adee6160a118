import { z } from 'zod';
import { defineTool } from '../McpTool';
import { describeOverview, describeType, searchSchema } from '../describeSchema';
import { ToolFailure } from '../ToolFailure';

export const describeGraphTool = defineTool({
  name: 'describe_graph',
  title: 'Describe the graph',
  description: `Explains the federated graph: every plugin's types and fields, with their descriptions, read from the schema the gateway serves now.
Without arguments: the root queries and the fields every entity has (each plugin adds its own, e.g. pipeline runs, vulnerabilities, scorecards).
"type": one type in full (fields, arguments, enum values, implementations). "search": types and fields whose name or description has all the words.
Use it to write the "fields" of get_entities or an operation for query_graph.`,
  write: false,
  inputSchema: {
    type: z.string().min(1).max(100).optional().describe('A type name, e.g. "Entity", "Component", "PipelineRun", "EntityFilter"'),
    search: z.string().min(1).max(100).optional().describe('Words to find in type and field names and descriptions, e.g. "vulnerab severity"'),
  },
  async run({ type, search }, graph) {
    const schema = await graph.schema();
    if (type) {
      const named = schema.getType(type);
      if (!named || named.name.startsWith('__')) {
        const similar = searchSchema(schema, type).hits.filter((hit) => !hit.coordinate.includes('.')).map((hit) => hit.coordinate);
        throw new ToolFailure(`The graph has no type "${type}".${similar.length ? ` Similar: ${similar.join(', ')}.` : ''} Search with "search".`, 'NOT_FOUND');
      }
      return describeType(schema, named);
    }
    if (search) return searchSchema(schema, search);
    return describeOverview(schema);
  },
});
