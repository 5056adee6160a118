import { z } from 'zod';
import { graphData } from '../graphData';
import { defineTool } from '../McpTool';

/** What a location tool answers: never the entities themselves, the agent asks for those. */
export const LOCATION_FIELDS = 'id type target refreshedAt entityCount errors { file entityRef message }';

const REGISTER = `mutation McpRegister($target: String!) { registerLocation(target: $target) { ${LOCATION_FIELDS} } }`;

export const registerLocationTool = defineTool({
  name: 'register_location',
  title: 'Register a location',
  description: `Registers where descriptors are read from (a file or glob under the server's allowed roots, or an http(s) URL from an allowed host) and reads it now.
Registering the same target again refreshes it. Answers the location with its entity count and the problems found. Needs permission to create locations.`,
  write: true,
  inputSchema: { target: z.string().min(1).max(2_000).describe('e.g. "https://github.com/acme/shop/blob/main/catalog-info.yaml"') },
  async run({ target }, graph) {
    const { data } = await graphData(graph, REGISTER, { target });
    return data.registerLocation;
  },
});
