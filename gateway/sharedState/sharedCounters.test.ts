import { randomBytes } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import type { CallerIdentity } from '../../kit';
import type { GatewayContext } from '../auth/IdentityForwardingDataSource';
import { useRateLimit } from '../limits/useRateLimit';
import { createInProcessCounters, createRedisCounters, type SharedCounters } from './sharedCounters';

const redisUrl = process.env.ENSEMBLE_TEST_REDIS_URL;
const redisSkip = redisUrl ? undefined : (process.env.ENSEMBLE_TEST_REDIS_SKIP ?? 'Redis was not probed');
if (redisSkip) console.warn(`shared gateway state in Redis: ${redisSkip}`);

const ada: CallerIdentity = { type: 'user', userEntityRef: 'user:default/ada', ownershipEntityRefs: ['user:default/ada'] };
const bo: CallerIdentity = { type: 'user', userEntityRef: 'user:default/bo', ownershipEntityRefs: ['user:default/bo'] };

/** A gateway replica's server, reduced to what the rate limit needs. */
async function replica(counters: SharedCounters, perMinute: number) {
  const server = new ApolloServer<GatewayContext>({ typeDefs: 'type Query { ping: String }', resolvers: { Query: { ping: () => 'pong' } }, plugins: [useRateLimit({ perMinute, counters, log: () => undefined })] });
  await server.start();
  return {
    ask: async (identity: GatewayContext['identity']) => {
      const response = await server.executeOperation({ query: '{ ping }' }, { contextValue: { identity } });
      if (response.body.kind !== 'single') throw new Error('not a single result');
      return { status: response.http.status ?? 200, errors: response.body.singleResult.errors };
    },
    stop: () => server.stop(),
  };
}

describe('in-process counters', () => {
  it('counts per key within a window and starts again in the next', async () => {
    let now = 60_000;
    const counters = createInProcessCounters(() => now);
    expect(await counters.add('a', 1, 60_000)).toBe(1);
    expect(await counters.add('a', 2, 60_000)).toBe(3);
    expect(await counters.add('b', 1, 60_000)).toBe(1);
    now += 60_000;
    expect(await counters.add('a', 1, 60_000)).toBe(1);
  });

  it('refuses a caller over its budget with 429 RATE_LIMITED, and no one else', async () => {
    const gateway = await replica(createInProcessCounters(), 2);
    expect((await gateway.ask(ada)).errors).toBeUndefined();
    expect((await gateway.ask(ada)).errors).toBeUndefined();
    const refused = await gateway.ask(ada);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect((await gateway.ask(bo)).errors).toBeUndefined();
    await gateway.stop();
  });

  it('lets operations through when the counters cannot be reached', async () => {
    const broken: SharedCounters = { add: async () => Promise.reject(new Error('down')), close: async () => undefined };
    const gateway = await replica(broken, 1);
    for (let index = 0; index < 3; index++) expect((await gateway.ask(ada)).errors).toBeUndefined();
    await gateway.stop();
  });
});

(redisSkip ? describe.skip : describe)(`rate-limit budgets shared in Redis${redisSkip ? ` (skipped: ${redisSkip})` : ''}`, () => {
  it('holds one budget across two gateway replicas', async () => {
    const prefix = `ensemble:test:${randomBytes(4).toString('hex')}:`;
    // One fixed clock: the five operations must fall in one window.
    const clock = () => 30_000;
    const [left, right] = [createRedisCounters(redisUrl!, prefix, clock), createRedisCounters(redisUrl!, prefix, clock)];
    const [one, two] = [await replica(left, 3), await replica(right, 3)];
    const answers = [await one.ask(ada), await two.ask(ada), await one.ask(ada), await two.ask(ada), await one.ask(ada)];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429, 429]);
    expect((await two.ask(bo)).status).toBe(200);
    await Promise.all([one.stop(), two.stop(), left.close(), right.close()]);
  });

  it('fails fast, not slowly, when Redis is unreachable', async () => {
    const counters = createRedisCounters('redis://127.0.0.1:1');
    await expect(counters.add('a', 1, 60_000)).rejects.toThrow();
    await counters.close();
  });
});
