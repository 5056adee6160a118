import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postGraphQL } from '../kit/testing';
import { watchStart } from './support/watchStart';

const ROOT = path.resolve(__dirname, '..');

/** Runs `npm start`'s entry point as a real process, as a user would. */
function start(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string; ready: Promise<string>; read: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/start.ts', '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, PORT: '' } });
  return { child, ...watchStart(child) };
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
}

describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ensemble-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the demo catalog, prints a line per subgraph, and stops cleanly on SIGINT', async () => {
    const run = start(['--data-dir', dataDir]);
    const url = (await run.ready).replace('localhost', '127.0.0.1');
    expect(run.output()).toMatch(/subgraph catalog ready at http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(run.output()).toMatch(/subgraph cicd ready at/);
    expect(run.output()).toMatch(/web UI at http:\/\/localhost:\d+\/\n/);
    await run.read;
    const result = await postGraphQL(url, '{ entity(ref: "component:checkout-service") { ref } }');
    expect(result.data).toEqual({ entity: { ref: 'component:default/checkout-service' } });
    // The web UI is served beside the graph, and client-side routes get its index page.
    for (const page of ['/', '/entity/component/default/checkout-service']) {
      const response = await fetch(url.replace('/graphql', page));
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/<div id="root">/);
    }
    run.child.kill('SIGINT');
    expect(await exited(run.child)).toBe(0);
    expect(run.output()).toMatch(/subgraph catalog stopped/);
  }, 120_000);

  it('keeps data across restarts, and starts without the demo when asked', async () => {
    const run = start(['--data-dir', dataDir, '--no-demo']);
    const url = (await run.ready).replace('localhost', '127.0.0.1');
    // The demo catalog loaded by the previous run is still there.
    const result = await postGraphQL(url, '{ entity(ref: "component:checkout-service") { ref } }');
    expect(result.data).toEqual({ entity: { ref: 'component:default/checkout-service' } });
    run.child.kill('SIGTERM');
    expect(await exited(run.child)).toBe(0);

    const empty = start(['--in-memory', '--no-demo']);
    const emptyUrl = (await empty.ready).replace('localhost', '127.0.0.1');
    expect((await postGraphQL(emptyUrl, '{ entities { totalCount } }')).data).toEqual({ entities: { totalCount: 0 } });
    empty.child.kill('SIGINT');
    expect(await exited(empty.child)).toBe(0);
  }, 120_000);

  it('with --no-anonymous: refuses callers without a token, and scorecards still read the graph with one of their own', async () => {
    const token = 'a-token-for-the-no-anonymous-start-test';
    const run = start(['--in-memory', '--no-anonymous', '--api-token', `${token}=user:default/ada.okafor`]);
    const url = (await run.ready).replace('localhost', '127.0.0.1');
    expect(run.output()).toMatch(/scorecards read the graph as user:default\/scorecards with a token made for this run/);
    await run.read;
    const query = '{ entity(ref: "component:checkout-service") { scorecard { results { status reason } } } }';
    expect((await postGraphQL(url, query)).status).toBe(401);
    const result = await postGraphQL(url, query, {}, { authorization: `Bearer ${token}` });
    expect(result.errors).toBeUndefined();
    const results: { status: string; reason: string }[] = result.data!.entity.scorecard.results;
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((check) => check.status === 'UNKNOWN')).toEqual([]);
    run.child.kill('SIGINT');
    expect(await exited(run.child)).toBe(0);
  }, 120_000);
});
