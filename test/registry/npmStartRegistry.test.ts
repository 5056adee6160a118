import path from 'node:path';
import { runCli } from '../../clients/cli/testing/runCli';
import { startProcess } from './startProcess';

const ROOT = path.resolve(__dirname, '../..');

describe('npm start serves through the registry', () => {
  it('publishes every subgraph to its embedded registry, follows it, and answers `ensemble schema` on the gateway port', async () => {
    const start = startProcess('bin/start.ts', ['--port', '0', '--in-memory', '--no-demo'], { PORT: '' }, /Ensemble is ready at (\S+)/);
    try {
      const url = (await start.ready)[1].replace('localhost', '127.0.0.1');
      expect(start.output()).toMatch(/registry: catalog published, supergraph version 1/);
      expect(start.output()).toMatch(/registry: scorecards published, supergraph version 5/);
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ entities { totalCount } }' }) });
      expect(response.headers.get('ensemble-supergraph-version')).toBe('5');
      expect(await response.json()).toEqual({ data: { entities: { totalCount: 0 } } });
      const check = await runCli(['schema', 'check', 'cicd', '--schema', path.join(ROOT, 'subgraphs/cicd/schema.graphql'), '--endpoint', url]);
      expect(check.stdout).toMatch(/✓ composition/);
      expect(check.code).toBe(0);
      const history = await runCli(['schema', 'history', '--json', '--endpoint', url]);
      expect(JSON.parse(history.stdout).map((entry: { subgraph: string }) => entry.subgraph)).toEqual(['scorecards', 'security', 'techdocs', 'cicd', 'catalog']);
    } finally {
      expect(await start.stop()).toBe(0);
    }
  }, 600_000);
});
