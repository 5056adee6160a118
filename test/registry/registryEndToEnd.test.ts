import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../clients/cli/testing/runCli';
import { portOrFreePort } from '../../kit/server/freePort';
import { startProcess, type RunningProcess } from './startProcess';

/**
 * Issue 17's "Done means", with real processes: the registry, the catalog and cicd
 * subgraphs publishing themselves, a subgraph from outside the repository, and a gateway
 * following the registry.
 */
const SECRET = 'registry-end-to-end-subgraph-secret-0123456789';
const ADMIN = 'admin-token-for-the-registry-e2e';
const WEATHER_TEAM = 'weather-team-token-for-the-e2e';
const GATEWAY = 'gateway-token-for-the-registry-e2e';

const weatherSdl = (fields: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"])
"""The weather, from a team outside this repository."""
type Query { weather: Weather }
type Weather { ${fields} }
`;
const V1 = weatherSdl('summary: String temperature: Int');
const WITH_HUMIDITY = weatherSdl('summary: String temperature: Int humidity: Int');
const WITH_PRESSURE = weatherSdl('summary: String temperature: Int humidity: Int pressure: Int');
const RENAMED = weatherSdl('headline: String temperature: Int humidity: Int');
const SERVED = weatherSdl('summary: String headline: String temperature: Int humidity: Int pressure: Int');
const FORECAST = 'query Forecast { weather { summary } }';

describe('the schema registry end to end (real processes)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-registry-'));
  const file = (name: string, text: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, text);
    return target;
  };
  const processes: RunningProcess[] = [];
  let registryUrl = '';
  let gatewayUrl = '';
  let weatherUrl = '';
  let weatherPort = 0;
  let external: RunningProcess;

  const cli = (args: string[], token = WEATHER_TEAM) => runCli([...args, '--endpoint', `${registryUrl}/`, '--token', token]);
  const startExternal = (sdl: string) => {
    const running = startProcess('test/registry/externalSubgraph.ts', [String(weatherPort), file(`served-${processes.length}.graphql`, sdl)], { EXTERNAL_SECRET: SECRET }, /external subgraph ready/);
    processes.push(running);
    return running;
  };
  const query = async (text: string, client = 'e2e') => {
    const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'apollographql-client-name': client }, body: JSON.stringify({ query: text }) });
    return { status: response.status, version: response.headers.get('ensemble-supergraph-version'), body: (await response.json()) as { data?: any; errors?: any[] } };
  };
  /** Polls the gateway until `test` holds, for at most `limitMs`; returns how long it took. */
  const until = async (test: () => Promise<boolean>, limitMs: number) => {
    const started = Date.now();
    while (!(await test())) {
      if (Date.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return Date.now() - started;
  };

  beforeAll(async () => {
    const manifest = file('persisted.json', JSON.stringify({ [createHash('sha256').update(FORECAST).digest('hex')]: FORECAST }));
    const registry = startProcess(
      'bin/registry.ts',
      ['--port', '0', '--in-memory', '--persisted-documents', manifest, '--admin', 'group:default/platform-team', '--owner', 'weather=group:default/weather-team',
        '--api-token', `${ADMIN}=user:default/platform-bot,group:default/platform-team`, '--api-token', `${WEATHER_TEAM}=user:default/weather-ci,group:default/weather-team`,
        '--api-token', `${GATEWAY}=user:default/gateway`],
      { REGISTRY_DATABASE_URL: '' },
      /registry ready at (\S+)\/registry\//,
    );
    processes.push(registry);
    registryUrl = (await registry.ready)[1];
    // cicd extends the catalog's Entity: the catalog publishes first, as in a first deployment.
    for (const name of ['catalog', 'cicd']) {
      const subgraph = startProcess('bin/subgraph.ts', [name, '--port', '0', '--in-memory', '--publish-to', registryUrl], { ENSEMBLE_SUBGRAPH_SECRET: SECRET, ENSEMBLE_REGISTRY_TOKEN: ADMIN }, new RegExp(`subgraph ${name}: published`));
      processes.push(subgraph);
      await subgraph.ready;
    }
    weatherPort = await portOrFreePort(0);
    weatherUrl = `http://127.0.0.1:${weatherPort}/graphql`;
    external = startExternal(SERVED);
    await external.ready;
    expect((await cli(['schema', 'publish', 'weather', '--schema', file('v1.graphql', V1), '--url', weatherUrl])).code).toBe(0);
    const gateway = startProcess('bin/gateway.ts', ['--port', '0', '--anonymous', '--registry', registryUrl, '--registry-poll', '300', '--usage-interval', '300'],
      { ENSEMBLE_SUBGRAPH_SECRET: SECRET, ENSEMBLE_REGISTRY_TOKEN: GATEWAY, PORT: '' }, /gateway ready at (\S+)/);
    processes.push(gateway);
    gatewayUrl = (await gateway.ready)[1].replace('localhost', '127.0.0.1');
  }, 300_000);

  afterAll(async () => {
    await Promise.all(processes.map((running) => running.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the published supergraph, naming its version in a header and /readyz', async () => {
    const answer = await query('{ weather { summary } entities(first: 1) { totalCount } }');
    expect(answer.body).toEqual({ data: { weather: { summary: 'sunny' }, entities: { totalCount: 0 } } });
    expect(answer.version).toBe('3');
    const ready = await (await fetch(gatewayUrl.replace('/graphql', '/readyz'))).json();
    expect(ready).toMatchObject({ supergraphVersion: 3 });
  });

  it('lets a team publish only its own subgraphs', async () => {
    expect((await cli(['schema', 'publish', 'catalog', '--schema', file('x.graphql', V1), '--url', weatherUrl])).code).toBe(5);
    expect((await cli(['schema', 'rollback', '1'])).code).toBe(5);
    expect((await runCli(['schema', 'history', '--endpoint', `${registryUrl}/`])).code).toBe(7);
  });

  it('1. a published new field is served by the running gateway within 10 s', async () => {
    const publish = await cli(['schema', 'publish', 'weather', '--schema', file('humidity.graphql', WITH_HUMIDITY), '--url', weatherUrl]);
    expect(publish.code).toBe(0);
    expect(publish.stdout).toMatch(/published weather: supergraph version 4/);
    const tookMs = await until(async () => (await query('{ weather { humidity } }')).body.data?.weather?.humidity === 40, 10_000);
    console.log(`new field served ${tookMs} ms after publish returned`);
  });

  it('2. a breaking rename of a field a persisted document uses fails the check, naming the operation; publish refuses without --force', async () => {
    const renamed = file('renamed.graphql', RENAMED);
    const check = await cli(['schema', 'check', 'weather', '--schema', renamed]);
    expect(check.code).toBe(8);
    expect(check.stdout).toMatch(/Field 'summary' was removed from object type 'Weather'/);
    expect(check.stdout).toMatch(/Forecast \([0-9a-f]{12}\): persisted document of ensemble clients/);
    const publish = await cli(['schema', 'publish', 'weather', '--schema', renamed, '--url', weatherUrl]);
    expect(publish.code).toBe(8);
    expect(publish.stderr).toMatch(/would break operations in use/);
    expect((await query('{ weather { summary } }')).version).toBe('4');
  });

  it('3. removing a field nothing used in the window passes', async () => {
    expect((await cli(['schema', 'publish', 'weather', '--schema', file('pressure.graphql', WITH_PRESSURE), '--url', weatherUrl])).code).toBe(0);
    const check = await cli(['schema', 'check', 'weather', '--schema', file('no-pressure.graphql', WITH_HUMIDITY)]);
    expect(check.stdout).toMatch(/Field 'pressure' was removed from object type 'Weather' \(unused\)/);
    expect(check.code).toBe(0);
  });

  it('a field that recorded traffic used fails the check, naming the operation and the client that sent it', async () => {
    expect((await query('query Temperatures { weather { temperature } }', 'weather-script')).body.data).toEqual({ weather: { temperature: 21 } });
    const withoutTemperature = file('no-temperature.graphql', weatherSdl('summary: String humidity: Int pressure: Int'));
    // The gateway reports every 300 ms here; the check sees the request once the report has arrived.
    let check = await cli(['schema', 'check', 'weather', '--schema', withoutTemperature]);
    await until(async () => (check = await cli(['schema', 'check', 'weather', '--schema', withoutTemperature])).code === 8, 10_000);
    expect(check.stdout).toMatch(/Temperatures \([0-9a-f]{12}\): 1 request\(s\) from weather-script/);
  });

  it('4. twenty supergraph swaps under a bounded load give zero failed requests', async () => {
    const failures: string[] = [];
    let requests = 0;
    let done = false;
    const worker = async () => {
      while (!done && requests < 20_000) {
        requests++;
        const answer = await query('{ weather { summary temperature } entities(first: 1) { totalCount } }').catch((error: Error) => ({ status: 0, version: null, body: { errors: [error.message] } }));
        if (answer.status !== 200 || answer.body.errors) failures.push(JSON.stringify(answer));
      }
    };
    const load = Promise.all([worker(), worker(), worker(), worker()]);
    const schemas = [file('swap-a.graphql', WITH_HUMIDITY), file('swap-b.graphql', WITH_PRESSURE)];
    const versions: string[] = [];
    try {
      for (let swap = 0; swap < 20; swap++) {
        const publish = await cli(['schema', 'publish', 'weather', '--schema', schemas[swap % 2], '--url', weatherUrl, '--json']);
        expect(publish.code).toBe(0);
        const version = String(JSON.parse(publish.stdout).version);
        await until(async () => (await query('{ __typename }')).version === version, 10_000);
        versions.push(version);
      }
    } finally {
      done = true;
      await load;
    }
    console.log(`20 swaps (versions ${versions[0]}..${versions[19]}) under ${requests} requests from 4 loops: ${failures.length} failed`);
    expect(new Set(versions).size).toBe(20);
    expect(failures).toEqual([]);
  }, 240_000);

  it('5. a rollback restores the previous schema', async () => {
    const history = await cli(['schema', 'history', '--limit', '2', '--json']);
    const [latest, previous] = JSON.parse(history.stdout) as { version: number }[];
    // The last swap published pressure; the one before removed it.
    expect((await query('{ weather { pressure } }')).body.data).toEqual({ weather: { pressure: 1013 } });
    const rollback = await cli(['schema', 'rollback', String(previous.version), '--reason', 'e2e'], ADMIN);
    expect(rollback.code).toBe(0);
    expect(rollback.stdout).toMatch(new RegExp(`rolled back to version ${previous.version}: now serving supergraph version ${latest.version + 1}`));
    await until(async () => (await query('{ __typename }')).version === String(latest.version + 1), 10_000);
    expect((await query('{ weather { pressure } }')).body.errors?.[0].message).toMatch(/Cannot query field "pressure"/);
  });

  it('6. a subgraph redeployed with a renamed field, before publishing, gives an error that names the skew', async () => {
    await external.stop();
    external = startExternal(RENAMED);
    await external.ready;
    const answer = await query('{ weather { summary } }');
    expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_SCHEMA_SKEW', serviceName: 'weather' } });
    expect(answer.body.errors?.[0].message).toMatch(/Subgraph "weather" runs a schema that differs from the supergraph's .*Cannot query field "summary"/);
    expect(answer.body.errors?.[0].message).not.toMatch(/unavailable/);
  });
});
