import { definePlugin } from '../../kit/plugin/definePlugin';

/** The core catalog, declared like any plugin: entry points and tools read this, never the folder. */
export const plugin = definePlugin({
  name: 'catalog',
  team: '@ensemble/catalog-team',
  description: "The software catalog: Backstage's entity model, its relations, locations and ingestion.",
  port: 4001,
  settings: [
    { name: 'CATALOG_READ_ALLOW', type: 'list', description: 'hosts URL locations may be read from, comma-separated (`github.com,*.example.com`)' },
    { name: 'CATALOG_LOCAL_ROOTS', type: 'list', description: "folders local descriptor files may be read from, besides the demo's and each start-up location's (docs/hardening.md)" },
    { name: 'CATALOG_ALLOWED_KINDS', type: 'list', description: "the only kinds accepted, like Backstage's `catalog.rules` (every kind when unset)" },
    { name: 'CATALOG_EXPERIMENTAL_KINDS', type: 'boolean', description: "`true` applies Backstage's opt-in experimental kind schemas" },
    { name: 'CATALOG_REFRESH_SECONDS', type: 'number', default: '120', description: 'how often locations are read again (0: never)' },
    { name: 'CATALOG_EVENTS_RETENTION_DAYS', type: 'number', default: '30', description: 'how long change-feed events, and with them entity history, are kept (pruned hourly; docs/feed.md)' },
    { name: 'CATALOG_ORPHANS', type: 'string', default: 'delete', description: '`delete` (removed one refresh after they are marked) or `keep`' },
  ],
  demoData: "Backstage's example catalog (demo/), registered as a location.",
  events: ['CREATED', 'UPDATED', 'DELETED', 'ORPHANED'],
  codegen: {
    contextType: 'context#CatalogContext',
    mappers: {
      Entity: 'data/entityRecord#EntityRecord',
      Component: 'data/entityRecord#EntityRecord',
      API: 'data/entityRecord#EntityRecord',
      System: 'data/entityRecord#EntityRecord',
      Domain: 'data/entityRecord#EntityRecord',
      Resource: 'data/entityRecord#EntityRecord',
      Group: 'data/entityRecord#EntityRecord',
      User: 'data/entityRecord#EntityRecord',
      Location: 'data/entityRecord#EntityRecord',
      Template: 'data/entityRecord#EntityRecord',
      GenericEntity: 'data/entityRecord#EntityRecord',
      Relation: 'data/relationRecord#RelationRecord',
      EntityConnection: 'data/listEntities#EntityPage',
      CatalogLocation: 'data/locationRecord#LocationRecord',
      ApplyResult: 'ingestion/applyDescriptors#ApplyOutcome',
      ImpliedRelation: 'model/deriveRelations#DerivedRelation',
      EntityChange: 'changes/changeQueries#ChangeRecord',
      EntityVersion: 'changes/changeQueries#VersionRecord',
    },
  },
  load: async (settings = {}) => (await import('.')).createCatalogSubgraph((await import('./catalogSettings')).catalogOptionsFrom(settings)),
});
