import type { SdkEntitiesByRefsQuery, SdkEntitiesQuery } from '../generated/graphql';

/** An entity as listings give it (`client.entities`): catalog fields, spec and owner refs. */
export type EntitySummary = SdkEntitiesQuery['entities']['edges'][number]['node'];

/** An entity as batched look-ups give it (`client.entity`): catalog fields, spec and every relation. */
export type EntityRecord = NonNullable<SdkEntitiesByRefsQuery['entitiesByRefs'][number]>;

/** A string at `spec.<key>`, or null: spec is free-form JSON, so nothing else is trusted. */
export function specString(spec: unknown, key: string): string | null {
  if (!spec || typeof spec !== 'object') return null;
  const value = (spec as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}
