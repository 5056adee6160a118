import type { UsedBy } from '../data/usageRows';
import { affectingCoordinates } from './affectingCoordinates';
import type { SchemaChange } from './schemaChanges';

/** An operation a breaking change would break, and who sent it. */
export interface AffectedOperation {
  name: string;
  hash: string;
  /** `persisted`: a persisted document uses it; `traffic`: gateways reported it in the window. */
  source: 'persisted' | 'traffic';
  clients: string[];
  /** Requests in the window (traffic only). */
  count?: number;
}

/** A breaking change and the operations it breaks: it fails the check only when there are some. */
export interface BreakingChange extends SchemaChange {
  operations: AffectedOperation[];
}

/** A persisted document, with the coordinates it uses in the schema before the change. */
export interface KnownOperation {
  name: string;
  hash: string;
  client: string;
  coordinates: ReadonlySet<string>;
}

/** At most this many operations are named per change: a CI log needs the first few, not thousands. */
export const MAX_OPERATIONS_PER_CHANGE = 50;

/**
 * Each breaking change with the operations that use what it breaks: persisted documents,
 * and operations gateways reported in the usage window (`traffic`).
 */
export async function affectedOperations(
  breaking: SchemaChange[],
  known: KnownOperation[],
  traffic: (coordinates: string[]) => Promise<UsedBy[]>,
): Promise<BreakingChange[]> {
  const seen = await traffic([...new Set(breaking.flatMap(affectingCoordinates))]);
  return breaking.map((change) => {
    const coordinates = affectingCoordinates(change);
    const persisted = known
      .filter((operation) => coordinates.some((coordinate) => operation.coordinates.has(coordinate)))
      .map((operation): AffectedOperation => ({ name: operation.name, hash: operation.hash, source: 'persisted', clients: [operation.client] }));
    const reported = new Map<string, AffectedOperation>();
    for (const used of seen) {
      if (!coordinates.some((coordinate) => used.coordinates.includes(coordinate))) continue;
      const entry = reported.get(used.operationHash) ?? { name: used.operationName, hash: used.operationHash, source: 'traffic', clients: [], count: 0 };
      entry.clients.push(used.clientName);
      entry.count = (entry.count ?? 0) + used.count;
      reported.set(used.operationHash, entry);
    }
    return { ...change, operations: [...persisted, ...reported.values()].slice(0, MAX_OPERATIONS_PER_CHANGE) };
  });
}
