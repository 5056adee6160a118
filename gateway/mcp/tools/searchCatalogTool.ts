import { z } from 'zod';
import { graphData } from '../graphData';
import { defineTool } from '../McpTool';
import { ENTITY_SUMMARY_FIELDS, entitySummary, type EntitySummaryNode } from '../entitySummary';

const values = (what: string) => z.array(z.string().min(1).max(200)).min(1).max(20).optional().describe(what);

const QUERY = `query McpSearch($filter: EntityFilter, $first: Int!, $after: String, $orderBy: EntityOrder) {
  entities(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${ENTITY_SUMMARY_FIELDS} } }
  }
}`;

export const searchCatalogTool = defineTool({
  name: 'search_catalog',
  title: 'Search the catalog',
  description: `Finds catalog entities (components, APIs, systems, groups, users, resources...) by text and filters, a page at a time.
Returns each match's ref, kind, title, short description and owners, plus totalCount and a cursor.
Every filter given must hold. Use the refs with get_entities (any field of any plugin), entity_relations or query_graph.
For the next page pass the returned "endCursor" as "after".`,
  write: false,
  inputSchema: {
    text: z.string().max(200).optional().describe('Words to find in name, title, description and tags; each word must start a word there ("check serv" finds checkout-service)'),
    kind: values('Kinds, e.g. ["Component"]'),
    type: values('spec.type values, e.g. ["service", "website"]'),
    lifecycle: values('spec.lifecycle values, e.g. ["production"]'),
    owner: values('Owner refs, e.g. ["group:default/team-payments"] or ["team-payments"]'),
    tags: values('Tags the entity must all carry'),
    namespace: values('Namespaces'),
    first: z.number().int().min(1).max(50).default(20).describe('How many entities per page, 1 to 50'),
    after: z.string().max(500).optional().describe('The endCursor of the previous page'),
  },
  async run({ text, kind, type, lifecycle, owner, tags, namespace, first, after }, graph) {
    const filter = Object.fromEntries(Object.entries({ text, kind, type, lifecycle, owner, tags, namespace }).filter(([, value]) => value !== undefined));
    const orderBy = text?.trim() ? { field: 'relevance' } : undefined;
    const { data, errors } = await graphData(graph, QUERY, { filter, first, after, orderBy });
    const entities = data.entities as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: EntitySummaryNode }[];
    };
    return {
      totalCount: entities.totalCount,
      entities: entities.edges.map((edge) => entitySummary(edge.node)),
      hasNextPage: entities.pageInfo.hasNextPage,
      ...(entities.pageInfo.hasNextPage ? { endCursor: entities.pageInfo.endCursor } : {}),
      ...(errors ? { errors } : {}),
    };
  },
});
