import type { Prisma, PrismaClient } from '../../../prisma/catalog/generated/client';
import { InputError } from '../../../kit';
import { normalizeEntityRef } from '../model/entityRef';
import type { EntityRecord } from './entityRecord';

export interface EntityFilterInput {
  kind?: readonly string[] | null;
  namespace?: readonly string[] | null;
  type?: readonly string[] | null;
  lifecycle?: readonly string[] | null;
  owner?: readonly string[] | null;
  tags?: readonly string[] | null;
}

/** One page of a listing, and what is needed to count the whole listing on demand. */
export interface EntityPage {
  records: EntityRecord[];
  hasNextPage: boolean;
  where: Prisma.EntityWhereInput;
}

export const MAX_PAGE_SIZE = 500;

/** Keyset pagination in ref order: a page costs the same at the start and at the 100,000th entity. */
export async function listEntities(
  prisma: PrismaClient,
  options: { filter?: EntityFilterInput | null; first?: number | null; after?: string | null },
): Promise<EntityPage> {
  const first = options.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InputError(`"first" must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  const where = entityWhere(options.filter ?? {});
  const after = options.after ? decodeCursor(options.after) : undefined;
  const rows = await prisma.entity.findMany({
    where: after === undefined ? where : { AND: [where, { ref: { gt: after } }] },
    orderBy: { ref: 'asc' },
    take: first + 1,
  });
  return { records: rows.slice(0, first), hasNextPage: rows.length > first, where };
}

export function countEntities(prisma: PrismaClient, where: Prisma.EntityWhereInput): Promise<number> {
  return prisma.entity.count({ where });
}

export function encodeCursor(ref: string): string {
  return Buffer.from(ref, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const ref = Buffer.from(cursor, 'base64url').toString('utf8');
  if (normalizeEntityRef(ref) !== ref) throw new InputError(`"after" is not a cursor this API gave out: ${cursor}`);
  return ref;
}

function entityWhere(filter: EntityFilterInput): Prisma.EntityWhereInput {
  const lower = (values: readonly string[]) => values.map((value) => value.toLowerCase());
  const conditions: Prisma.EntityWhereInput[] = [];
  if (filter.kind) conditions.push({ kind: { in: lower(filter.kind) } });
  if (filter.namespace) conditions.push({ namespace: { in: lower(filter.namespace) } });
  if (filter.type) conditions.push({ type: { in: lower(filter.type) } });
  if (filter.lifecycle) conditions.push({ lifecycle: { in: lower(filter.lifecycle) } });
  if (filter.owner) conditions.push({ ownerRef: { in: filter.owner.map(ownerRef) } });
  if (filter.tags?.length) conditions.push({ tags: { hasEvery: lower(filter.tags) } });
  return { AND: conditions };
}

/** Owners are written as short refs in descriptors and filters alike: `team-a` is a group. */
function ownerRef(value: string): string {
  const ref = normalizeEntityRef(value.includes(':') ? value : `group:${value}`);
  if (!ref) throw new InputError(`"${value}" is not an entity ref`);
  return ref;
}
