import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createProcessLog, inSpan, startTracing, type Tracing } from '../../kit/observability';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { Writable } from 'node:stream';

const QUERY = '{ entities(first: 2) { edges { node { ref } } } }';
const FORGED = '00-0123456789abcdef0123456789abcdef-0123456789abcdef-01';

/** The spans of the trace whose root is the gateway's answer to the last POST /graphql. */
function lastGatewayTrace(spans: ReadableSpan[]): ReadableSpan[] {
  const roots = spans.filter((span) => span.attributes['ensemble.service'] === 'gateway' && span.name === 'POST /graphql');
  const traceId = roots.at(-1)!.spanContext().traceId;
  return spans.filter((span) => span.spanContext().traceId === traceId);
}

const parentOf = (span: ReadableSpan, spans: ReadableSpan[]) => spans.find((candidate) => candidate.spanContext().spanId === span.parentSpanContext?.spanId);

describe('one request, one trace: gateway, subgraph, database', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let platform: TestPlatform;
  beforeAll(async () => {
    // Before anything opens: databases and the gateway's fetcher are wrapped only when tracing is on.
    tracing = startTracing({ serviceName: 'ensemble-test', exporter, immediate: true });
    platform = await startPlatform({ only: ['catalog'] });
  });
  afterAll(async () => {
    await platform?.stop();
    await tracing?.shutdown();
  });

  it('links the subgraph and its statements to the gateway span through a signed call', async () => {
    exporter.reset();
    const answer = await postGraphQL(platform.gatewayUrl, QUERY);
    // The subgraph checked the gateway's signature and answered: traceparent did not break it.
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.entities.edges).toEqual([]);
    const spans = lastGatewayTrace(exporter.getFinishedSpans());
    const root = spans.find((span) => span.attributes['ensemble.service'] === 'gateway' && span.name === 'POST /graphql')!;
    expect(root.parentSpanContext).toBeUndefined();
    const fetch = spans.find((span) => span.name === 'subgraph catalog')!;
    expect(fetch).toBeDefined();
    const served = spans.find((span) => span.attributes['ensemble.service'] === 'catalog' && span.name === 'POST /graphql')!;
    // The subgraph's span is the child of the gateway's fetch: it came over HTTP in traceparent.
    expect(parentOf(served, spans)).toBe(fetch);
    const statements = spans.filter((span) => span.attributes['db.system.name'] === 'pglite');
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      let ancestor: ReadableSpan | undefined = statement;
      while (ancestor && ancestor !== served) ancestor = parentOf(ancestor, spans);
      expect(ancestor).toBe(served);
      expect(String(statement.attributes['db.query.text'])).toMatch(/^\s*(SELECT|WITH)/i);
    }
  });

  it('does not let a caller of the gateway choose the trace', async () => {
    exporter.reset();
    await postGraphQL(platform.gatewayUrl, QUERY, undefined, { traceparent: FORGED });
    const spans = lastGatewayTrace(exporter.getFinishedSpans());
    expect(spans[0].spanContext().traceId).not.toBe(FORGED.split('-')[1]);
  });

  it('on a subgraph, reads only a well-formed traceparent and nothing else from it', async () => {
    exporter.reset();
    const { url } = platform.subgraphs.catalog;
    await postGraphQL(url, '{ __typename }', undefined, { traceparent: FORGED });
    await postGraphQL(url, '{ __typename }', undefined, { traceparent: `${FORGED.slice(0, -2)}zz` });
    await postGraphQL(url, '{ __typename }', undefined, { traceparent: `${FORGED}-${'x'.repeat(2000)}` });
    const served = exporter.getFinishedSpans().filter((span) => span.attributes['ensemble.service'] === 'catalog' && span.name === 'POST /graphql');
    expect(served).toHaveLength(3);
    expect(served[0].spanContext().traceId).toBe(FORGED.split('-')[1]);
    expect(served[1].parentSpanContext).toBeUndefined();
    expect(served[2].parentSpanContext).toBeUndefined();
  });

  it('puts the trace id in JSON log lines written inside a span', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const log = createProcessLog('json', 'gateway', sink);
    exporter.reset();
    await inSpan('work', {}, async () => log('inside a span'));
    log('outside any span');
    const [inside, outside] = lines.map((line) => JSON.parse(line));
    const work = exporter.getFinishedSpans().find((span) => span.name === 'work')!;
    expect(inside).toMatchObject({ service: 'gateway', msg: 'inside a span', trace_id: work.spanContext().traceId });
    expect(outside.msg).toBe('outside any span');
    expect(outside.trace_id).toBeUndefined();
  });
});
