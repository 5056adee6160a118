import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedSubscriptions } from '../../bin/subscriptionOptions';
import { parseApiToken } from '../../gateway/auth/parseApiTokens';
import { loadPolicyFile } from '../../kit';
import { postGraphQL } from '../../kit/testing';
import { componentYaml } from '../../subgraphs/catalog/ingestion/componentYaml';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { CollectedEvents } from './collectEvents';

/*
 * Issue 21's "done means" for subscriptions, through the real gateway and subgraphs
 * (catalog, cicd, security) in this process: a descriptor file changes and is refreshed,
 * and the change arrives over WebSocket and SSE with fields of every subgraph; a resumed
 * subscription gets exactly what it missed; a team member gets only its team's changes,
 * a deletion only if it could read the entity, and cicd's PIPELINE_FAILED on the same feed.
 */

const ADMIN_TOKEN = 'feed-admin-token-0123456789';
const TEAM_A_TOKEN = 'feed-team-a-token-0123456789';
const SELECTION = `subscription ($after: String) {
  entityChanged(after: $after) {
    cursor change source ref fields
    entity { ref name ... on Component { lifecycle } latestRuns { pipeline status } vulnerabilities { advisoryId } }
  }
}`;

let root: string;
let platform: TestPlatform;
const locations: Record<string, string> = {};
const asAdmin = (query: string, variables?: Record<string, unknown>) => postGraphQL(platform.gatewayUrl, query, variables, { authorization: `Bearer ${ADMIN_TOKEN}` });

/** Writes a component's descriptor (a different description each time) and has the catalog read it. */
async function change(name: string, owner: string, description: string): Promise<void> {
  const file = path.join(root, `${name}.yaml`);
  writeFileSync(file, componentYaml(name, { owner, metadata: `  description: ${description}\n` }));
  const id = locations[name];
  const result = id
    ? await asAdmin('mutation ($id: ID!) { refreshLocation(id: $id) { id } }', { id })
    : await asAdmin('mutation ($target: String!) { registerLocation(target: $target) { id } }', { target: file });
  expect(result.errors).toBeUndefined();
  locations[name] ??= result.data!.registerLocation.id;
}

let probes = 0;

/**
 * Waits until each subscription follows the live feed (a subscription without `after:`
 * starts at the head when it joins, which takes a moment on a loaded machine): writes a new
 * team-a entity until every stream has its event, and takes everything up to it.
 */
async function untilLive(...streams: CollectedEvents[]): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const name = `probe-${(probes += 1)}`;
    const result = await asAdmin('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml: componentYaml(name, { owner: 'team-a' }) });
    expect(result.data?.applyEntities.applied).toBe(true);
    let live = true;
    for (const stream of streams) live = (await stream.takeThrough(`component:default/${name}`, 3_000)) && live;
    if (live) return;
  }
  throw new Error('The subscriptions never joined the live feed');
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'ensemble-feed-'));
  const policy = loadPolicyFile(path.join(__dirname, '../permissions/support/groupPolicy.yaml'));
  const sources = () => Object.values(platform.subgraphs).flatMap((subgraph) => (subgraph.events ? [subgraph.events] : []));
  const subscriptions = embeddedSubscriptions(sources, () => undefined);
  platform = await startPlatform({
    only: ['catalog', 'cicd', 'security'],
    settings: { CATALOG_LOCAL_ROOTS: root, CATALOG_REFRESH_SECONDS: '0' },
    subgraph: () => ({ policy }),
    gateway: {
      auth: {
        anonymous: false,
        apiTokens: [
          parseApiToken(`${ADMIN_TOKEN}=user:default/rosalind,group:default/admins`),
          parseApiToken(`${TEAM_A_TOKEN}=user:default/ada,group:default/team-a`),
        ],
      },
      subscriptions: { ...subscriptions, settings: { ...subscriptions.settings, pollIntervalMs: 1_000 } },
    },
  });
  await change('alpha', 'team-a', 'first');
  await change('beta', 'team-b', 'first');
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('Subscription.entityChanged through the gateway', () => {
  it('delivers a refreshed file\'s change over WebSocket and SSE, with catalog, cicd and security fields', async () => {
    const ws = CollectedEvents.overWebSocket(platform.gateway.port, ADMIN_TOKEN, SELECTION);
    const sse = CollectedEvents.overSse(platform.gateway.port, ADMIN_TOKEN, SELECTION);
    try {
      await untilLive(ws, sse);
      const started = Date.now();
      await change('alpha', 'team-a', 'second');
      const [{ change: received, at }] = await ws.next(1);
      console.log(`subscription latency, refresh mutation start to WebSocket delivery: ${Math.round(at - started)} ms`);
      expect(received).toMatchObject({
        change: 'UPDATED',
        source: 'catalog',
        ref: 'component:default/alpha',
        entity: { ref: 'component:default/alpha', name: 'alpha', lifecycle: 'production', latestRuns: [], vulnerabilities: [] },
      });
      expect(received.fields.some((field) => field.startsWith('metadata'))).toBe(true);
      const [{ change: overSse }] = await sse.next(1);
      expect(overSse).toEqual(received);
    } finally {
      await ws.close();
      await sse.close();
    }
  });

  it('resumes from a cursor with exactly the three changes missed', async () => {
    const first = CollectedEvents.overWebSocket(platform.gateway.port, ADMIN_TOKEN, SELECTION);
    await untilLive(first);
    await change('alpha', 'team-a', 'before the disconnect');
    const [{ change: last }] = await first.next(1);
    await first.close();
    for (const description of ['missed one', 'missed two', 'missed three']) await change('beta', 'team-b', description);
    const resumed = CollectedEvents.overWebSocket(platform.gateway.port, ADMIN_TOKEN, SELECTION, { after: last.cursor });
    try {
      const missed = await resumed.next(3);
      expect(missed.map(({ change: received }) => received.ref)).toEqual(Array(3).fill('component:default/beta'));
      // And then only what happens next: nothing was repeated.
      await change('alpha', 'team-a', 'after the reconnect');
      const [{ change: next }] = await resumed.next(1);
      expect(next.ref).toBe('component:default/alpha');
      expect(resumed.pending()).toEqual([]);
    } finally {
      await resumed.close();
    }
  });

  it('gives a team member only its own team\'s changes', async () => {
    const member = CollectedEvents.overWebSocket(platform.gateway.port, TEAM_A_TOKEN, SELECTION);
    try {
      await untilLive(member);
      await change('beta', 'team-b', 'hidden from team-a');
      await change('alpha', 'team-a', 'seen by team-a');
      const [{ change: received }] = await member.next(1);
      expect(received.ref).toBe('component:default/alpha');
      // Ownership moves to team-a: its changes are delivered from then on (read afresh per batch).
      await change('beta', 'team-a', 'now team-a owns it');
      const [{ change: moved }] = await member.next(1);
      expect(moved).toMatchObject({ ref: 'component:default/beta', entity: { name: 'beta' } });
      expect(member.pending()).toEqual([]);
    } finally {
      await member.close();
      await change('beta', 'team-b', 'back to team-b');
    }
  });

  it('delivers a deletion only to those who could read the entity', async () => {
    const member = CollectedEvents.overWebSocket(platform.gateway.port, TEAM_A_TOKEN, SELECTION);
    try {
      await untilLive(member);
      const yaml = componentYaml('gamma', { owner: 'team-a' }) + '---\n' + componentYaml('delta', { owner: 'team-b' });
      expect((await asAdmin('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml })).data!.applyEntities.applied).toBe(true);
      for (const ref of ['component:default/delta', 'component:default/gamma']) {
        expect((await asAdmin('mutation ($ref: ID!) { removeEntity(ref: $ref) }', { ref })).data!.removeEntity).toBe(true);
      }
      const received = await member.next(2);
      expect(received.map(({ change: event }) => [event.change, event.ref, event.entity])).toEqual([
        ['CREATED', 'component:default/gamma', expect.objectContaining({ name: 'gamma' })],
        ['DELETED', 'component:default/gamma', null],
      ]);
      expect(member.pending()).toEqual([]);
    } finally {
      await member.close();
    }
  });

  it('delivers a plugin event (a failed pipeline run) on the same feed, with the run in the selection', async () => {
    const member = CollectedEvents.overWebSocket(platform.gateway.port, TEAM_A_TOKEN, SELECTION);
    try {
      await untilLive(member);
      const record = 'mutation ($input: PipelineRunInput!) { recordPipelineRun(input: $input) { status } }';
      for (const entityRef of ['component:default/beta', 'component:default/alpha']) {
        const result = await asAdmin(record, { input: { entityRef, pipeline: 'build', status: 'FAILED', startedAt: new Date().toISOString() } });
        expect(result.errors).toBeUndefined();
      }
      const [{ change: received }] = await member.next(1);
      expect(received).toMatchObject({
        change: 'PIPELINE_FAILED',
        source: 'cicd',
        ref: 'component:default/alpha',
        entity: { name: 'alpha', latestRuns: [{ pipeline: 'build', status: 'FAILED' }] },
      });
      expect(member.pending()).toEqual([]); // beta's is team-b's
    } finally {
      await member.close();
    }
  });
});
