import { announceEvents, recordEvents } from '../../../kit';
import type { PrismaClient } from '../../../prisma/security/generated/client';
import type { ParsedScan, ScannedFinding } from '../scans/scannedFinding';

/** security's name on the change feed. */
export const SECURITY_SOURCE = 'security';

/** What one import changed, by count. */
export interface ImportResultRecord {
  scanner: string;
  opened: number;
  updated: number;
  closed: number;
  reopened: number;
}

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

interface SeenAgain {
  id: string;
  wasFixed: boolean;
  /** The state it keeps: open, or dismissed. */
  state: string;
  finding: ScannedFinding;
}

/**
 * Records one scan of one entity, in one transaction, against what that scanner reported
 * before: a new fingerprint opens a finding; one known again moves its last-seen time
 * (and reopens it if it was fixed); an open one the scan no longer reports is closed as
 * fixed. Dismissed findings stay dismissed either way: that was a person's decision.
 * Other scanners' findings of the entity are untouched.
 */
export async function importScan(prisma: PrismaClient, entityRef: string, scan: ParsedScan, now = new Date()): Promise<ImportResultRecord> {
  const { result, events } = await prisma.$transaction(
    async (tx) => {
      // Two imports of one entity and scanner at once would both insert the same new
      // findings; the second waits here instead and then sees the first's rows.
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', `security-import\n${entityRef}\n${scan.scanner}`);
      const stored = await tx.finding.findMany({
        where: { entityRef, scanner: scan.scanner },
        select: { id: true, fingerprint: true, state: true },
      });
      const byFingerprint = new Map(stored.map((row) => [row.fingerprint, row]));
      const reported = new Set(scan.findings.map((finding) => finding.fingerprint));

      const fresh = scan.findings.filter((finding) => !byFingerprint.has(finding.fingerprint));
      const seenAgain: SeenAgain[] = scan.findings.flatMap((finding) => {
        const row = byFingerprint.get(finding.fingerprint);
        const wasFixed = row?.state === 'fixed';
        return row ? [{ id: row.id, wasFixed, state: wasFixed ? 'open' : row.state, finding }] : [];
      });
      const reopened = seenAgain.filter((row) => row.wasFixed).length;
      const gone = stored.filter((row) => row.state === 'open' && !reported.has(row.fingerprint)).map((row) => row.id);

      if (fresh.length > 0) {
        await tx.finding.createMany({
          data: fresh.map((finding) => ({ ...finding, entityRef, scanner: scan.scanner, state: 'open', firstSeenAt: now, lastSeenAt: now })),
        });
      }
      if (seenAgain.length > 0) await refreshFindings(tx, seenAgain, now);
      if (gone.length > 0) {
        await tx.finding.updateMany({ where: { id: { in: gone } }, data: { state: 'fixed', fixedAt: now } });
      }
      const result = { scanner: scan.scanner, opened: fresh.length, updated: seenAgain.length - reopened, closed: gone.length, reopened };
      return { result, events: await recordCriticalFindings(tx, entityRef, fresh) };
    },
    // A large report is a few statements, but on a busy database they may queue.
    { timeout: 30_000 },
  );
  if (events > 0) announceEvents(SECURITY_SOURCE);
  return result;
}

/**
 * CRITICAL_VULNERABILITY on the change feed when an import opens at least one new critical
 * finding of the entity: one event per import, whatever their number (the subscriber's
 * selection reads the findings). A finding seen again, or reopened, is not new.
 */
async function recordCriticalFindings(tx: Transaction, entityRef: string, fresh: ScannedFinding[]): Promise<number> {
  if (!fresh.some((finding) => finding.severity === 'critical')) return 0;
  return recordEvents(tx, SECURITY_SOURCE, [{ ref: entityRef, change: 'CRITICAL_VULNERABILITY', fields: ['vulnerabilities'] }]);
}

/** Updates every finding reported again in one statement: new details, last seen now, reopened if it was fixed. */
async function refreshFindings(tx: Transaction, rows: SeenAgain[], now: Date): Promise<void> {
  const column = (pick: (row: SeenAgain) => string | null) => rows.map(pick);
  await tx.$executeRawUnsafe(
    `UPDATE findings SET
       state = seen.state,
       fixed_at = CASE WHEN seen.state = 'open' THEN NULL ELSE findings.fixed_at END,
       last_seen_at = $1,
       advisory_id = seen.advisory_id, package_name = seen.package_name,
       installed_version = seen.installed_version, vulnerable_range = seen.vulnerable_range,
       fixed_version = seen.fixed_version, severity = seen.severity, title = seen.title,
       url = seen.url, location = seen.location
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
       AS seen(id, state, advisory_id, package_name, installed_version, vulnerable_range, fixed_version, severity, title, url, location)
     WHERE findings.id = seen.id`,
    now,
    column((row) => row.id),
    column((row) => row.state),
    column((row) => row.finding.advisoryId),
    column((row) => row.finding.packageName),
    column((row) => row.finding.installedVersion),
    column((row) => row.finding.vulnerableRange),
    column((row) => row.finding.fixedVersion),
    column((row) => row.finding.severity),
    column((row) => row.finding.title),
    column((row) => row.finding.url),
    column((row) => row.finding.location),
  );
}
