/**
 * `npm run deploy:render -- [--values <file>] [--part migrations|services|all]`: prints the
 * Kubernetes manifests for the values (default deploy/kubernetes/values.yaml) as one YAML
 * stream, for `kubectl apply -f -`. Apply `--part migrations` first and wait for its Job
 * (docs/operations.md, "Upgrades"), then `--part services`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { renderManifests } from './renderManifests';
import { parseDeployValues } from './values';

const PARTS = { migrations: (kind: string) => kind === 'Job', services: (kind: string) => kind !== 'Job', all: () => true };

function main() {
  const { values } = parseArgs({
    options: {
      values: { type: 'string', default: path.join(__dirname, 'values.yaml') },
      part: { type: 'string', default: 'all' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log('Usage: npm run deploy:render -- [--values <file>] [--part migrations|services|all]');
  if (!Object.hasOwn(PARTS, values.part)) throw new Error(`--part is one of ${Object.keys(PARTS).join(', ')}, got "${values.part}"`);
  const keep = PARTS[values.part as keyof typeof PARTS];
  const manifests = renderManifests(parseDeployValues(parse(readFileSync(values.values, 'utf8'))));
  process.stdout.write(manifests.filter((manifest) => keep(manifest.kind)).map((manifest) => `---\n${stringify(manifest, { aliasDuplicateObjects: false })}`).join(''));
}

try {
  main();
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
