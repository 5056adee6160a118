import { describeEachDatabase, startTestSubgraphOn, type TestSubgraphOnDatabase } from '../../../kit/testing';
import type { SecurityContext } from '../context';
import { securitySubgraph } from '../index';
import type { ScannedFinding } from '../scans/scannedFinding';
import type { Severity } from '../scans/severity';
import { importScan } from './importScan';
import { summarizeFindings } from './summarizeFindings';

const SHOP = 'component:default/web-shop';
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

function finding(advisoryId: string, severity: Severity): ScannedFinding {
  return {
    fingerprint: advisoryId, advisoryId, packageName: 'pkg', installedVersion: null, vulnerableRange: null,
    fixedVersion: null, severity, title: advisoryId, url: null, location: null,
  };
}

describeEachDatabase('summarizeFindings', (kind) => {
  let security: TestSubgraphOnDatabase<SecurityContext>;
  let prisma: SecurityContext['prisma'];

  beforeAll(async () => {
    security = await startTestSubgraphOn(kind, securitySubgraph);
    prisma = security.subgraph.services.prisma;
  });

  afterAll(async () => {
    await security?.stop();
  });

  it('counts open findings by severity and names the oldest open critical one', async () => {
    const npm = (findings: ScannedFinding[], minute: number) => importScan(prisma, SHOP, { scanner: 'npm-audit', findings }, at(minute));
    await npm([finding('fixed-critical', 'critical')], 0);
    await npm([finding('critical-old', 'critical'), finding('high-1', 'high')], 1);
    await npm([finding('critical-old', 'critical'), finding('high-1', 'high'), finding('critical-new', 'critical'), finding('low-1', 'low')], 2);
    await importScan(prisma, SHOP, { scanner: 'trivy', findings: [finding('moderate-1', 'moderate'), finding('info-1', 'info')] }, at(3));

    const [summary, empty] = await summarizeFindings(security.subgraph.services.reads, [SHOP, 'component:default/clean']);
    expect(summary).toMatchObject({ critical: 2, high: 1, moderate: 1, low: 1, info: 1, total: 6 });
    expect(summary.oldestOpenCritical).toMatchObject({ advisoryId: 'critical-old', state: 'open', firstSeenAt: at(1) });
    expect(empty).toEqual({ critical: 0, high: 0, moderate: 0, low: 0, info: 0, total: 0, oldestOpenCritical: null });
  });
});
