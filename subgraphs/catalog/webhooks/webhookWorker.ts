import { randomUUID } from 'node:crypto';
import type { Policy, SqlReads } from '../../../kit';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { claimWebhooks, releaseWebhooks, type ClaimedWebhook } from './claimWebhooks';
import { dueDeliveries, nextDueTime } from './dueDeliveries';
import { intakeEvents, LeaseLostError } from './intakeEvents';
import { pruneDeliveries } from './pruneDeliveries';
import { sendDelivery } from './sendDelivery';
import type { WebhookFeed } from './webhookFeed';
import type { WebhookOptions } from './webhookOptions';

/** Webhooks one replica works on per round. */
const CLAIM_LIMIT = 50;
/** Feed batches one webhook may take per round, so one busy webhook cannot starve the rest. */
const INTAKE_ROUNDS = 10;
/** How often the delivery log is pruned. */
const PRUNE_EVERY_MS = 3_600_000;

export interface WebhookWorker {
  /** Work now (new events, a redelivery); rounds never overlap. */
  wake(): void;
  /** One round, awaited: claim, take events, send what is due. For tests and the wake loop. */
  runOnce(): Promise<void>;
  /** Ends the loop, waits for the round in flight and gives the leases back. */
  stop(): Promise<void>;
}

export interface WebhookWorkerDeps {
  prisma: PrismaClient;
  reads: SqlReads;
  policy: Policy;
  feed: WebhookFeed;
  options: WebhookOptions;
  log: (line: string) => void;
}

/**
 * The delivery loop of one catalog process: rounds run when the feed says events may have
 * arrived, when a retry falls due, and every `pollMs` in case a hint was lost.
 */
export function startWebhookWorker(deps: WebhookWorkerDeps): WebhookWorker {
  const worker = `worker-${randomUUID()}`;
  const { prisma, options } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let prunedAt = 0;

  const round = async () => {
    if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await pruneDeliveries(prisma, new Date(prunedAt - options.logRetentionMs));
    }
    const claimed = await claimWebhooks(prisma, worker, options.leaseMs, CLAIM_LIMIT);
    await Promise.all(claimed.map((webhook) => work(webhook)));
    return nextDueTime(prisma, claimed.map((webhook) => webhook.id));
  };
  const work = async (webhook: ClaimedWebhook) => {
    try {
      for (let rounds = 0; rounds < INTAKE_ROUNDS; rounds++) {
        if (!(await intakeEvents(prisma, deps.reads, deps.feed, deps.policy, webhook, worker, options.maxPending, deps.log))) break;
      }
      const due = await dueDeliveries(prisma, webhook.id, options.maxInFlight);
      await Promise.all(due.map((delivery) => sendDelivery(prisma, webhook, delivery, options)));
    } catch (error) {
      if (!(error instanceof LeaseLostError)) deps.log(`webhooks: webhook ${webhook.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const schedule = (at: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(wake, Math.max(0, at - Date.now()));
    timer.unref?.();
  };
  const runOnce = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let next = Date.now() + options.pollMs;
      try {
        const due = await round();
        if (due) next = Math.min(next, due.getTime());
      } catch (error) {
        deps.log(`webhooks: round failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
      if (again) {
        again = false;
        next = Date.now();
      }
      schedule(next);
    })();
    return running;
  };
  function wake() {
    if (!stopped) void runOnce();
  }
  const unsubscribe = deps.feed.onEvents?.(wake);
  schedule(Date.now());
  return {
    wake,
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
      await running;
      await releaseWebhooks(prisma, worker).catch(() => undefined);
    },
  };
}
