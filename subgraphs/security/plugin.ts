import { definePlugin } from '../../kit/plugin/definePlugin';

/** The security plugin's description of itself (kit/plugin/definePlugin.ts says what each part is for). */
export const plugin = definePlugin({
  name: 'security',
  team: '@ensemble/security-team',
  description: 'Vulnerability findings per entity, imported from npm audit and SARIF scans, and their summary.',
  port: 4003,
  settings: [],
  events: ['CRITICAL_VULNERABILITY'],
  demoData: 'Scans of three example components (demo/*.json).',
  codegen: {
    contextType: 'context#SecurityContext',
    mappers: {
      Entity: 'data/entityKey#EntityKey',
      Finding: 'data/findingRecord#FindingRecord',
      VulnerabilitySummary: 'data/summarizeFindings#VulnerabilitySummaryRecord',
      ImportResult: 'data/importScan#ImportResultRecord',
    },
  },
  load: async () => (await import('.')).securitySubgraph,
});
