import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { isDynamicPattern } from 'tinyglobby';
import type { PrismaClient } from '../../../../prisma/catalog/generated/client';
import type { LocationRecord } from '../../data/locationRecord';
import { isUrl, type SourceReader } from '../sourceReader';


/**
 * What a location looks like without reading it, hashed: for files, the path, modification
 * time and size of every file it lists and every file its last read recorded; for a URL,
 * each recorded URL's validator (its ETag, or Last-Modified and length, asked with HEAD).
 * Equal to the stamp taken before the last complete read means nothing changed, so a due
 * read can be skipped. Null, so always read, wherever that would not be sure: a server
 * that gives no validator, a file not stored whole (placeholders reach files outside the
 * listing), a location with Location entities (their targets may too), errors or orphans
 * waiting.
 */
export async function sourceStamp(prisma: PrismaClient, location: LocationRecord, reader: SourceReader): Promise<string | null> {
  if (location.type !== 'file' && location.type !== 'url') return null;
  const where = { locationId: location.id };
  const [recorded, errors, pending] = await Promise.all([
    prisma.locationFile.findMany({ where, select: { file: true } }),
    prisma.ingestionError.count({ where }),
    prisma.entity.count({ where: { ...where, OR: [{ orphanedAt: { not: null } }, { kind: { equals: 'location', mode: 'insensitive' } }] } }),
  ]);
  if (errors || pending || !recorded.length) return null;
  const listed = location.type === 'file' && isDynamicPattern(location.target) ? await reader.list(location.target) : [location.target];
  const whole = new Set(recorded.map((row) => row.file));
  if (listed.some((file) => !whole.has(file))) return null;
  const hash = createHash('sha256');
  for (const file of [...new Set([...listed, ...whole])].sort()) {
    const version = isUrl(file) ? await reader.validator?.(file) : await fileVersion(file);
    if (!version) return null;
    hash.update(`${file}\0${version}\n`);
  }
  return hash.digest('hex');
}

async function fileVersion(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  return info ? `${info.mtimeMs}\0${info.size}` : 'missing';
}
