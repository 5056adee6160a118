/**
 * The shape of a catalog entity, as Backstage's Entity / EntityMeta types
 * describe it (packages/catalog-model/src/entity/Entity.ts).
 *
 * These are the types of an entity that passed validateEntity; raw input is
 * `unknown` until then.
 */

/** A link in metadata.links; only url is required. */
export interface EntityLink {
  url: string;
  title?: string;
  icon?: string;
  type?: string;
}

/**
 * metadata of every entity. Backstage allows unknown metadata fields
 * (its schema has additionalProperties: true), hence the index signature.
 */
export interface EntityMeta {
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tags?: string[];
  links?: EntityLink[];
  uid?: string;
  etag?: string;
  [field: string]: unknown;
}

/** A directed relation; targetRef is always a canonical ref (see stringifyEntityRef). */
export interface EntityRelation {
  type: string;
  targetRef: string;
}

/** One status entry, as in Backstage's common#statusItem schema. */
export interface EntityStatusItem {
  type: string;
  level: 'info' | 'warning' | 'error';
  message: string;
  error?: { name: string; message: string; code?: string; stack?: string };
}

export interface EntityStatus {
  items?: EntityStatusItem[];
  [field: string]: unknown;
}

export interface Entity {
  apiVersion: string;
  kind: string;
  metadata: EntityMeta;
  spec?: Record<string, unknown>;
  relations?: EntityRelation[];
  status?: EntityStatus;
}
