import { GraphQLError } from 'graphql';

/** A position per source: how far a reader has come in each source's event log. */
export type FeedPositions = Record<string, number>;

/** A cursor is small; anything longer is not one of ours. */
const MAX_CURSOR_LENGTH = 2_048;
const MAX_SOURCES = 64;

/**
 * Reads the merged feed's opaque cursor (kit/events: base64url JSON `{catalog: 123, cicd: 45}`)
 * into positions. A malformed cursor is the caller's input error, never a crash.
 */
export function decodeFeedCursor(cursor: string): FeedPositions {
  const bad = (why: string) => new GraphQLError(`Invalid feed cursor: ${why}`, { extensions: { code: 'BAD_USER_INPUT' } });
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) throw bad(`expected 1 to ${MAX_CURSOR_LENGTH} characters`);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad('not base64url');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw bad('expected an object of positions');
  const entries = Object.entries(parsed);
  if (entries.length > MAX_SOURCES) throw bad(`more than ${MAX_SOURCES} sources`);
  const positions: FeedPositions = {};
  for (const [source, position] of entries) {
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(source)) throw bad(`unknown source name ${JSON.stringify(source.slice(0, 64))}`);
    if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) throw bad(`position of ${source} is not a whole number`);
    positions[source] = position;
  }
  return positions;
}

export function encodeFeedCursor(positions: FeedPositions): string {
  return Buffer.from(JSON.stringify(positions), 'utf8').toString('base64url');
}

/** True when `positions` has already passed this source's position: the event was seen. */
export function alreadySeen(positions: FeedPositions, source: string, position: number): boolean {
  return position <= (positions[source] ?? 0);
}
