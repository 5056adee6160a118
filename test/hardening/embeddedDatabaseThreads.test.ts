import { postGraphQL } from '../../kit/testing';
import type { SqlReads } from '../../kit';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

/**
 * Issue 15, "The embedded databases run off the main thread": in one process, a slow
 * statement in one subgraph's PGlite must cost only that database's callers. The
 * statement here is pg_sleep, standing for any slow one (a huge search, a big read); it
 * sleeps far longer than the test needs, so each check below is an order of events (the
 * answer came while the statement was still running), never a time limit.
 */
describe('a slow statement in one embedded database', () => {
  let platform: TestPlatform;
  let slow: Promise<'finished' | 'stopped'>;
  let slowRunning = true;

  beforeAll(async () => {
    // As `npm start` opens them: each embedded database in a thread of its own.
    platform = await startPlatform({ only: ['catalog', 'cicd'], subgraph: () => ({ database: { pglite: 'thread' } }) });
    const catalogReads = (platform.subgraphs.catalog.services as { reads: SqlReads }).reads;
    slow = catalogReads.query({ text: 'SELECT pg_sleep(600)', values: [] }).then(
      () => 'finished' as const,
      () => 'stopped' as const,
    );
    void slow.then(() => (slowRunning = false));
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('leaves the gateway answering /healthz', async () => {
    const health = await fetch(platform.gatewayUrl.replace(/\/graphql$/, '/healthz'));
    expect(health.status).toBe(200);
    expect(slowRunning).toBe(true);
  });

  it('leaves another subgraph serving through the gateway', async () => {
    const answer = await postGraphQL(platform.gatewayUrl, '{ pipelineRunsFor(entityRef: "component:default/none") { id } }');
    expect(answer).toEqual({ status: 200, data: { pipelineRunsFor: [] } });
    expect(slowRunning).toBe(true);
  });

  it('does not stop the platform from stopping: the statement is cut, not waited for', async () => {
    await platform.stop();
    expect(await slow).toBe('stopped');
  });
});
