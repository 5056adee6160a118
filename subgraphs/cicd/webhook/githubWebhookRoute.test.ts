import type { RunningSubgraph } from '../../../kit';
import { startTestSubgraph } from '../../../kit/testing';
import { createCicdSubgraph } from '../index';
import type { CicdServices } from '../services';
import { postWebhook, signBody, workflowRunPayload } from '../testing/workflowRunPayload';

const SECRET = 'a webhook secret of some length';

describe('POST /webhooks/github', () => {
  let signed: RunningSubgraph<CicdServices>;
  let unsigned: RunningSubgraph<CicdServices>;
  let noSecret: RunningSubgraph<CicdServices>;
  const runs = (subgraph: RunningSubgraph<CicdServices>) => subgraph.services.prisma.pipelineRun.findMany({ orderBy: { externalId: 'asc' } });

  beforeAll(async () => {
    signed = await startTestSubgraph(createCicdSubgraph({ webhookSecret: SECRET }));
    unsigned = await startTestSubgraph(createCicdSubgraph({ acceptUnsignedWebhooks: true }));
    noSecret = await startTestSubgraph(createCicdSubgraph());
  });
  afterAll(async () => {
    await signed?.stop();
    await unsigned?.stop();
    await noSecret?.stop();
  });

  it('refuses every delivery, signed or not, when no secret is set and unsigned ones were not allowed', async () => {
    const body = JSON.stringify(workflowRunPayload({ id: 401 }));
    for (const secret of [undefined, SECRET]) {
      const answer = await postWebhook(noSecret.url, { event: 'workflow_run', body, secret });
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(await runs(noSecret)).toEqual([]);
  });

  it('stores a signed workflow_run delivery by project slug and answers 202 with the run id', async () => {
    const body = JSON.stringify(workflowRunPayload({ id: 501, name: 'CI', repository: 'Harbor-and-Finch/Checkout-Service' }));
    const answer = await postWebhook(signed.url, { event: 'workflow_run', body, secret: SECRET });
    expect(answer).toEqual({ status: 202, body: { id: expect.any(String), externalId: 'github:501' } });
    const [stored] = await runs(signed);
    expect(stored).toMatchObject({
      id: answer.body.id,
      entityRef: null,
      projectSlug: 'harbor-and-finch/checkout-service',
      pipeline: 'CI',
      status: 'succeeded',
      branch: 'main',
      commitSha: 'acb5820ced9479c074f688cc328bf03f341a511d',
      url: 'https://github.com/Harbor-and-Finch/Checkout-Service/actions/runs/501',
    });
    expect(stored.startedAt.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(stored.finishedAt?.toISOString()).toBe('2026-11-20T10:04:30.000Z');
  });

  it('updates the same run on later and re-sent deliveries, and ignores a stale one', async () => {
    const deliver = (run: Parameters<typeof workflowRunPayload>[0]) =>
      postWebhook(unsigned.url, { event: 'workflow_run', body: JSON.stringify(workflowRunPayload({ id: 777, ...run })) });
    const started = await deliver({ status: 'in_progress', conclusion: null, updatedAt: '2026-11-20T10:00:10Z' });
    const failed = await deliver({ status: 'completed', conclusion: 'failure', updatedAt: '2026-11-20T10:02:00Z' });
    const resent = await deliver({ status: 'completed', conclusion: 'failure', updatedAt: '2026-11-20T10:02:00Z' });
    const stale = await deliver({ status: 'in_progress', conclusion: null, updatedAt: '2026-11-20T10:00:10Z' });
    for (const answer of [started, failed, resent, stale]) expect(answer.status).toBe(202);
    expect(new Set([started.body.id, failed.body.id, resent.body.id, stale.body.id]).size).toBe(1);
    const stored = (await runs(unsigned)).filter((run) => run.externalId === 'github:777');
    expect(stored).toHaveLength(1);
    expect(stored[0].status).toBe('failed');
    expect(stored[0].finishedAt?.toISOString()).toBe('2026-11-20T10:02:00.000Z');

    // A re-run attempt is a newer report of the same run: it goes back to running.
    await deliver({ status: 'in_progress', conclusion: null, startedAt: '2026-11-20T11:00:00Z', updatedAt: '2026-11-20T11:00:05Z' });
    const [rerun] = (await runs(unsigned)).filter((run) => run.externalId === 'github:777');
    expect(rerun).toMatchObject({ status: 'running', finishedAt: null });
  });

  it('accepts the form-encoded variant GitHub can be set to send', async () => {
    const body = new URLSearchParams({ payload: JSON.stringify(workflowRunPayload({ id: 901 })) }).toString();
    const answer = await postWebhook(unsigned.url, { event: 'workflow_run', body, contentType: 'application/x-www-form-urlencoded' });
    expect(answer.status).toBe(202);
    expect(answer.body.externalId).toBe('github:901');
  });

  it('answers 400 with a clear message on bad JSON and on a payload missing what it needs', async () => {
    const badJson = await postWebhook(unsigned.url, { event: 'workflow_run', body: '{"workflow_run": ' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.errors[0].message).toBe('The body is not valid JSON');
    const { repository: _repository, ...noRepository } = workflowRunPayload({ id: 902 });
    const missing = await postWebhook(unsigned.url, { event: 'workflow_run', body: JSON.stringify(noRepository) });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].message).toMatch(/"repository"/);
    const noEvent = await postWebhook(unsigned.url, { body: JSON.stringify(workflowRunPayload()) });
    expect(noEvent.status).toBe(400);
    expect(noEvent.body.errors[0].message).toMatch(/x-github-event/);
    expect((await runs(unsigned)).some((run) => run.externalId === 'github:902')).toBe(false);
  });

  it('refuses with 401 a delivery whose signature is wrong or missing when a secret is set', async () => {
    const body = JSON.stringify(workflowRunPayload({ id: 601 }));
    const wrong = await postWebhook(signed.url, { event: 'workflow_run', body, secret: 'another secret of some length' });
    const missing = await postWebhook(signed.url, { event: 'workflow_run', body });
    // Signed with the right secret, then altered: the signature no longer matches the body.
    const tampered = await postWebhook(signed.url, {
      event: 'workflow_run',
      body: body.replace('"success"', '"failure"'),
      signature: signBody(body, SECRET),
    });
    for (const answer of [wrong, missing, tampered]) {
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await runs(signed)).some((run) => run.externalId === 'github:601')).toBe(false);
  });

  it('acknowledges other events with 200 and records nothing, so GitHub does not retry', async () => {
    const before = (await runs(signed)).length;
    const ping = await postWebhook(signed.url, { event: 'ping', body: JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 }), secret: SECRET });
    const push = await postWebhook(signed.url, { event: 'push', body: JSON.stringify(workflowRunPayload({ id: 602 })), secret: SECRET });
    expect(ping).toEqual({ status: 200, body: { ignored: expect.stringContaining('"ping"') } });
    expect(push).toEqual({ status: 200, body: { ignored: expect.stringContaining('"push"') } });
    expect(await runs(signed)).toHaveLength(before);
  });

  it('answers 405 to anything but POST', async () => {
    const answer = await postWebhook(unsigned.url, { method: 'GET', event: 'workflow_run', body: '' });
    expect(answer.status).toBe(405);
  });

  it('refuses a body over the size limit with 413', async () => {
    const body = JSON.stringify({ ...workflowRunPayload({ id: 603 }), padding: 'x'.repeat(1_100_000) });
    const answer = await postWebhook(unsigned.url, { event: 'workflow_run', body });
    expect(answer.status).toBe(413);
  });

  it('answers 503 and stores nothing when the catalog cannot be asked whether the repository is known', async () => {
    // A gateway URL nothing listens on: the check fails closed, and GitHub retries later.
    const unreachable = await startTestSubgraph(createCicdSubgraph({ acceptUnsignedWebhooks: true }), { gatewayUrl: 'http://127.0.0.1:9/graphql' });
    try {
      const answer = await postWebhook(unreachable.url, { event: 'workflow_run', body: JSON.stringify(workflowRunPayload({ id: 901 })) });
      expect(answer.status).toBe(503);
      expect(answer.body.errors[0].extensions.code).toBe('UNAVAILABLE');
      expect(await runs(unreachable)).toEqual([]);
    } finally {
      await unreachable.stop();
    }
  });
});
