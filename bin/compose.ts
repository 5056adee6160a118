/**
 * `npm run compose`: composes every subgraph's schema into a supergraph file for
 * `npm run gateway -- --supergraph <file>`. Fails, listing the errors, when they do not compose.
 *
 *   npm run compose -- [--out supergraph.graphql] [--subgraph <name>=<url>]...
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CompositionError } from '../gateway/composeSupergraph';
import { composeProjectSupergraph } from '../gateway/composeProjectSupergraph';
import { parseSubgraphUrls } from './runtimeOptions';

const USAGE = `Usage: npm run compose -- [options]
  --out <file>              where to write the supergraph (default: supergraph.graphql)
  --subgraph <name>=<url>   the URL the gateway will call for that subgraph
                            (default: http://127.0.0.1:<its default port>/graphql)`;

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'supergraph.graphql' },
      subgraph: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const { supergraphSdl, hints } = await composeProjectSupergraph(parseSubgraphUrls(values.subgraph));
  for (const hint of hints) console.warn(`hint: ${hint}`);
  writeFileSync(values.out, supergraphSdl);
  console.log(`wrote ${values.out}`);
}

main().catch((error) => {
  console.error(error instanceof CompositionError ? error.message : `error: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
