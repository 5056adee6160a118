import { Prisma, type PrismaClient } from '../../../prisma/catalog/generated/client';
import type { CallerIdentity } from '../../../kit';
import type { EntityFilterInput } from '../data/entityFilterSql';

/** A webhook as the worker holds it while its lease lasts. */
export interface ClaimedWebhook {
  id: string;
  registrant: CallerIdentity;
  url: string;
  secret: string;
  filter: EntityFilterInput | null;
  changes: string[];
  cursor: string | null;
}

/**
 * Takes (or renews) the lease of up to `limit` webhooks for `worker`: those nobody holds,
 * whose lease ran out, or that it already holds. Rows another replica is claiming right
 * now are skipped (SKIP LOCKED), so two catalog replicas never both send one webhook's
 * deliveries while their leases last; a replica that dies loses its webhooks when its
 * leases run out.
 */
export async function claimWebhooks(prisma: PrismaClient, worker: string, leaseMs: number, limit: number): Promise<ClaimedWebhook[]> {
  const now = new Date();
  const until = new Date(now.getTime() + leaseMs);
  return prisma.$queryRaw<ClaimedWebhook[]>(Prisma.sql`
    UPDATE webhooks w SET lease_owner = ${worker}, lease_until = ${until}
    WHERE w.id IN (
      SELECT id FROM webhooks
      WHERE lease_owner IS NULL OR lease_owner = ${worker} OR lease_until < ${now}
      ORDER BY lease_until NULLS FIRST, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING w.id, w.registrant, w.url, w.secret, w.filter, w.changes, w.cursor`);
}

/** Gives the leases back (on shutdown), so another replica takes over at once. */
export async function releaseWebhooks(prisma: PrismaClient, worker: string): Promise<void> {
  await prisma.$executeRaw(Prisma.sql`UPDATE webhooks SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ${worker}`);
}
