import type { SqlExecutor } from '../../kit';
import type { ComposedSupergraph } from '../../gateway/composeSupergraph';
import { operationsUsing } from '../data/usageRows';
import { subgraphSchemas, type SubgraphSchemaRow } from '../data/subgraphSchemaRows';
import { currentSupergraph, type SupergraphRow } from '../data/supergraphRows';
import { affectedOperations, MAX_OPERATIONS_PER_CHANGE, type BreakingChange } from './affectedOperations';
import { composeCandidate, type PublishedSubgraph } from './composeCandidate';
import { knownOperations, type PersistedDocumentSet } from './knownOperations';
import { schemaChanges, type SchemaChange } from './schemaChanges';

/** What `schema check` (and every publish) reports. */
export interface CheckReport {
  subgraph: string;
  /** True when publishing would be accepted without --force. */
  ok: boolean;
  /** The proposed schema and URL are what is published already. */
  unchanged: boolean;
  composition: { ok: boolean; errors: string[] };
  /** Every change clients would see, breaking or not. */
  changes: SchemaChange[];
  /** The breaking changes, each with the operations it breaks; one with operations fails the check. */
  breaking: BreakingChange[];
  /** The usage window the traffic check read, in days. */
  windowDays: number;
}

export interface CheckContext {
  persisted: PersistedDocumentSet[];
  usageWindowMs: number;
  now: Date;
}

/** A check's report plus what a publish needs to store. */
export interface CheckRun {
  report: CheckReport;
  current: SupergraphRow | null;
  published: SubgraphSchemaRow[];
  composed: ComposedSupergraph | null;
}

/**
 * The registry's three checks for one subgraph's proposed schema: composition with the
 * other subgraphs' published schemas, breaking changes against what is published, and
 * which persisted documents and recorded operations those changes break.
 */
export async function runChecks(sql: SqlExecutor, candidate: PublishedSubgraph, context: CheckContext): Promise<CheckRun> {
  const current = await currentSupergraph(sql);
  const published = current ? await subgraphSchemas(sql, current.subgraphs) : [];
  const previous = published.find((subgraph) => subgraph.name === candidate.name);
  const proposed = [...published.filter((subgraph) => subgraph.name !== candidate.name), candidate];
  const unchanged = previous !== undefined && previous.sdl === candidate.sdl && previous.url === candidate.url;
  const windowDays = context.usageWindowMs / 86_400_000;
  const composition = composeCandidate(proposed);
  if (!composition.ok) {
    const report: CheckReport = { subgraph: candidate.name, ok: false, unchanged, composition: { ok: false, errors: composition.errors }, changes: [], breaking: [], windowDays };
    return { report, current, published, composed: null };
  }
  const changes = await schemaChanges(current?.apiSchemaSdl ?? null, composition.supergraph.apiSchemaSdl);
  const since = new Date(context.now.getTime() - context.usageWindowMs);
  const breaking = await affectedOperations(
    changes.filter((change) => change.criticality === 'BREAKING'),
    knownOperations(current?.apiSchemaSdl ?? null, context.persisted),
    (coordinates) => operationsUsing(sql, coordinates, since, MAX_OPERATIONS_PER_CHANGE * 4),
  );
  const ok = breaking.every((change) => change.operations.length === 0);
  const report: CheckReport = { subgraph: candidate.name, ok, unchanged, composition: { ok: true, errors: [] }, changes, breaking, windowDays };
  return { report, current, published, composed: composition.supergraph };
}
