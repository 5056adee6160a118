import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { ConflictError } from '../../../../kit';
import type { PrismaClient } from '../../../../prisma/catalog/generated/client';
import { claimDueLocation, claimLocation, readBacklog, releaseLocation, renewLease, type ClaimedRead, type LeaseTerms, type ReadBacklog } from './locationReadState';

export interface ReadScheduleOptions {
  /** How often a location is read again; each next read is spread ±25% around it. */
  intervalMs: number;
  /** How long a claim holds without a heartbeat: how soon a dead reader's read moves on. Default 60 s. */
  leaseMs?: number;
  /** Names this process in claims; unique by default (host, pid, random). */
  replica?: string;
  /** Told of every read this replica finishes or fails (the process's metrics count them). */
  onRead?: (outcome: 'ok' | 'unchanged' | 'failed') => void;
}

/** What this replica read: its share of the work, for /metrics and the logs. */
export interface ReadCounts {
  finished: number;
  /** Due reads skipped because the source's stamp had not changed. */
  skipped: number;
  failed: number;
  /** Reads taken over from a replica whose lease ran out. */
  takenOver: number;
  /** Heartbeats that found the lease gone. */
  leasesLost: number;
}

/** A read's end: `skipped` when its source had not changed; the stamp taken before it otherwise. */
export type ReadOutcome = { skipped: true } | { skipped?: false; sourceStamp: string | null };

export interface ClaimedReads {
  readonly replica: string;
  readonly counts: ReadCounts;
  /** The shared queue as last looked at (refreshBacklog): what /metrics reports. */
  readonly backlog: ReadBacklog;
  refreshBacklog(): Promise<void>;
  /** Reads one location now, waiting while another replica reads it. */
  readNow(locationId: string): Promise<void>;
  /** Claims and reads the location due longest; false when none is due. */
  readNextDue(): Promise<boolean>;
}

/** A read someone asked for waits at most this long for another replica's read of the same location. */
const MAX_WAIT_FOR_OTHER_MS = 10 * 60_000;
const WAIT_STEP_MS = 250;

/**
 * Reads of locations, claimed in the database so that one replica at a time reads each
 * (see locationReadState). While a read runs, a heartbeat renews its lease every third of
 * it; a read that throws is retried later with backoff, elsewhere or here.
 */
export function createClaimedReads(
  prisma: PrismaClient,
  schedule: ReadScheduleOptions,
  read: (locationId: string, previous: { sourceStamp: string | null; due: boolean }) => Promise<ReadOutcome>,
  log: (line: string) => void,
): ClaimedReads {
  const leaseMs = schedule.leaseMs ?? 60_000;
  const terms: LeaseTerms = {
    replica: schedule.replica ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    leaseMs,
    backoffMs: Math.min(leaseMs, 10_000),
    maxBackoffMs: Math.max(schedule.intervalMs, 30 * 60_000),
  };
  const counts: ReadCounts = { finished: 0, skipped: 0, failed: 0, takenOver: 0, leasesLost: 0 };

  const readClaimed = async (claim: ClaimedRead, due: boolean) => {
    if (claim.tookOverFrom && claim.tookOverFrom !== terms.replica) {
      counts.takenOver++;
      log(`catalog: taking over the read of location ${claim.locationId} from ${claim.tookOverFrom}, whose lease ran out (attempt ${claim.attempts})`);
    }
    const heartbeat = setInterval(() => {
      renewLease(prisma, claim.locationId, terms).then(
        (held) => {
          if (held) return;
          counts.leasesLost++;
          log(`catalog: lost the lease on location ${claim.locationId}; another replica may read it too`);
        },
        (error: unknown) => log(`catalog: could not renew the lease on location ${claim.locationId}: ${messageOf(error)}`),
      );
    }, Math.max(50, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    let outcome: ReadOutcome;
    try {
      outcome = await read(claim.locationId, { sourceStamp: claim.sourceStamp, due });
    } catch (error) {
      clearInterval(heartbeat);
      counts.failed++;
      schedule.onRead?.('failed');
      await releaseLocation(prisma, claim.locationId, terms, { error: messageOf(error) }).catch(() => undefined);
      throw error;
    }
    clearInterval(heartbeat);
    if (outcome.skipped) counts.skipped++;
    else counts.finished++;
    schedule.onRead?.(outcome.skipped ? 'unchanged' : 'ok');
    const nextInMs = schedule.intervalMs * (0.75 + Math.random() * 0.5);
    await releaseLocation(prisma, claim.locationId, terms, outcome.skipped ? { nextInMs, skipped: true } : { nextInMs, sourceStamp: outcome.sourceStamp });
  };

  const backlog: ReadBacklog = { due: 0, reading: 0, lagSeconds: 0 };
  return {
    replica: terms.replica,
    counts,
    backlog,
    refreshBacklog: async () => {
      Object.assign(backlog, await readBacklog(prisma));
    },
    readNow: async (locationId) => {
      const deadline = Date.now() + MAX_WAIT_FOR_OTHER_MS;
      for (;;) {
        const claim = await claimLocation(prisma, locationId, terms);
        if (claim) return readClaimed(claim, false);
        if (Date.now() > deadline) throw new ConflictError('The location is being read by another catalog replica; try again later');
        await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      }
    },
    readNextDue: async () => {
      const claim = await claimDueLocation(prisma, terms);
      if (!claim) return false;
      await readClaimed(claim, true);
      return true;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
