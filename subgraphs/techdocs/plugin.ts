import { definePlugin } from '../../kit/plugin/definePlugin';

/** The TechDocs plugin's description of itself (kit/plugin/definePlugin.ts says what each part is for). */
export const plugin = definePlugin({
  name: 'techdocs',
  team: '@ensemble/docs-team',
  description: 'Documentation sites built from Markdown next to the code, their pages and a search over them.',
  port: 4004,
  settings: [
    { name: 'TECHDOCS_SOURCE_ROOTS', type: 'list', description: "folders docs may be built from, besides the demo's and each start-up location's folder (docs/hardening.md)" },
    { name: 'TECHDOCS_RECHECK_SECONDS', type: 'number', default: '10', description: 'how often an annotated docs folder is looked at again for changes (0: every request)' },
  ],
  demoData: 'Docs sites published for a few example components (demo/publishDemoDocs.ts).',
  client: { webCard: 'web/DocsCard.tsx' },
  codegen: {
    contextType: 'context#TechdocsContext',
    mappers: {
      Entity: 'data/entityKey#EntityKey',
      Documentation: 'data/docSiteRecord#DocSiteRecord',
      DocPage: 'data/docPageRecord#DocPageRecord',
      DocSearchHit: 'data/docSearchHitRecord#DocSearchHitRecord',
    },
  },
  load: async (settings = {}) => (await import('.')).createTechdocsSubgraph((await import('./techdocsSettings')).techdocsOptionsFrom(settings)),
});
