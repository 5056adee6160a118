import { NotFoundError, queryGateway, queryGraphAsCaller, requestAccess } from '../../../kit';
import { normalizeProjectSlug, PROJECT_SLUG_ANNOTATION } from '../model/projectSlug';

/** One entity carrying the slug, if the asker may read any: runs by slug land on such entities. */
const PROJECT_ENTITY = `query EnsembleProjectEntity($slug: String!) {
  entities(first: 1, filter: { field: [{ field: "metadata.annotations.${PROJECT_SLUG_ANNOTATION}", values: [$slug] }] }) { edges { node { ref } } }
}`;

interface ProjectEntity {
  entities: { edges: unknown[] };
}

/** The words for a slug no entity carries and for one only hidden entities carry. */
const noProject = (slug: string) => new NotFoundError(`No entity carries the project slug ${slug}`);

/**
 * For a run reported by project slug: goes on only when an entity the caller may read
 * carries that slug (asked through the gateway as the caller). A malformed slug is left
 * to recordPipelineRun, which says what is wrong with it.
 */
export async function requireReadableProject(context: object, projectSlug: string): Promise<void> {
  const slug = normalizeProjectSlug(projectSlug);
  if (!slug || requestAccess(context).graph.uncheckedEntityRefs) return;
  const answer = await queryGraphAsCaller<ProjectEntity>(context, PROJECT_ENTITY, { slug });
  if (!answer.entities.edges.length) throw noProject(projectSlug);
}

/** How the webhook asks the catalog, as the cicd service rather than a caller (CicdServices.graph). */
export interface ServiceGraph {
  /** The gateway's GraphQL URL; undefined when not told (deliveries are then refused). */
  url?: string;
  /** The service's token for the gateway (`CICD_GATEWAY_TOKEN`), when it refuses anonymous callers. */
  token?: string;
  /** Only for a subgraph tested alone: deliveries are not checked. */
  unchecked: boolean;
}

/** For a webhook delivery: throws NotFoundError unless some entity the service may read carries the slug. */
export async function requireProjectAsService(graph: ServiceGraph, projectSlug: string): Promise<void> {
  const slug = normalizeProjectSlug(projectSlug);
  if (!slug || graph.unchecked) return;
  if (!graph.url) throw new Error('The cicd subgraph was not told where the gateway is (ENSEMBLE_GATEWAY_URL): deliveries cannot be checked');
  const headers: Record<string, string> = graph.token ? { authorization: `Bearer ${graph.token}` } : {};
  const answer = await queryGateway<ProjectEntity>(graph.url, headers, PROJECT_ENTITY, { slug });
  if (!answer.entities.edges.length) throw noProject(projectSlug);
}
