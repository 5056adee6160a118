import { existsSync, readdirSync } from 'node:fs';

/** Prisma's folder name: `<UTC yyyymmddhhmmss>_<name>`. */
const FOLDER = /^(\d{14})_/;
/** Lower-case words joined by `_`, as Prisma's own names are; bounded so a folder name stays short. */
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

export class MigrationNameError extends Error {}

/**
 * The next migration's folder name in `migrationsDir`: stamped `now` (UTC), or one second
 * after the newest existing migration when the clock is behind it, so that migrations
 * always apply in the order they were written.
 */
export function nextMigrationName(migrationsDir: string, name: string, now: Date): string {
  if (!NAME.test(name)) throw new MigrationNameError(`Migration name "${name}" must be lower-case letters, digits and _, starting with a letter (at most 63)`);
  const stamps = existsSync(migrationsDir)
    ? readdirSync(migrationsDir).map((folder) => FOLDER.exec(folder)?.[1]).filter((stamp): stamp is string => stamp !== undefined).sort()
    : [];
  let stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const newest = stamps.at(-1);
  if (newest && stamp <= newest) stamp = secondAfter(newest);
  return `${stamp}_${name}`;
}

function secondAfter(stamp: string): string {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp)!;
  const next = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) + 1000);
  return next.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
