import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { printSchema } from 'graphql';
import { auditLine } from './auditLine';
import { graphData } from './graphData';
import type { McpGraph } from './McpGraph';
import { DEFAULT_ENTITY_FIELDS } from './tools/getEntitiesTool';
import { ToolFailure } from './ToolFailure';

const ENTITY = `query McpEntityResource($ref: ID!) { entity(ref: $ref) { ${DEFAULT_ENTITY_FIELDS} } }`;

/**
 * Resources: an entity by ref (`ensemble://entity/component:default/web-shop`) and the
 * schema's SDL. Both are read through the caller's graph, as tools are; each read leaves
 * an audit line.
 */
export function registerResources(server: McpServer, graph: McpGraph, log: (line: string) => void): void {
  const audited = async <T>(name: string, args: unknown, read: () => Promise<T>): Promise<T> => {
    try {
      const result = await read();
      log(auditLine({ caller: graph.caller, tool: `resource:${name}`, args, outcome: 'ok' }));
      return result;
    } catch (error) {
      log(auditLine({ caller: graph.caller, tool: `resource:${name}`, args, outcome: `error ${error instanceof ToolFailure ? error.code : 'INTERNAL'}` }));
      throw error;
    }
  };
  server.registerResource(
    'entity',
    new ResourceTemplate('ensemble://entity/{+ref}', { list: undefined }),
    { title: 'Catalog entity', description: 'One entity by ref: kind, name, title, description, tags and relations, as JSON', mimeType: 'application/json' },
    async (uri, variables) =>
      audited('entity', { ref: variables.ref }, async () => {
        const ref = String(variables.ref);
        const { data } = await graphData(graph, ENTITY, { ref });
        if (!data.entity) throw new ToolFailure(`No entity has the ref ${ref} (or you may not see it)`, 'NOT_FOUND');
        return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(data.entity, null, 1) }] };
      }),
  );
  server.registerResource(
    'schema',
    'ensemble://schema',
    { title: 'GraphQL schema', description: 'The federated graph as SDL, descriptions included: every plugin\'s types and fields', mimeType: 'application/graphql' },
    async (uri) => audited('schema', {}, async () => ({ contents: [{ uri: uri.href, mimeType: 'application/graphql', text: printSchema(await graph.schema()) }] })),
  );
}
