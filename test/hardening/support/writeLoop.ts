import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphQLResponse } from '../../../kit/testing';

/** One write and what came back. */
export interface Write {
  id: number;
  startedAt: number;
  endedAt: number;
  /** The server said it was stored. */
  acknowledged: boolean;
  /** The errors it answered with when it was not. */
  errors?: GraphQLResponse['errors'];
}

export interface WriteLoop {
  writes: Write[];
  /** Finishes the write in flight and ends the loop. */
  stop(): Promise<void>;
}

/**
 * Sends writes one after another, each with a new id, until stopped or `maxWrites` were
 * sent (a bound, so the loop ends by itself), and keeps every outcome.
 */
export function startWriteLoop(
  send: (id: number) => Promise<GraphQLResponse & { status: number }>,
  isAcknowledged: (response: GraphQLResponse) => boolean,
  options: { pauseMs: number; maxWrites: number },
): WriteLoop {
  const writes: Write[] = [];
  let running = true;
  const loop = (async () => {
    for (let id = 0; running && id < options.maxWrites; id += 1) {
      const startedAt = Date.now();
      let write: Write;
      try {
        const response = await send(id);
        const acknowledged = response.status === 200 && !response.errors && isAcknowledged(response);
        write = { id, startedAt, endedAt: Date.now(), acknowledged, ...(acknowledged ? {} : { errors: response.errors }) };
      } catch (error) {
        write = { id, startedAt, endedAt: Date.now(), acknowledged: false, errors: [{ message: `no answer: ${(error as Error).message}` }] };
      }
      writes.push(write);
      await sleep(options.pauseMs);
    }
  })();
  return {
    writes,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
