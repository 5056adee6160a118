/**
 * `npm run bench:feed [-- --entities 10000 --samples 50 --idle 1000]` (also run by `npm run bench`):
 * the change feed through the gateway's subscriptions, everything in one process on
 * in-memory PGlite (catalog, cicd, security, gateway; no other load):
 *
 * - events per second: a location of `--entities` components is read, every file then
 *   changes and the location is read again; counted from the refresh's start until one
 *   WebSocket subscriber (selecting the entity's name, so every batch is resolved through
 *   the federated plan) has all its UPDATED events (`eventsPerSecond`, the read included),
 *   and from its first delivery to its last (`deliveryEventsPerSecond`);
 * - latency: `--samples` direct writes one after another, each from the event's
 *   `recordedAt` (the writing transaction's clock, just before its commit) to the moment
 *   the subscriber's message is parsed, p50 and p99;
 * - memory: the process's heap (after a full GC) before and after `--idle` subscriptions
 *   are opened (100 per connection) by a child process, so client memory is not counted.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { embeddedSubscriptions } from '../bin/subscriptionOptions';
import { postGraphQL } from '../kit/testing';
import { componentYaml } from '../subgraphs/catalog/ingestion/componentYaml';
import { CollectedEvents } from '../test/feed/collectEvents';
import { startPlatform, type TestPlatform } from '../test/support/startPlatform';

const SELECTION = 'subscription { entityChanged { cursor change ref recordedAt entity { name } } }';
const FILES = 20;

export interface FeedBenchOptions {
  entities: number;
  samples: number;
  idle: number;
}

export async function feedBench(options: FeedBenchOptions) {
  if (![options.entities, options.samples, options.idle].every((value) => Number.isSafeInteger(value) && value > 0 && value <= 100_000)) {
    throw new Error('--entities, --samples and --idle must be whole numbers from 1 to 100,000');
  }
  const root = mkdtempSync(path.join(tmpdir(), 'ensemble-feed-bench-'));
  let platform: TestPlatform | undefined;
  try {
    const sources = () => Object.values(platform!.subgraphs).flatMap((subgraph) => (subgraph.events ? [subgraph.events] : []));
    const subscriptions = embeddedSubscriptions(sources, (line) => console.error(line));
    platform = await startPlatform({
      only: ['catalog', 'cicd', 'security'],
      settings: { CATALOG_LOCAL_ROOTS: root, CATALOG_REFRESH_SECONDS: '0' },
      // Reading 10k files in one mutation takes longer than the gateway's 10 s default.
      gateway: { subgraphTimeoutMs: 600_000, subscriptions: { ...subscriptions, settings: { maxPerConnection: 100, maxPerCaller: options.idle + 10 } } },
    });
    const graph = (query: string, variables?: Record<string, unknown>) => postGraphQL(platform!.gatewayUrl, query, variables);
    const write = (round: string) => {
      for (let file = 0; file < FILES; file += 1) {
        const names = Array.from({ length: Math.ceil(options.entities / FILES) }, (_, i) => file * Math.ceil(options.entities / FILES) + i).filter((i) => i < options.entities);
        mkdirSync(path.join(root, 'catalog'), { recursive: true });
        writeFileSync(path.join(root, 'catalog', `part-${file}.yaml`), names.map((i) => componentYaml(`feed-${i}`, { metadata: `  description: ${round} ${i}\n` })).join('---\n'));
      }
    };
    write('first');
    const registered = await graph('mutation ($target: String!) { registerLocation(target: $target) { id } }', { target: path.join(root, 'catalog', '*.yaml') });
    if (registered.errors) throw new Error(JSON.stringify(registered.errors));
    const location = registered.data!.registerLocation.id as string;

    const subscriber = CollectedEvents.overWebSocket(platform.gateway.port, undefined, SELECTION);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    write('second');
    const started = Date.now();
    const refreshed = await graph('mutation ($id: ID!) { refreshLocation(id: $id) { id } }', { id: location });
    if (refreshed.errors) throw new Error(JSON.stringify(refreshed.errors));
    const refreshMs = Date.now() - started;
    const received = await subscriber.next(options.entities, 600_000);
    const deliveredMs = received[received.length - 1].at - started;
    const updates = received.filter(({ change }) => change.change === 'UPDATED' && change.entity !== null).length;

    const latencies: number[] = [];
    for (let sample = 0; sample < options.samples; sample += 1) {
      const applied = await graph('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', {
        yaml: componentYaml('latency-probe', { metadata: `  description: sample ${sample}\n` }),
      });
      if (!applied.data?.applyEntities.applied) throw new Error(JSON.stringify(applied));
      const [{ change, at }] = await subscriber.next(1);
      latencies.push(at - Date.parse((change as unknown as { recordedAt: string }).recordedAt));
    }
    await subscriber.close();

    const memory = await idleSubscriptionMemory(platform.gateway.port, options.idle);
    const sorted = [...latencies].sort((a, b) => a - b);
    const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return {
      entities: options.entities,
      refreshMs,
      eventsDelivered: received.length,
      updatesWithEntity: updates,
      eventsPerSecond: Math.round((received.length / deliveredMs) * 1000),
      // From the first delivery to the last: the gateway's side alone, without the read's start.
      deliveryEventsPerSecond: Math.round(((received.length - 1) / Math.max(1, received[received.length - 1].at - received[0].at)) * 1000),
      latencySamples: latencies.length,
      latencyP50Ms: quantile(0.5),
      latencyP99Ms: quantile(0.99),
      ...memory,
    };
  } finally {
    await platform?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Heap and RSS of this process (gateway and subgraphs) before and with `count` idle subscriptions. */
async function idleSubscriptionMemory(port: number, count: number) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    gc?.();
    return process.memoryUsage();
  };
  const before = await settle();
  // Plain JavaScript in a child process: its memory is not the gateway's.
  const script = `
    const { createClient } = require('graphql-ws');
    const WebSocket = require('ws');
    const count = ${count}, perConnection = 100, clients = [];
    let open = 0;
    for (let c = 0; c * perConnection < count; c++) {
      const client = createClient({ url: 'ws://127.0.0.1:${port}/graphql', webSocketImpl: WebSocket, retryAttempts: 0 });
      clients.push(client);
      for (let i = 0; i < Math.min(perConnection, count - c * perConnection); i++) {
        client.subscribe({ query: ${JSON.stringify(SELECTION)} }, { next() {}, error(e) { console.error(JSON.stringify(e)); process.exit(1); }, complete() {} });
      }
      client.on('connected', () => { open += 1; if (open === clients.length) setTimeout(() => console.log('OPEN'), 2000); });
    }
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('OPEN') && resolve());
      child.on('exit', (code) => reject(new Error(`the subscribing process exited with ${code}`)));
    });
    const after = await settle();
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return {
      idleSubscriptions: count,
      heapBeforeMb: mb(before.heapUsed),
      heapWithIdleMb: mb(after.heapUsed),
      heapPerSubscriptionKb: Math.round(((after.heapUsed - before.heapUsed) / count / 1024) * 10) / 10,
      rssWithIdleMb: mb(after.rss),
      gcExposed: Boolean(gc),
    };
  } finally {
    child.kill();
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { entities: { type: 'string', default: '10000' }, samples: { type: 'string', default: '50' }, idle: { type: 'string', default: '1000' } } });
  feedBench({ entities: Number(values.entities), samples: Number(values.samples), idle: Number(values.idle) }).then(
    (result) => {
      console.table([result]);
      console.log(JSON.stringify({ benchmark: 'feed', ...result }));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
