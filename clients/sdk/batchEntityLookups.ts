import DataLoader from 'dataloader';
import { SdkEntitiesByRefsDocument, type SdkEntitiesByRefsQuery } from '../generated/graphql';
import type { EntityRecord } from './entityTypes';
import type { Result } from './result';

/** `entitiesByRefs` takes at most this many refs; longer batches are split. */
export const MAX_REFS_PER_REQUEST = 500;

type Send = <Data>(query: string, variables: Record<string, unknown>) => Promise<Result<Data>>;

/**
 * Coalesces `entity(ref)` calls made in the same tick into one `entitiesByRefs` request,
 * DataLoader style: a script that looks up the owner of each of 200 components in a
 * `Promise.all` sends one request, not 200. Nothing is cached across ticks, so a
 * long-lived client never serves stale entities.
 */
export function batchEntityLookups(send: Send): (ref: string) => Promise<Result<EntityRecord | null>> {
  const loader = new DataLoader<string, Result<EntityRecord | null>>(
    async (refs) => {
      // The same ref asked twice in one tick is sent once.
      const unique = [...new Set(refs)];
      const result = await send<SdkEntitiesByRefsQuery>(SdkEntitiesByRefsDocument.toString(), { refs: unique });
      const byRef = new Map<string, Result<EntityRecord | null>>();
      unique.forEach((ref, index) => {
        const entity = result.data?.entitiesByRefs?.[index] ?? null;
        byRef.set(ref, result.ok ? { ok: true, data: entity } : { ok: false, error: result.error, data: entity });
      });
      return refs.map((ref) => byRef.get(ref)!);
    },
    { cache: false, maxBatchSize: MAX_REFS_PER_REQUEST },
  );
  return (ref) => loader.load(ref);
}
