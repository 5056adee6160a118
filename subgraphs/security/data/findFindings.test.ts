import { describeEachDatabase, startTestSubgraphOn, type TestSubgraphOnDatabase } from '../../../kit/testing';
import type { SecurityContext } from '../context';
import { securitySubgraph } from '../index';
import type { ScannedFinding } from '../scans/scannedFinding';
import type { Severity } from '../scans/severity';
import { findFindings } from './findFindings';
import type { FindingFilter } from './findingFilter';
import { importScan } from './importScan';

const SHOP = 'component:default/web-shop';
const CHECKOUT = 'component:default/checkout-service';
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

function finding(advisoryId: string, severity: Severity): ScannedFinding {
  return {
    fingerprint: advisoryId, advisoryId, packageName: 'pkg', installedVersion: null, vulnerableRange: null,
    fixedVersion: null, severity, title: advisoryId, url: null, location: null,
  };
}

const filter = (overrides: Partial<FindingFilter> = {}): FindingFilter => ({ state: 'open', severities: null, order: 'severity', first: 20, ...overrides });

describeEachDatabase('findFindings', (kind) => {
  let security: TestSubgraphOnDatabase<SecurityContext>;
  let prisma: SecurityContext['prisma'];

  beforeAll(async () => {
    security = await startTestSubgraphOn(kind, securitySubgraph);
    prisma = security.subgraph.services.prisma;
    // Seen in this order: low first, critical last; then `old-high` disappears (fixed).
    const scans: [string, Severity][][] = [
      [['low-1', 'low'], ['old-high', 'high']],
      [['low-1', 'low'], ['old-high', 'high'], ['moderate-1', 'moderate'], ['info-1', 'info']],
      [['low-1', 'low'], ['moderate-1', 'moderate'], ['info-1', 'info'], ['critical-1', 'critical'], ['high-1', 'high']],
    ];
    for (const [index, found] of scans.entries()) {
      await importScan(prisma, SHOP, { scanner: 'npm-audit', findings: found.map(([id, severity]) => finding(id, severity)) }, at(index));
    }
    await importScan(prisma, CHECKOUT, { scanner: 'npm-audit', findings: [finding('checkout-high', 'high'), finding('checkout-low', 'low')] }, at(0));
  });

  afterAll(async () => {
    await security?.stop();
  });

  const ids = async (refs: string[], overrides: Partial<FindingFilter> = {}) =>
    (await findFindings(security.subgraph.services.reads, refs, filter(overrides))).map((rows) => rows.map((row) => row.advisoryId));

  it('lists open findings most severe first (critical > high > moderate > low > info)', async () => {
    expect(await ids([SHOP])).toEqual([['critical-1', 'high-1', 'moderate-1', 'low-1', 'info-1']]);
  });

  it('lists newest first on request, most severe first among equals', async () => {
    expect(await ids([SHOP], { order: 'newest' })).toEqual([['critical-1', 'high-1', 'moderate-1', 'info-1', 'low-1']]);
  });

  it('takes the first N of each entity, in one query for all of them, in key order', async () => {
    expect(await ids([CHECKOUT, 'component:default/unknown', SHOP], { first: 2 })).toEqual([
      ['checkout-high', 'checkout-low'],
      [],
      ['critical-1', 'high-1'],
    ]);
  });

  it('filters by severity and by state; a null state means every state', async () => {
    expect(await ids([SHOP], { severities: ['high', 'info'] })).toEqual([['high-1', 'info-1']]);
    expect(await ids([SHOP], { state: 'fixed' })).toEqual([['old-high']]);
    expect(await ids([SHOP], { state: null, severities: ['high'] })).toEqual([['high-1', 'old-high']]);
  });
});
