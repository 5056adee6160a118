import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Lowest port handed out for 0; below it sit well-known services' ports. */
const LOWEST = 10_000;

/**
 * `port`, or for 0 a port that is free now, so it can be announced before use (a
 * subgraph told the gateway's URL before the gateway starts). Between this answer and
 * the real listen the port is unheld; so on Linux it comes from below the kernel's
 * ephemeral range, which the kernel never gives to another socket by itself: a port
 * from bind(0) was seen taken by the local end of some loopback connection in that gap.
 */
export async function portOrFreePort(port: number): Promise<number> {
  if (port !== 0) return port;
  const ephemeralStart = ephemeralRangeStart();
  if (ephemeralStart !== null && ephemeralStart - LOWEST >= 1_000) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const candidate = LOWEST + Math.floor(Math.random() * (ephemeralStart - LOWEST));
      if ((await tryListen(candidate)) !== null) return candidate;
    }
  }
  const any = await tryListen(0);
  if (any === null) throw new Error('Could not find a free port');
  return any;
}

/** Listens on `port` of 127.0.0.1 and lets go at once; the port it got, or null when taken. */
async function tryListen(port: number): Promise<number | null> {
  const server = createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (!listening) return null;
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address && typeof address !== 'string' ? address.port : null;
}

function ephemeralRangeStart(): number | null {
  try {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) ? start : null;
  } catch {
    return null;
  }
}
