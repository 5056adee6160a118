import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** sha256 (hex) of each allowed operation's exact text → that text. */
export type PersistedDocuments = ReadonlyMap<string, string>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The manifest as `npm run generate` writes it: `{ "<sha256>": "<operation text>" }`. */
export function readPersistedDocuments(file: string): PersistedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the persisted documents manifest ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file} is not a persisted documents manifest`);
  const documents = new Map<string, string>();
  for (const [hash, text] of Object.entries(parsed)) {
    if (typeof text !== 'string' || sha256Hex(text) !== hash) throw new Error(`${file}: the entry ${hash} does not hash to its key`);
    documents.set(hash, text);
  }
  return documents;
}

/** Builds the manifest from operation texts (the clients' codegen documents). */
export function persistedDocumentsOf(texts: Iterable<string>): Record<string, string> {
  const manifest: Record<string, string> = {};
  for (const text of texts) manifest[sha256Hex(text)] = text;
  return manifest;
}
