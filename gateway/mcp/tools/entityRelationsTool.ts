import { z } from 'zod';
import { graphData } from '../graphData';
import { defineTool } from '../McpTool';
import { ENTITY_SUMMARY_FIELDS, entitySummary, type EntitySummaryNode } from '../entitySummary';
import { ToolFailure } from '../ToolFailure';

/** The relation types each walk follows unless the agent names its own. */
const WALKS = {
  dependencies: ['dependsOn', 'consumesApi'],
  dependents: ['dependencyOf', 'apiConsumedBy'],
} as const;

const NEIGHBOURS = `query McpNeighbours($ref: ID!) {
  entity(ref: $ref) { ref relations { type targetRef target { ${ENTITY_SUMMARY_FIELDS} } } }
}`;

const WALK = `query McpWalk($ref: ID!, $types: [String!]!, $depth: Int!, $kind: [String!]) {
  entity(ref: $ref) { ref related(relationTypes: $types, maxDepth: $depth, kind: $kind) { ${ENTITY_SUMMARY_FIELDS} } }
}`;

export const entityRelationsTool = defineTool({
  name: 'entity_relations',
  title: 'Relations and blast radius',
  description: `Follows an entity's relations, with the owners of what it finds.
"neighbours": every direct relation, both directions (ownedBy, dependsOn, providesApi, partOf, hasMember...).
"dependents": what depends on it, directly or not, up to "depth" steps (blast radius: dependencyOf and apiConsumedBy).
"dependencies": what it depends on, transitively (dependsOn and consumesApi).
"relationTypes" replaces the walk's types. Nearest first; at most 1000 entities.`,
  write: false,
  inputSchema: {
    ref: z.string().min(1).max(300).describe('The entity, e.g. "component:default/checkout-service"'),
    direction: z.enum(['neighbours', 'dependents', 'dependencies']).default('neighbours'),
    depth: z.number().int().min(1).max(10).default(3).describe('Steps at most, for dependents and dependencies'),
    relationTypes: z.array(z.string().min(1).max(100)).min(1).max(20).optional().describe('Relation types to follow instead, e.g. ["partOf"]'),
    kind: z.array(z.string().min(1).max(100)).min(1).max(20).optional().describe('Only entities of these kinds, for dependents and dependencies'),
  },
  async run({ ref, direction, depth, relationTypes, kind }, graph) {
    const notFound = () => new ToolFailure(`No entity has the ref ${ref} (or you may not see it). Find refs with search_catalog.`, 'NOT_FOUND');
    if (direction === 'neighbours') {
      const { data, errors } = await graphData(graph, NEIGHBOURS, { ref });
      const entity = data.entity as { ref: string; relations: { type: string; targetRef: string; target: EntitySummaryNode | null }[] } | null;
      if (!entity) throw notFound();
      const wanted = relationTypes && new Set(relationTypes.map((type) => type.toLowerCase()));
      const relations = entity.relations
        .filter((relation) => !wanted || wanted.has(relation.type.toLowerCase()))
        // A target that does not exist (or is hidden) is named by ref only, as the catalog stores it.
        .map((relation) => ({ type: relation.type, ...(relation.target ? entitySummary(relation.target) : { ref: relation.targetRef, missing: true }) }));
      return { ref: entity.ref, relations, ...(errors ? { errors } : {}) };
    }
    const types = relationTypes ?? [...WALKS[direction]];
    const { data, errors } = await graphData(graph, WALK, { ref, types, depth, kind });
    const entity = data.entity as { ref: string; related: EntitySummaryNode[] } | null;
    if (!entity) throw notFound();
    return { ref: entity.ref, direction, relationTypes: types, depth, count: entity.related.length, entities: entity.related.map(entitySummary), ...(errors ? { errors } : {}) };
  },
});
