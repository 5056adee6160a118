import { z } from 'zod';
import { graphData } from '../graphData';
import { defineTool } from '../McpTool';
import { ENTITY_SUMMARY_FIELDS, entitySummary, type EntitySummaryNode } from '../entitySummary';
import { ToolFailure } from '../ToolFailure';

const QUERY = `query McpOwnership($ref: ID!, $kind: [String!]) {
  entity(ref: $ref) { ref kind ... on Group { ownsTransitively(kind: $kind) { ${ENTITY_SUMMARY_FIELDS} } } }
}`;

export const groupOwnershipTool = defineTool({
  name: 'group_ownership',
  title: 'What a group owns',
  description: `Lists what a group owns, itself or through any group below it (parentOf followed down, then ownerOf), nearest owner first, with each entity's direct owners.
To ask the same question of every owned entity's plugin fields in one call (CI runs, vulnerabilities, scorecards), use query_graph with Group.ownsTransitively.`,
  write: false,
  inputSchema: {
    group: z.string().min(1).max(300).describe('The group, e.g. "group:default/team-payments" or "group:team-payments"'),
    kind: z.array(z.string().min(1).max(100)).min(1).max(20).optional().describe('Only entities of these kinds, e.g. ["Component", "API"]'),
  },
  async run({ group, kind }, graph) {
    const ref = group.includes(':') ? group : `group:${group}`;
    const { data, errors } = await graphData(graph, QUERY, { ref, kind });
    const entity = data.entity as { ref: string; kind: string; ownsTransitively?: EntitySummaryNode[] } | null;
    if (!entity) throw new ToolFailure(`No group has the ref ${ref} (or you may not see it). Find groups with search_catalog and kind ["Group"].`, 'NOT_FOUND');
    if (!entity.ownsTransitively) throw new ToolFailure(`${entity.ref} is a ${entity.kind}, not a Group: ownership is asked of groups`, 'BAD_USER_INPUT');
    return { group: entity.ref, count: entity.ownsTransitively.length, owns: entity.ownsTransitively.map(entitySummary), ...(errors ? { errors } : {}) };
  },
});
