import type { ClientError, EntityRecord, Result } from '../sdk';

/** One relation met on the walk. */
export interface RelationStep {
  /** 1 for the start entity's own relations, 2 for its neighbours', and so on. */
  depth: number;
  sourceRef: string;
  type: string;
  targetRef: string;
  /** The target's kind and title; null (both) when no such entity exists (a dangling relation). */
  targetKind: string | null;
  targetTitle: string | null;
}

export interface RelationWalk {
  /** The start entity as the catalog names it; null when there is no such entity. */
  rootRef: string | null;
  steps: RelationStep[];
  /** True when the walk stopped at `maxEntities` before `depth`. */
  truncated: boolean;
  /** A look-up that failed along the way (the walk stops there). */
  error?: ClientError;
}

/**
 * Breadth-first over relations: each level's look-ups are made together, so the SDK's
 * batching sends one request per level. Every entity is expanded once (cycles end), and
 * relations already listed from the other side are still shown: `A dependsOn B` and
 * `B dependencyOf A` are both facts the catalog stores.
 */
export async function walkRelations(
  lookUp: (ref: string) => Promise<Result<EntityRecord | null>>,
  ref: string,
  options: { depth: number; types?: string[]; maxEntities: number },
): Promise<RelationWalk> {
  const root = await lookUp(ref);
  if (!root.ok) return { rootRef: null, steps: [], truncated: false, error: root.error };
  if (!root.data) return { rootRef: null, steps: [], truncated: false };
  const wanted = options.types?.map((type) => type.toLowerCase());
  const seen = new Set([root.data.ref]);
  const steps: RelationStep[] = [];
  let frontier: EntityRecord[] = [root.data];
  for (let depth = 1; depth <= options.depth && frontier.length; depth++) {
    const edges = frontier.flatMap((entity) =>
      entity.relations
        .filter((relation) => !wanted || wanted.includes(relation.type.toLowerCase()))
        .map((relation) => ({ sourceRef: entity.ref, type: relation.type, targetRef: relation.targetRef })),
    );
    const targets = [...new Set(edges.map((edge) => edge.targetRef))];
    const results = await Promise.all(targets.map(lookUp));
    const failed = results.find((result) => !result.ok);
    if (failed && !failed.ok) return { rootRef: root.data.ref, steps, truncated: false, error: failed.error };
    const found = new Map(targets.map((target, index) => [target, results[index].data ?? null]));
    for (const edge of edges) {
      const target = found.get(edge.targetRef);
      steps.push({ depth, ...edge, targetKind: target?.kind ?? null, targetTitle: target?.title ?? null });
    }
    frontier = [];
    for (const target of found.values()) {
      if (!target || seen.has(target.ref)) continue;
      if (seen.size >= options.maxEntities) return { rootRef: root.data.ref, steps, truncated: true };
      seen.add(target.ref);
      frontier.push(target);
    }
  }
  return { rootRef: root.data.ref, steps, truncated: false };
}
