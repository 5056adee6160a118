import Redis from 'ioredis';

/**
 * Counters that every gateway replica adds to: in Redis when one is configured, so that a
 * budget holds across replicas behind a load balancer with no sticky sessions; in process
 * otherwise (one gateway, or `npm start`).
 */
export interface SharedCounters {
  /** Adds `amount` to `key`'s count in the current window of `windowMs`, and answers the new count. */
  add(key: string, amount: number, windowMs: number): Promise<number>;
  close(): Promise<void>;
}

/** Keeps keys bounded: a caller id longer than this is cut (user refs are far shorter). */
const MAX_KEY_LENGTH = 512;

const windowKey = (key: string, windowMs: number, now: number) => `${key.slice(0, MAX_KEY_LENGTH)}:${windowMs}:${Math.floor(now / windowMs)}`;

/** One process: a map of this window's counts, emptied as windows pass. */
export function createInProcessCounters(now: () => number = Date.now): SharedCounters {
  const counts = new Map<string, { count: number; expires: number }>();
  return {
    add: async (key, amount, windowMs) => {
      const at = now();
      // Dropping passed windows on each call keeps the map as big as one window's callers.
      for (const [stored, entry] of counts) if (entry.expires <= at) counts.delete(stored);
      const current = windowKey(key, windowMs, at);
      const entry = counts.get(current) ?? { count: 0, expires: (Math.floor(at / windowMs) + 1) * windowMs };
      entry.count += amount;
      counts.set(current, entry);
      return entry.count;
    },
    close: async () => counts.clear(),
  };
}

// INCRBY and the expiry in one step, so that a key never outlives its window without one.
const ADD_SCRIPT = `local count = redis.call('INCRBY', KEYS[1], ARGV[1])
if count == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return count`;

/**
 * Every replica's counts in one Redis, under `prefix`. A command waits at most a second
 * (while connecting, or for an unreachable Redis) and then fails: the caller decides.
 */
export function createRedisCounters(url: string, prefix = 'ensemble:counters:', now: () => number = Date.now): SharedCounters {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  // Reconnection is ioredis's; a failed command is reported by the call that made it.
  redis.on('error', () => undefined);
  return {
    add: async (key, amount, windowMs) => {
      const count = await redis.eval(ADD_SCRIPT, 1, prefix + windowKey(key, windowMs, now()), amount, windowMs + 1_000);
      return Number(count);
    },
    close: async () => {
      redis.disconnect();
    },
  };
}
