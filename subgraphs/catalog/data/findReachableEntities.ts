import { manyInKeyOrder, type SqlReads } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { ENTITY_COLUMNS, entityRecordOf } from './entityColumns';
import { ENTITY_SUMMARY_COLUMNS, summaryRecordOf } from './entitySummary';
import { visibleTargetSql } from './entityFieldSql';
import type { EntityRecord } from './entityRecord';

/** A walk over the relation graph; the same for every start entity of one batch. */
export interface ReachQuery {
  /** Relation types followed, step after step, from the start. */
  follow: readonly string[];
  /** How many `follow` steps at most. */
  maxDepth: number;
  /**
   * When given, the answer is not the entities walked but the targets of one more step of
   * these types from the start or any entity walked: `Group.ownsTransitively` walks
   * `parentOf` and then takes `ownerOf` once.
   */
  finally?: readonly string[] | null;
  /** Only entities of these (lower-case) kinds in the answer; null for any. */
  kinds?: readonly string[] | null;
  /** Summary rows (entitySummary.ts): enough when only SUMMARY_FIELDS are asked of the answer. */
  summary?: boolean;
}

export const REACH_LIMITS = { depth: 10, results: 1000 };

const sql = Prisma.sql;

/**
 * For each start ref, the entities a walk reaches, nearest first then by ref, at most
 * `REACH_LIMITS.results`, in one query for the whole batch. Targets with no entity
 * (dangling relations) are walked through but not returned; the start itself is not returned.
 *
 * Cycles: the recursive CTE uses UNION over (start, entity, depth), so a row met again at
 * the same depth is dropped, and depth stops at `maxDepth`. Work is bounded by
 * depth x reachable entities per start. A visited-path array would also stop cycles, but
 * keeps one row per distinct path, and paths multiply at every diamond (user, groups,
 * members, groups...), so it is not used.
 */
export async function findReachableEntities(
  reads: SqlReads,
  starts: readonly string[],
  query: ReachQuery,
  readable: Prisma.Sql | null = null,
): Promise<EntityRecord[][]> {
  // With a permission condition, the walk neither returns nor passes through an entity
  // the caller may not read (it goes on through refs with no entity, as without one).
  const passable = visibleTargetSql(readable);
  const visible = readable ? sql`AND ${readable}` : Prisma.empty;
  const startRefs = [...new Set(starts)];
  const reached = query.finally
    ? sql`SELECT w.start_ref, r.target_ref AS ref, min(w.depth) + 1 AS depth
        FROM walk w JOIN relations r ON r.source_ref = w.ref AND r.type = ANY(${[...query.finally]}::text[])
        GROUP BY w.start_ref, r.target_ref`
    : sql`SELECT w.start_ref, w.ref, min(w.depth) AS depth FROM walk w WHERE w.ref <> w.start_ref GROUP BY w.start_ref, w.ref`;
  // A ref starts with its kind (`component:default/x`), so candidates of other kinds are
  // dropped before any entity row is read; e.kind still decides.
  const kinds = query.kinds ? sql`AND split_part(reached.ref, ':', 1) = ANY(${[...query.kinds]}::text[])` : Prisma.empty;
  const entityKinds = query.kinds ? sql`AND e.kind = ANY(${[...query.kinds]}::text[])` : Prisma.empty;
  // Per start, candidates are sorted on the walk's own columns first (OFFSET 0 keeps the
  // planner from joining before sorting), then entity rows are read in that order until
  // the page is full: a group owning 70,000 entities costs 1,000 entity reads, not 70,000.
  // The walk and the sort still see every candidate.
  const rows = await reads.query<Record<string, unknown> & { startRef: string }>(sql`
    WITH RECURSIVE walk(start_ref, ref, depth) AS (
      SELECT s.ref, s.ref, 0 FROM unnest(${startRefs}::text[]) AS s(ref)
      UNION
      SELECT w.start_ref, r.target_ref, w.depth + 1
      FROM walk w JOIN relations r ON r.source_ref = w.ref AND r.type = ANY(${[...query.follow]}::text[])
      WHERE w.depth < ${query.maxDepth}::int ${passable}
    ),
    reached(start_ref, ref, depth) AS (${reached})
    SELECT s.ref AS "startRef", page.*
    FROM unnest(${startRefs}::text[]) AS s(ref)
    CROSS JOIN LATERAL (
      SELECT ${query.summary ? ENTITY_SUMMARY_COLUMNS : ENTITY_COLUMNS}, candidate.depth AS "depth"
      FROM (
        SELECT reached.ref, reached.depth FROM reached
        WHERE reached.start_ref = s.ref ${kinds}
        ORDER BY reached.depth, reached.ref COLLATE "C"
        OFFSET 0
      ) AS candidate
      JOIN entities e ON e.ref = candidate.ref
      WHERE TRUE ${entityKinds} ${visible}
      ORDER BY candidate.depth, candidate.ref COLLATE "C"
      LIMIT ${REACH_LIMITS.results}::int
    ) AS page
    ORDER BY s.ref, page."depth", page."ref" COLLATE "C"`);
  const recordOf = query.summary ? summaryRecordOf : entityRecordOf;
  return manyInKeyOrder(starts, rows, (row) => row.startRef).map((group) => group.map(recordOf));
}
