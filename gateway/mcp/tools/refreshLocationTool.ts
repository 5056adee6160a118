import { z } from 'zod';
import { graphData } from '../graphData';
import { defineTool } from '../McpTool';
import { ToolFailure } from '../ToolFailure';
import { LOCATION_FIELDS } from './registerLocationTool';

const BY_ID = `mutation McpRefresh($id: ID!) { refreshLocation(id: $id) { ${LOCATION_FIELDS} } }`;
const BY_ENTITY = `mutation McpRefreshEntity($ref: ID!) { refreshEntity(ref: $ref) { ${LOCATION_FIELDS} } }`;

export const refreshLocationTool = defineTool({
  name: 'refresh_location',
  title: 'Refresh a location',
  description: `Reads a registered location again now: name it by "id" (from query_graph { locations { id target } }) or by an "entityRef" it provides.
Answers the location with its entity count and the problems found. Needs permission to refresh entities.`,
  write: true,
  inputSchema: {
    id: z.string().min(1).max(200).optional().describe('The location id'),
    entityRef: z.string().min(1).max(300).optional().describe('An entity the location provides'),
  },
  async run({ id, entityRef }, graph) {
    if ((id === undefined) === (entityRef === undefined)) throw new ToolFailure('Give exactly one of "id" and "entityRef"', 'BAD_USER_INPUT');
    if (id !== undefined) return (await graphData(graph, BY_ID, { id })).data.refreshLocation;
    const location = (await graphData(graph, BY_ENTITY, { ref: entityRef })).data.refreshEntity;
    if (!location) throw new ToolFailure(`No registered location provides ${entityRef} (or you may not see it)`, 'NOT_FOUND');
    return location;
  },
});
