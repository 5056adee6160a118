/**
 * `npm start`: the whole platform in one process: every subgraph on its own loopback
 * port with an embedded database, then the gateway composing them.
 *
 *   npm start [-- --port 4000] [--in-memory] [--data-dir .data] [--location <path>]... [--no-demo]
 */
import { parseArgs } from 'node:util';
import { startGateway } from '../gateway/startGateway';
import { startSubgraph, type RunningSubgraph } from '../kit';
import { SUBGRAPHS } from '../supergraph.config';
import { databaseUrlFor, exitWith, log, onShutdown, parsePort } from './runtimeOptions';

const USAGE = `Usage: npm start -- [options]
  --port <n>          gateway port (default: $PORT or 4000)
  --in-memory         keep no data (default: persist in --data-dir)
  --data-dir <dir>    where embedded databases live (default: .data)
  --location <path>   register a descriptor file or glob at start (repeatable)
  --no-demo           start without the demo catalog and plugin demo data
Each subgraph's database URL can be set with <NAME>_DATABASE_URL, e.g. CATALOG_DATABASE_URL.`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'in-memory': { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: '.data' },
      location: { type: 'string', multiple: true, default: [] },
      'no-demo': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const port = parsePort(values.port ?? process.env.PORT, 4000);
  const runtime = { demo: !values['no-demo'], locations: values.location, log };
  const running: RunningSubgraph[] = [];
  let stopGateway: (() => Promise<void>) | undefined;
  onShutdown(async () => {
    await stopGateway?.();
    log('gateway stopped');
    for (const subgraph of running.reverse()) {
      await subgraph.stop();
      log(`subgraph ${subgraph.name} stopped`);
    }
  });
  for (const entry of SUBGRAPHS) {
    const databaseUrl = databaseUrlFor(entry.name, { dataDir: values['data-dir'], inMemory: values['in-memory'] });
    const subgraph = await startSubgraph(await entry.load(), { port: 0, databaseUrl, runtime });
    running.push(subgraph);
    log(`subgraph ${entry.name} ready at ${subgraph.url}`);
  }
  const gateway = await startGateway({
    port,
    supergraph: { kind: 'subgraphs', subgraphs: running.map(({ name, url }) => ({ name, url })) },
    log,
  });
  stopGateway = gateway.stop;
  log(`Ensemble is ready at ${gateway.url}`);
}

main().catch(exitWith);
