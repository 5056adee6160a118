import type { CheckReport } from './runChecks';

/** A check report as a CI log reads it: composition, then each breaking change and the operations it breaks. */
export function formatCheckReport(report: CheckReport): string {
  const lines: string[] = [];
  if (!report.composition.ok) {
    lines.push(`✗ composition: ${report.subgraph} does not compose with the published subgraphs`);
    for (const error of report.composition.errors) lines.push(`    ${error}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push('✓ composition');
  if (report.unchanged) lines.push('  the schema and URL are the published ones');
  const breaking = report.breaking;
  const used = breaking.filter((change) => change.operations.length);
  lines.push(breaking.length ? `${used.length ? '✗' : '✓'} breaking changes: ${breaking.length}, ${used.length} used by operations (window: ${report.windowDays} days)` : '✓ no breaking changes');
  for (const change of breaking) {
    lines.push(`  ${change.operations.length ? '✗' : '·'} ${change.message}${change.operations.length ? '' : ' (unused)'}`);
    for (const operation of change.operations) {
      const seen = operation.source === 'traffic' ? `${operation.count} request(s) from ${operation.clients.join(', ')}` : `persisted document of ${operation.clients.join(', ')}`;
      lines.push(`      ${operation.name} (${operation.hash.slice(0, 12)}): ${seen}`);
    }
  }
  const others = report.changes.filter((change) => change.criticality !== 'BREAKING');
  if (others.length) lines.push(`  other changes: ${others.length}`, ...others.map((change) => `  · ${change.message}`));
  return `${lines.join('\n')}\n`;
}
