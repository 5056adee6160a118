import { z } from 'zod';
import { graphData } from '../graphData';
import { defineTool } from '../McpTool';
import { readOnlyOperation } from '../readOnlyOperation';
import { ToolFailure } from '../ToolFailure';

/** What get_entities selects when the agent names no fields. */
export const DEFAULT_ENTITY_FIELDS = 'ref kind name title description tags relations { type targetRef }';

export const getEntitiesTool = defineTool({
  name: 'get_entities',
  title: 'Get entities',
  description: `Reads one or more entities by ref, with exactly the fields you name, from the catalog and every plugin in one call.
"fields" is a GraphQL selection on the Entity interface, e.g.
  ref title owners: relations(type: "ownedBy") { targetRef } latestRun(branch: "main") { status } vulnerabilitySummary { critical high }
or, for one kind: ... on Component { lifecycle owner { ref } }.
Find field names with describe_graph (type "Entity"). Refs are kind:namespace/name (or kind:name).
Refs that do not exist (or that you may not see) are listed under "notFound".`,
  write: false,
  inputSchema: {
    refs: z.array(z.string().min(1).max(300)).min(1).max(50).describe('Entity refs, e.g. ["component:default/checkout-service"]'),
    fields: z.string().max(4_000).optional().describe(`A GraphQL selection on Entity; default: ${DEFAULT_ENTITY_FIELDS}`),
  },
  async run({ refs, fields }, graph) {
    const query = `query McpEntities($refs: [ID!]!) { entitiesByRefs(refs: $refs) { ${fields?.trim() || DEFAULT_ENTITY_FIELDS} } }`;
    // A selection that closes the braces and opens another operation or a fragment is refused.
    if (readOnlyOperation(query, 'McpEntities').document.definitions.length !== 1) {
      throw new ToolFailure('"fields" must be a selection of Entity fields only, not operations or fragment definitions', 'BAD_USER_INPUT');
    }
    const { data, errors } = await graphData(graph, query, { refs });
    const found = data.entitiesByRefs as (Record<string, unknown> | null)[];
    const notFound = refs.filter((_, index) => !found[index]);
    if (notFound.length === refs.length) {
      throw new ToolFailure(`No entity has the ref ${notFound.join(', ')} (or you may not see it). Find refs with search_catalog.`, 'NOT_FOUND');
    }
    return {
      entities: found.filter((entity) => entity !== null),
      ...(notFound.length ? { notFound } : {}),
      ...(errors ? { errors } : {}),
    };
  },
});
