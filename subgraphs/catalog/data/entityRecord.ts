import type { Entity as EntityRow } from '../../../prisma/catalog/generated/client';
import type { Entity } from '../model/entityTypes';

/** An entity as stored: what every Entity resolver starts from. */
export type EntityRecord = EntityRow;

/** The stored descriptor: it passed validateEntity on the way in. */
export function descriptorOf(record: EntityRecord): Entity {
  return record.descriptor as unknown as Entity;
}
