import { describeEachDatabase, startTestSubgraphOn, type TestSubgraphOnDatabase } from '../../../kit/testing';
import { importDemoScans } from '../demo/importDemoScans';
import { securitySubgraph } from '../index';
import type { ParsedScan, ScannedFinding } from '../scans/scannedFinding';
import type { SecurityContext } from '../context';
import { dismissFinding } from './dismissFinding';
import { importScan } from './importScan';

const ENTITY = 'component:default/checkout-service';

function finding(advisoryId: string, severity: ScannedFinding['severity'] = 'high', packageName = 'lodash'): ScannedFinding {
  return {
    fingerprint: `${advisoryId}|${packageName}`,
    advisoryId,
    packageName,
    installedVersion: null,
    vulnerableRange: '<4.17.21',
    fixedVersion: '4.17.21',
    severity,
    title: `Advisory ${advisoryId}`,
    url: `https://github.com/advisories/${advisoryId}`,
    location: null,
  };
}

const scan = (...findings: ScannedFinding[]): ParsedScan => ({ scanner: 'npm-audit', findings });
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

describeEachDatabase('importScan', (kind) => {
  let security: TestSubgraphOnDatabase<SecurityContext>;
  let prisma: SecurityContext['prisma'];

  // One database per kind (starting PGlite is the slow part); each test starts empty.
  beforeAll(async () => {
    security = await startTestSubgraphOn(kind, securitySubgraph);
    prisma = security.subgraph.services.prisma;
  });

  afterAll(async () => {
    await security?.stop();
  });

  beforeEach(() => prisma.finding.deleteMany());

  const stored = () => prisma.finding.findMany({ where: { entityRef: ENTITY }, orderBy: { advisoryId: 'asc' } });

  it('opens every finding of a first scan', async () => {
    const result = await importScan(prisma, ENTITY, scan(finding('GHSA-a'), finding('GHSA-b', 'critical')), at(0));
    expect(result).toEqual({ scanner: 'npm-audit', opened: 2, updated: 0, closed: 0, reopened: 0 });
    const rows = await stored();
    expect(rows.map((row) => [row.advisoryId, row.severity, row.state])).toEqual([['GHSA-a', 'high', 'open'], ['GHSA-b', 'critical', 'open']]);
    expect(rows[0].firstSeenAt).toEqual(at(0));
    expect(rows[0].lastSeenAt).toEqual(at(0));
  });

  it('closes a finding the next scan no longer reports, and reopens it when it is back, without duplicates', async () => {
    await importScan(prisma, ENTITY, scan(finding('GHSA-a'), finding('GHSA-b')), at(0));

    const second = await importScan(prisma, ENTITY, scan(finding('GHSA-a')), at(5));
    expect(second).toEqual({ scanner: 'npm-audit', opened: 0, updated: 1, closed: 1, reopened: 0 });
    let rows = await stored();
    expect(rows.map((row) => [row.advisoryId, row.state, row.fixedAt])).toEqual([['GHSA-a', 'open', null], ['GHSA-b', 'fixed', at(5)]]);
    expect(rows[0].lastSeenAt).toEqual(at(5));
    expect(rows[1].lastSeenAt).toEqual(at(0));

    const third = await importScan(prisma, ENTITY, scan(finding('GHSA-a'), finding('GHSA-b', 'critical')), at(10));
    expect(third).toEqual({ scanner: 'npm-audit', opened: 0, updated: 1, closed: 0, reopened: 1 });
    rows = await stored();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ advisoryId: 'GHSA-b', state: 'open', fixedAt: null, severity: 'critical', firstSeenAt: at(0), lastSeenAt: at(10) });
  });

  it('publishes CRITICAL_VULNERABILITY when an import opens a new critical finding, once per import', async () => {
    const events = security.subgraph.events!;
    const head = (await events.read(-1, 1)).head;
    await importScan(prisma, ENTITY, scan(finding('GHSA-a'), finding('GHSA-b', 'critical'), finding('GHSA-c', 'critical')), at(0));
    // Seen again, closed, or reopened: not new.
    await importScan(prisma, ENTITY, scan(finding('GHSA-a'), finding('GHSA-b', 'critical')), at(1));
    await importScan(prisma, ENTITY, scan(finding('GHSA-a'), finding('GHSA-b', 'critical'), finding('GHSA-c', 'critical')), at(2));
    await importScan(prisma, ENTITY, scan(finding('GHSA-a'), finding('GHSA-d', 'high')), at(3));
    const page = await events.read(head, 100);
    expect(page.events.map((event) => [event.change, event.ref])).toEqual([['CRITICAL_VULNERABILITY', ENTITY]]);
  });

  it('changes nothing but last-seen times when the same scan comes again', async () => {
    await importScan(prisma, ENTITY, scan(finding('GHSA-a'), finding('GHSA-b')), at(0));
    const again = await importScan(prisma, ENTITY, scan(finding('GHSA-a'), finding('GHSA-b')), at(1));
    expect(again).toEqual({ scanner: 'npm-audit', opened: 0, updated: 2, closed: 0, reopened: 0 });
    expect(await prisma.finding.count()).toBe(2);
  });

  it('leaves other scanners and other entities alone', async () => {
    await importScan(prisma, ENTITY, scan(finding('GHSA-a')), at(0));
    await importScan(prisma, ENTITY, { scanner: 'trivy', findings: [finding('CVE-2023-45857', 'moderate', 'axios')] }, at(0));
    await importScan(prisma, 'component:default/web-shop', scan(finding('GHSA-a')), at(0));

    const result = await importScan(prisma, ENTITY, scan(), at(5));
    expect(result.closed).toBe(1);
    const open = await prisma.finding.findMany({ where: { state: 'open' }, orderBy: { scanner: 'asc' } });
    expect(open.map((row) => [row.entityRef, row.scanner])).toEqual([
      ['component:default/web-shop', 'npm-audit'],
      [ENTITY, 'trivy'],
    ]);
  });

  it('keeps a dismissed finding dismissed, whether the next scan reports it or not', async () => {
    await importScan(prisma, ENTITY, scan(finding('GHSA-a')), at(0));
    const [row] = await stored();
    await dismissFinding(prisma, row.id, 'Only reachable from tests', at(1));

    expect(await importScan(prisma, ENTITY, scan(finding('GHSA-a')), at(2))).toMatchObject({ updated: 1, reopened: 0 });
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: 'dismissed', lastSeenAt: at(2), dismissedReason: 'Only reachable from tests' });

    expect(await importScan(prisma, ENTITY, scan(), at(3))).toMatchObject({ closed: 0 });
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: 'dismissed', fixedAt: null });
  });

  it('writes nothing when any statement of an import fails: it is one transaction', async () => {
    await importScan(prisma, ENTITY, scan(finding('GHSA-a'), finding('GHSA-b')), at(0));
    // New GHSA-c is inserted first, then updating GHSA-a fails (PostgreSQL refuses NUL in text).
    const broken = { ...finding('GHSA-a'), title: 'bad \u0000 title' };
    await expect(importScan(prisma, ENTITY, scan(broken, finding('GHSA-c')), at(5))).rejects.toThrow();
    const rows = await stored();
    expect(rows.map((row) => [row.advisoryId, row.state, row.lastSeenAt])).toEqual([['GHSA-a', 'open', at(0)], ['GHSA-b', 'open', at(0)]]);
  });

  it('imports the demo scans again on every start without duplicating them', async () => {
    const first = await importDemoScans(prisma, at(0));
    const count = await prisma.finding.count();
    const second = await importDemoScans(prisma, at(1));
    expect(first.map((result) => result.opened)).toEqual([3, 8, 1]);
    expect(second.map((result) => [result.opened, result.updated, result.closed, result.reopened])).toEqual([[0, 3, 0, 0], [0, 8, 0, 0], [0, 1, 0, 0]]);
    expect(await prisma.finding.count()).toBe(count);
  });
});
