import { InputError } from '../../../kit';

/** Where a run sits in the newest-first order: what a page cursor carries. */
export interface RunPosition {
  startedAt: Date;
  id: string;
}

/** An opaque cursor for a run: its start time and id (the order's tie-breaker), base64url. */
export function encodeRunCursor(run: RunPosition): string {
  return Buffer.from(JSON.stringify([run.startedAt.toISOString(), run.id])).toString('base64url');
}

/** Reads a cursor back; anything not made by `encodeRunCursor` is the caller's mistake. */
export function decodeRunCursor(cursor: string): RunPosition {
  try {
    const [startedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(startedAt as string);
    if (typeof startedAt === 'string' && typeof id === 'string' && !Number.isNaN(date.getTime())) return { startedAt: date, id };
  } catch {
    // Falls through to the error below: a malformed cursor is not a server fault.
  }
  throw new InputError(`"after" is not a cursor this field gave out: ${cursor}`);
}
