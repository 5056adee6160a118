import { createInProcessCounters, createRedisCounters } from '../gateway/sharedState/sharedCounters';
import type { RateLimitOptions } from '../gateway/limits/useRateLimit';

export const SHARED_STATE_USAGE = `Shared by gateway replicas (docs/operations.md, "Scaling"):
  REDIS_URL                        Redis holding the state replicas share (rate-limit
                                   budgets); unset: kept in this process
  ENSEMBLE_RATE_LIMIT_PER_MINUTE   operations per caller per minute, across replicas
                                   (unset or 0: no limit); over it: 429 RATE_LIMITED`;

const MAX_PER_MINUTE = 1_000_000;

/** The gateway's rate limit from the environment: none unless ENSEMBLE_RATE_LIMIT_PER_MINUTE is set. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<RateLimitOptions, 'log'> | undefined {
  const value = env.ENSEMBLE_RATE_LIMIT_PER_MINUTE;
  if (value === undefined || value === '' || value === '0') return undefined;
  const perMinute = Number(value);
  if (!Number.isInteger(perMinute) || perMinute < 1 || perMinute > MAX_PER_MINUTE) {
    throw new Error(`ENSEMBLE_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to ${MAX_PER_MINUTE}, got "${value}"`);
  }
  return { perMinute, counters: env.REDIS_URL ? createRedisCounters(env.REDIS_URL) : createInProcessCounters() };
}
