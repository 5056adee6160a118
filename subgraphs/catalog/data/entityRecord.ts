import type { Entity as EntityRow } from '../../../prisma/catalog/generated/client';

/** An entity as stored: what every Entity resolver starts from. */
export type EntityRecord = EntityRow;

/** The descriptor parts resolvers read, typed loosely: it was validated on the way in. */
export interface StoredDescriptor {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    title?: string;
    description?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    tags?: string[];
    links?: { url: string; title?: string; icon?: string; type?: string }[];
  };
  spec?: Record<string, unknown>;
}

export function descriptorOf(record: EntityRecord): StoredDescriptor {
  return record.descriptor as unknown as StoredDescriptor;
}
