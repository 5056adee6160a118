import { InputError } from '../../../kit';
import { normalizeEntityRef } from '../model/entityRef';

/** Where a page ended: the last entity's sort value (null when it had none) and ref. */
export interface EntityPosition {
  key: string | number | null;
  ref: string;
}

// A page encodes a cursor per edge: one reused buffer rather than one allocated per cursor.
const scratch = Buffer.alloc(1024);

/**
 * Cursors are opaque to clients but carry the ordering they belong to (`ordering`) and the
 * sort value, so the next page starts exactly after the last entity (keyset pagination)
 * without reading what came before, and a cursor from another ordering is refused.
 */
export function encodeEntityCursor(ordering: string, position: EntityPosition): string {
  const json = JSON.stringify([ordering, position.key, position.ref]);
  // A UTF-16 code unit is at most 3 bytes of UTF-8: a longer cursor gets a buffer of its own.
  if (json.length * 3 > scratch.length) return Buffer.from(json, 'utf8').toString('base64url');
  return scratch.toString('base64url', 0, scratch.write(json, 0, 'utf8'));
}

export function decodeEntityCursor(cursor: string, ordering: string, keyType: 'string' | 'number' | 'none'): EntityPosition {
  const refuse = (why: string) => new InputError(`"after" is not a cursor of this ordering (${why}); pass an endCursor this query returned`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse('unreadable');
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw refuse('unreadable');
  const [from, key, ref] = decoded as unknown[];
  if (from !== ordering) throw refuse(`it belongs to ordering ${JSON.stringify(from)}`);
  if (typeof ref !== 'string' || normalizeEntityRef(ref) !== ref) throw refuse('bad ref');
  const keyOk =
    keyType === 'none' ? key === null : keyType === 'number' ? typeof key === 'number' && Number.isFinite(key) : key === null || typeof key === 'string';
  if (!keyOk) throw refuse('bad sort value');
  return { key: key as EntityPosition['key'], ref };
}
