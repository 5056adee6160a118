import { EventCursorError } from './eventTypes';

/** A position per source: `{ catalog: 123, cicd: 45 }`; -1 means "that source's head, once it answers". */
export type FeedPositions = Readonly<Record<string, number>>;

const MAX_CURSOR_CHARS = 2_048;
const MAX_SOURCES = 50;

/** The opaque cursor clients hold: base64url of the positions' JSON. */
export function encodeFeedCursor(positions: FeedPositions): string {
  return Buffer.from(JSON.stringify(positions), 'utf8').toString('base64url');
}

/** Reads a cursor back; anything that is not one this feed made is a clear input error. */
export function decodeFeedCursor(cursor: string): FeedPositions {
  const bad = (why: string) => new EventCursorError(`"after" is not a change-feed cursor (${why}): pass a cursor this feed returned, or none`);
  if (cursor.length > MAX_CURSOR_CHARS) throw bad(`longer than ${MAX_CURSOR_CHARS} characters`);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad('not base64url');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not JSON inside');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not an object of positions');
  const entries = Object.entries(value);
  if (entries.length > MAX_SOURCES) throw bad(`more than ${MAX_SOURCES} sources`);
  for (const [source, position] of entries) {
    if (!/^[a-z][a-z0-9]{0,63}$/.test(source)) throw bad(`"${source.slice(0, 64)}" is not a source name`);
    if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < -1) throw bad(`the position of ${source} is not an integer from -1`);
  }
  return value as FeedPositions;
}
