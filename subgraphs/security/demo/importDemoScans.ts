import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../../../prisma/security/generated/client';
import { importScan, type ImportResultRecord } from '../data/importScan';
import { parseNpmAudit } from '../scans/parseNpmAudit';
import { parseSarif } from '../scans/parseSarif';

/** Scanner output for components of the demo catalog (demo/catalog), one file per scan. */
export const DEMO_SCANS = [
  { entityRef: 'component:default/checkout-service', format: 'npm-audit', file: 'checkout-service.npm-audit.json' },
  { entityRef: 'component:default/legacy-checkout', format: 'npm-audit', file: 'legacy-checkout.npm-audit.json' },
  { entityRef: 'component:default/web-shop', format: 'sarif', file: 'web-shop.trivy.sarif.json' },
] as const;

/**
 * Imports the demo scans through the same parsers and import as the mutations. Running
 * it again (every restart of a demo) re-imports the same scans: findings are updated,
 * never duplicated.
 */
export async function importDemoScans(prisma: PrismaClient, now = new Date()): Promise<ImportResultRecord[]> {
  const results: ImportResultRecord[] = [];
  for (const scan of DEMO_SCANS) {
    const text = readFileSync(path.join(__dirname, scan.file), 'utf8');
    const parsed = scan.format === 'npm-audit' ? parseNpmAudit(text) : parseSarif(text);
    results.push(await importScan(prisma, scan.entityRef, parsed, now));
  }
  return results;
}
