import { Prisma, type PrismaClient } from '../../../../prisma/catalog/generated/client';

/**
 * The database side of reading locations from several catalog replicas (one row per
 * location in `location_read_state`; docs/operations.md, "Ingestion across replicas").
 * Every time is the database's, in UTC, so replicas with skewed clocks still agree.
 */
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

const millis = (ms: number) => Prisma.sql`(${Math.round(ms)}::double precision * interval '1 millisecond')`;

export interface LeaseTerms {
  /** Who claims: unique per process. */
  replica: string;
  /** How long the claim holds without a heartbeat. */
  leaseMs: number;
  /** The wait before a retry after the first failed (or abandoned) read; doubled per failure. */
  backoffMs: number;
  /** The longest wait between retries. */
  maxBackoffMs: number;
}

export interface ClaimedRead {
  locationId: string;
  /** The source's stamp at the last complete read (see sourceStamp). */
  sourceStamp: string | null;
  /** Reads started since the last one that finished, this one included. */
  attempts: number;
  /** The replica whose lease ran out, when this claim takes a dead reader's read over. */
  tookOverFrom: string | null;
}

/**
 * The next due time is pushed to the retry's at claim time, before the read starts: a
 * replica that dies mid-read leaves the location due again once its lease runs out and
 * the backoff passed, with nothing else to clean up.
 */
const claimAssignments = (terms: LeaseTerms) => Prisma.sql`
  claimed_by = ${terms.replica},
  lease_until = ${NOW} + ${millis(terms.leaseMs)},
  attempts = s.attempts + 1,
  next_read_at = ${NOW} + ${millis(terms.backoffMs)} * LEAST(power(2, LEAST(s.attempts, 30)), ${Math.max(1, terms.maxBackoffMs / terms.backoffMs)}::double precision)`;

/** A location is registered for reading; due now when `dueNow`, else left as it is. */
export async function trackLocation(prisma: PrismaClient, locationId: string, dueNow: boolean): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO location_read_state (location_id, next_read_at) VALUES (${locationId}, ${NOW})
    ON CONFLICT (location_id) DO ${dueNow ? Prisma.sql`UPDATE SET next_read_at = ${NOW}` : Prisma.sql`NOTHING`}`;
}

/**
 * Claims the location due longest, if any: `FOR UPDATE SKIP LOCKED` lets replicas
 * claiming at the same moment pass over each other's rows instead of waiting, and the
 * lease keeps the row away from them once the statement commits.
 */
export async function claimDueLocation(prisma: PrismaClient, terms: LeaseTerms): Promise<ClaimedRead | null> {
  const rows = await prisma.$queryRaw<ClaimRow[]>`
    WITH due AS (
      SELECT location_id, claimed_by AS previous FROM location_read_state
      WHERE next_read_at <= ${NOW} AND (lease_until IS NULL OR lease_until < ${NOW})
      ORDER BY next_read_at LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    UPDATE location_read_state s SET ${claimAssignments(terms)}
    FROM due WHERE s.location_id = due.location_id
    RETURNING s.location_id, s.attempts, s.source_stamp, due.previous`;
  return rows.length ? claimed(rows[0]) : null;
}

/** Claims one location whatever its due time (a read someone asked for); null while another replica holds it. */
export async function claimLocation(prisma: PrismaClient, locationId: string, terms: LeaseTerms): Promise<ClaimedRead | null> {
  await trackLocation(prisma, locationId, false);
  const rows = await prisma.$queryRaw<ClaimRow[]>`
    WITH free AS (
      SELECT location_id, claimed_by AS previous FROM location_read_state
      WHERE location_id = ${locationId} AND (lease_until IS NULL OR lease_until < ${NOW} OR claimed_by = ${terms.replica})
      FOR UPDATE
    )
    UPDATE location_read_state s SET ${claimAssignments(terms)}
    FROM free WHERE s.location_id = free.location_id
    RETURNING s.location_id, s.attempts, s.source_stamp, free.previous`;
  return rows.length ? claimed(rows[0]) : null;
}

/** The reader's heartbeat: false when the lease was lost (it ran out and another replica took the read). */
export async function renewLease(prisma: PrismaClient, locationId: string, terms: LeaseTerms): Promise<boolean> {
  const renewed = await prisma.$executeRaw`
    UPDATE location_read_state SET lease_until = ${NOW} + ${millis(terms.leaseMs)}
    WHERE location_id = ${locationId} AND claimed_by = ${terms.replica}`;
  return renewed > 0;
}

/**
 * Gives the claim back. After a read that finished, the location is due again after
 * `nextInMs` (the caller spreads it); after a failure, at the backoff set when it was
 * claimed. A replica that lost its lease changes nothing.
 */
export async function releaseLocation(
  prisma: PrismaClient,
  locationId: string,
  terms: LeaseTerms,
  outcome: { nextInMs: number; sourceStamp?: string | null; skipped?: boolean } | { error: string },
): Promise<void> {
  const finished =
    'nextInMs' in outcome
      ? Prisma.sql`attempts = 0, last_error = NULL, next_read_at = ${NOW} + ${millis(outcome.nextInMs)}${
          outcome.skipped ? Prisma.empty : Prisma.sql`, last_read_at = ${NOW}, source_stamp = ${outcome.sourceStamp ?? null}`
        }`
      : Prisma.sql`last_error = ${outcome.error.slice(0, 2_000)}`;
  await prisma.$executeRaw`
    UPDATE location_read_state SET claimed_by = NULL, lease_until = NULL, ${finished}
    WHERE location_id = ${locationId} AND claimed_by = ${terms.replica}`;
}

export interface ReadBacklog {
  /** Locations due and not being read. */
  due: number;
  /** Locations a replica is reading now. */
  reading: number;
  /** How long the location due longest has waited, in seconds (0 when none waits). */
  lagSeconds: number;
}

/** What the dashboards show: the queue's depth and how late it runs. */
export async function readBacklog(prisma: PrismaClient): Promise<ReadBacklog> {
  const [row] = await prisma.$queryRaw<{ due: bigint; reading: bigint; lag: number | null }[]>`
    SELECT
      count(*) FILTER (WHERE next_read_at <= ${NOW} AND (lease_until IS NULL OR lease_until < ${NOW})) AS due,
      count(*) FILTER (WHERE lease_until >= ${NOW}) AS reading,
      EXTRACT(EPOCH FROM ${NOW} - min(next_read_at) FILTER (WHERE next_read_at <= ${NOW} AND (lease_until IS NULL OR lease_until < ${NOW})))::double precision AS lag
    FROM location_read_state`;
  return { due: Number(row.due), reading: Number(row.reading), lagSeconds: Math.max(0, row.lag ?? 0) };
}

interface ClaimRow {
  location_id: string;
  source_stamp: string | null;
  attempts: number;
  previous: string | null;
}

function claimed(row: ClaimRow): ClaimedRead {
  return { locationId: row.location_id, attempts: Number(row.attempts), tookOverFrom: row.previous, sourceStamp: row.source_stamp };
}

/**
 * Makes every location whose target starts with one of `prefixes` due now, with its stamp
 * forgotten so the next read reads whatever the stamp would say (a push webhook: the
 * source changed). Any replica's next poll reads them. Answers how many.
 */
export async function markSourceChanged(prisma: PrismaClient, prefixes: readonly string[]): Promise<number> {
  if (!prefixes.length) return 0;
  return prisma.$executeRaw`
    UPDATE location_read_state s SET next_read_at = ${NOW}, source_stamp = NULL
    FROM locations l
    WHERE l.id = s.location_id AND EXISTS (SELECT 1 FROM unnest(${[...prefixes]}::text[]) AS p(prefix) WHERE left(l.target, length(p.prefix)) = p.prefix)`;
}
