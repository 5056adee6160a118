/**
 * `npm run bench:observability`: what observability costs a request, on this machine.
 *
 * 1. The metrics' own work per request (what listen() and the gateway do on every answer:
 *    a timer, a counter, a histogram observation, the error plugin's pass), timed alone
 *    over many iterations: CPU per request, no I/O.
 * 2. Tracing off and on, end to end: the catalog (with the demo catalog) and the gateway in
 *    this process, a list query sent with a few connections, rounds alternating off/on;
 *    prints median latency and throughput per mode, and spans per request when on (an
 *    in-memory exporter in batches: export cost without a network).
 *
 *   npm run bench:observability [-- --requests 300 --rounds 3 --connections 4]
 */
import { parseArgs } from 'node:util';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createMetrics, startTracing } from '../kit/observability';
import { postGraphQL } from '../kit/testing';
import { startPlatform } from '../test/support/startPlatform';

const QUERY = '{ entities(first: 20) { edges { node { ref ... on Component { owner { ref } } } } } }';

function metricsCostNs(iterations: number): number {
  const metrics = createMetrics({ defaultMetrics: false });
  const labels = { service: 'gateway', route: '/graphql' };
  const started = process.hrtime.bigint();
  for (let index = 0; index < iterations; index++) {
    const end = metrics.requestDuration.startTimer(labels);
    end();
    metrics.requests.inc({ ...labels, status: '200' });
    metrics.subgraphFetchDuration.startTimer({ subgraph: 'catalog' })({ outcome: 'ok' });
  }
  return Number(process.hrtime.bigint() - started) / iterations;
}

async function drive(url: string, requests: number, connections: number): Promise<{ medianMs: number; perSecond: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next++ < requests) {
        const sent = performance.now();
        const answer = await postGraphQL(url, QUERY);
        if (answer.errors) throw new Error(answer.errors[0].message);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { medianMs: latencies[Math.floor(latencies.length / 2)], perSecond: requests / seconds };
}

async function round(traced: boolean, requests: number, connections: number) {
  const exporter = new InMemorySpanExporter();
  // Before the platform opens its databases and builds its fetcher: wrapping is decided then.
  const tracing = traced ? startTracing({ serviceName: 'bench', exporter }) : undefined;
  const platform = await startPlatform({ only: ['catalog'], subgraph: () => ({ demo: true }) });
  try {
    await drive(platform.gatewayUrl, 50, connections);
    exporter.reset();
    const figures = await drive(platform.gatewayUrl, requests, connections);
    await tracing?.flush();
    return { ...figures, spansPerRequest: exporter.getFinishedSpans().length / requests };
  } finally {
    await platform.stop();
    // Shutting down empties the in-memory exporter: counted above first.
    await tracing?.shutdown();
  }
}

async function main() {
  // As the tests do: @apollo/gateway would report to Apollo (and look up cloud metadata) otherwise.
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' }, rounds: { type: 'string', default: '3' }, connections: { type: 'string', default: '4' } } });
  const [requests, rounds, connections] = [values.requests, values.rounds, values.connections].map((value) => Math.min(Math.max(1, Number(value) || 1), 10_000));
  console.log(`metrics' own work per request: ${metricsCostNs(200_000).toFixed(0)} ns of CPU`);
  const results: Record<'off' | 'on', { medianMs: number; perSecond: number; spansPerRequest: number }[]> = { off: [], on: [] };
  for (let index = 0; index < Math.min(rounds, 10); index++) {
    results.off.push(await round(false, requests, connections));
    results.on.push(await round(true, requests, connections));
  }
  const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
  for (const mode of ['off', 'on'] as const) {
    const rows = results[mode];
    console.log(
      `tracing ${mode}: median latency ${median(rows.map((row) => row.medianMs)).toFixed(2)} ms, ` +
        `${median(rows.map((row) => row.perSecond)).toFixed(0)} requests/s` +
        (mode === 'on' ? `, ${median(rows.map((row) => row.spansPerRequest)).toFixed(1)} spans per request` : '') +
        ` (median of ${rows.length} rounds of ${requests} requests, ${connections} connections)`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
