import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A plugin's `prisma/<name>/known-drift.sql`: the diff its migrations always show because
 * `schema.prisma` cannot describe what they built (e.g. the catalog's GENERATED ALWAYS
 * columns, which Prisma reads as `Unsupported(...)` with no expression). A diff equal to it,
 * comments and spacing aside, is no change; any other diff is returned whole, for review.
 */
export function withoutKnownDrift(prismaDir: string, sql: string | null): { sql: string | null; knownDrift: boolean } {
  const file = path.join(prismaDir, 'known-drift.sql');
  if (sql === null || !existsSync(file)) return { sql, knownDrift: false };
  const known = normalize(readFileSync(file, 'utf8'));
  if (normalize(sql) === known) return { sql: null, knownDrift: true };
  return { sql, knownDrift: known.length > 0 };
}

function normalize(sql: string): string {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
