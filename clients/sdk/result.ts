import type { ClientError } from './clientErrors';

/**
 * What every request gives back instead of throwing. On failure `data` holds whatever
 * the server answered despite the error (partial data, e.g. the catalog's fields when a
 * plugin is down), or null when nothing usable came back.
 */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ClientError; data: T | null };
