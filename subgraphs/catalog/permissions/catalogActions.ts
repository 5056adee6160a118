/**
 * The catalog's actions, named as Backstage names its catalog permissions. Reads of
 * entities and the entity writes that name one entity take conditional decisions (they
 * become SQL); the others are basic: only an unconditional ALLOW lets them through.
 */
export const CATALOG_ACTIONS = {
  /** Every entity read: lists, counts, facets, lookups, relations, walks, `_entities`. */
  entityRead: 'catalog.entity.read',
  /** `applyEntities` (basic). */
  entityCreate: 'catalog.entity.create',
  /**
   * `applyEntities` of an entity that exists (conditional: the stored entity must match).
   * Backstage has no such action (its catalog is written from locations only); without it
   * a caller allowed to create could take over any entity by writing it again.
   */
  entityUpdate: 'catalog.entity.update',
  /** `removeEntity` (conditional: the entity must match), `unregisterLocation` (every entity of the location must match). */
  entityDelete: 'catalog.entity.delete',
  /** `refreshEntity` (conditional), `refreshLocation` (basic). */
  entityRefresh: 'catalog.entity.refresh',
  /** `registerLocation` (basic). */
  locationCreate: 'catalog.location.create',
  /** `locations`, `ingestionErrors` (basic; denied reads are empty lists). */
  locationRead: 'catalog.location.read',
  /** Registering, listing and removing one's own webhooks, their log and redelivery (basic). */
  webhookManage: 'catalog.webhook.manage',
} as const;
