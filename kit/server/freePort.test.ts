import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { portOrFreePort } from './freePort';

describe('portOrFreePort', () => {
  it('keeps a given port', async () => {
    expect(await portOrFreePort(4321)).toBe(4321);
  });

  it('for 0, finds a port that can be listened on, outside the range the kernel hands out by itself', async () => {
    const port = await portOrFreePort(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
    await new Promise((resolve) => server.close(resolve));
    let ephemeralStart: number | null = null;
    try {
      ephemeralStart = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    } catch {
      console.log('no /proc/sys/net/ipv4/ip_local_port_range here: only checked that the port can be listened on');
    }
    if (ephemeralStart !== null) expect(port).toBeLessThan(ephemeralStart);
    expect(port).toBeGreaterThanOrEqual(1024);
  });
});
