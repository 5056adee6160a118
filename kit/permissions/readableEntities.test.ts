import { createServer } from 'node:net';
import { ALLOW_ALL_POLICY, ANONYMOUS, bindRequestAccess, createRequestAccess, requireReadableEntity } from '..';

/** A request context as the kit binds it, with `graph` as the subgraph's runtime would give it. */
function contextWith(graph: { gatewayUrl?: string; uncheckedEntityRefs?: boolean }): object {
  const context = {};
  bindRequestAccess(context, createRequestAccess(ALLOW_ALL_POLICY, ANONYMOUS, 'a-subgraph-secret-0123456789', graph));
  return context;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The check fails closed: no gateway, or one that cannot be reached, refuses the write.
describe('requireReadableEntity without a catalog to ask', () => {
  it('refuses when the subgraph was not told where the gateway is', async () => {
    await expect(requireReadableEntity(contextWith({}), 'component:default/web-shop')).rejects.toThrow(/ENSEMBLE_GATEWAY_URL/);
  });

  it('refuses when the gateway does not answer', async () => {
    const context = contextWith({ gatewayUrl: `http://127.0.0.1:${await closedPort()}/graphql` });
    await expect(requireReadableEntity(context, 'component:default/web-shop')).rejects.toThrow('The catalog could not be asked whether the entity exists; try again');
  });

  it('does not ask for a subgraph tested alone', async () => {
    await expect(requireReadableEntity(contextWith({ uncheckedEntityRefs: true }), 'component:default/web-shop')).resolves.toBeUndefined();
  });
});
