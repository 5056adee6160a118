import net from 'node:net';

export interface FailoverProxy {
  port: number;
  /** Connections handed to each upstream so far, by port. */
  connections: Map<number, number>;
  close(): Promise<void>;
}

/**
 * A TCP load balancer on loopback, as a Kubernetes Service or an HAProxy would stand in
 * front of replicas: each new connection goes to the first upstream in `ports` that
 * accepts it (`roundRobin`: starting from the next one each time), so a dead replica
 * costs only the connections it held when it died.
 */
export async function startFailoverProxy(ports: number[], options: { roundRobin?: boolean } = {}): Promise<FailoverProxy> {
  let next = 0;
  const connections = new Map<number, number>();
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.pause();
    const first = options.roundRobin ? next++ % ports.length : 0;
    const tryUpstream = (tried: number) => {
      if (tried >= ports.length) return client.destroy();
      const index = (first + tried) % ports.length;
      const upstream = net.connect(ports[index], '127.0.0.1');
      let connected = false;
      upstream.on('error', () => {
        if (!connected) tryUpstream(tried + 1);
      });
      upstream.once('connect', () => {
        connected = true;
        connections.set(ports[index], (connections.get(ports[index]) ?? 0) + 1);
        open.add(upstream);
        // Either side gone ends the other: a replica killed mid-request resets its callers.
        upstream.once('close', () => {
          open.delete(upstream);
          client.destroy();
        });
        client.once('close', () => upstream.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    tryUpstream(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
