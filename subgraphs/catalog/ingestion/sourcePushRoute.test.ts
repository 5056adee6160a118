import { createHmac } from 'node:crypto';
import type { RunningSubgraph } from '../../../kit';
import { startTestSubgraph } from '../../../kit/testing';
import { createCatalogSubgraph } from '..';
import type { CatalogContext } from '../context';
import { trackLocation } from './claims/locationReadState';
import { SOURCE_PUSH_PATH } from './sourcePushRoute';

const SECRET = 'push-webhook-secret-for-the-test';
const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('push webhook (/webhooks/source-push)', () => {
  let catalog: RunningSubgraph<CatalogContext>;
  let unconfigured: RunningSubgraph<CatalogContext>;
  const ids: Record<string, string> = {};
  const post = (target: RunningSubgraph<CatalogContext>, body: string, headers: Record<string, string>) =>
    fetch(new URL(SOURCE_PUSH_PATH, target.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const push = (repository: unknown) => JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: repository } });
  const state = (id: string) => catalog.services.prisma.locationReadState.findUniqueOrThrow({ where: { locationId: id } });

  beforeAll(async () => {
    catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, sourcePushSecret: SECRET }));
    unconfigured = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0 }));
    const targets = {
      blob: 'https://github.com/acme/payments/blob/main/catalog-info.yaml',
      raw: 'https://raw.githubusercontent.com/acme/payments/main/all.yaml',
      other: 'https://github.com/acme/payments-legacy/blob/main/catalog-info.yaml',
    };
    for (const [name, target] of Object.entries(targets)) {
      const location = await catalog.services.prisma.location.create({ data: { type: 'url', target } });
      await trackLocation(catalog.services.prisma, location.id, true);
      // Read an hour ago, due in an hour, with a stamp.
      await catalog.services.prisma.locationReadState.update({
        where: { locationId: location.id },
        data: { nextReadAt: new Date(Date.now() + 3_600_000), sourceStamp: 'stamp' },
      });
      ids[name] = location.id;
    }
  });
  afterAll(async () => {
    await catalog?.stop();
    await unconfigured?.stop();
  });

  it("makes the pushed repository's locations due now and forgets their stamp, and no other", async () => {
    const body = push('acme/payments');
    const response = await post(catalog, body, { 'x-github-event': 'push', 'x-hub-signature-256': sign(body) });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ locationsDue: 2 });
    for (const name of ['blob', 'raw']) expect(await state(ids[name])).toMatchObject({ sourceStamp: null });
    expect((await state(ids.blob)).nextReadAt.getTime()).toBeLessThan(Date.now() + 60_000);
    expect(await state(ids.other)).toMatchObject({ sourceStamp: 'stamp' });
    expect((await state(ids.other)).nextReadAt.getTime()).toBeGreaterThan(Date.now() + 60_000);
  });

  it('refuses deliveries it cannot trust or read', async () => {
    const body = push('acme/payments-legacy');
    expect((await post(catalog, body, { 'x-github-event': 'push' })).status).toBe(401);
    expect((await post(catalog, body, { 'x-github-event': 'push', 'x-hub-signature-256': sign(body, 'another-secret') })).status).toBe(401);
    expect((await post(unconfigured, body, { 'x-github-event': 'push', 'x-hub-signature-256': sign(body) })).status).toBe(401);
    const bad = push('../../etc');
    expect((await post(catalog, bad, { 'x-github-event': 'push', 'x-hub-signature-256': sign(bad) })).status).toBe(400);
    expect((await post(catalog, 'not json', { 'x-github-event': 'push', 'x-hub-signature-256': sign('not json') })).status).toBe(400);
    const ping = await post(catalog, body, { 'x-github-event': 'ping', 'x-hub-signature-256': sign(body) });
    expect(ping.status).toBe(200);
    expect((await fetch(new URL(SOURCE_PUSH_PATH, catalog.url))).status).toBe(405);
    expect((await post(catalog, 'x'.repeat(1_000_001), { 'x-github-event': 'push' })).status).toBe(413);
    expect(await state(ids.other)).toMatchObject({ sourceStamp: 'stamp' });
  });
});
