/**
 * The load generator, run in its own process (pinned to its own core by run.ts):
 * autocannon at a fixed number of connections against one URL, each request's variables
 * drawn at random from the pool it is given (so no cache or de-duplication can answer
 * for the server), or a fresh document per request for the unique-documents case.
 * Reads one JSON job on argv, prints one JSON result line.
 */
import autocannon from 'autocannon';
import { Agent, request } from 'node:http';
import { signedHeaders } from '../kit';

export interface LoadJob {
  url: string;
  query: string;
  /** Variable sets to draw from. */
  variables: Record<string, unknown>[];
  /**
   * A new document per request: `$$` in the query becomes the string literal
   * `<prefix><random integer below count>`, and a comment with a request number is
   * appended, so no two documents are the same text.
   */
  unique?: { prefix: string; count: number };
  connections: number;
  durationSeconds: number;
  /** Signs each body with this secret (a direct subgraph call). */
  signWith?: string;
  /**
   * Instead of autocannon: this many requests one after the other on one keep-alive
   * connection, each timed from send to last byte (autocannon's percentiles are whole
   * milliseconds; a catalog lookup takes less than one). For the added-latency figure.
   */
  sequential?: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** Answers whose JSON carried `errors` (sampled: every one is parsed). */
  graphqlErrors: number;
  firstError?: string;
}

async function main() {
  const job = JSON.parse(process.argv[2]) as LoadJob;
  if (job.sequential) return timeSequentially(job, job.sequential);
  let graphqlErrors = 0;
  let firstError: string | undefined;
  let sequence = 0;
  const body = () => {
    if (job.unique) {
      const literal = JSON.stringify(`${job.unique.prefix}${Math.floor(Math.random() * job.unique.count)}`);
      return JSON.stringify({ query: `${job.query.replace('$$', literal)}\n# request ${process.pid}-${sequence++}` });
    }
    const variables = job.variables[Math.floor(Math.random() * job.variables.length)];
    return JSON.stringify({ query: job.query, variables });
  };
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.durationSeconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const text = body();
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (job.signWith) Object.assign(headers, signedHeaders(job.signWith, text));
          return { ...request, body: text, headers };
        },
        onResponse: (status, responseBody) => {
          if (responseBody.includes('"errors"')) {
            graphqlErrors++;
            firstError ??= responseBody.slice(0, 400);
          }
        },
      },
    ],
  });
  const output: LoadResult = {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / job.durationSeconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    firstError,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

/** `count` requests in a row on one connection; percentiles in fractional milliseconds. */
async function timeSequentially(job: LoadJob, count: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(job.url);
  const send = (text: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(job.signWith ? signedHeaders(job.signWith, text) : {}) };
      const call = request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      call.on('error', reject);
      call.end(text);
    });
  const bodies = Array.from({ length: count }, () => JSON.stringify({ query: job.query, variables: job.variables[Math.floor(Math.random() * job.variables.length)] }));
  const latencies: number[] = [];
  let non2xx = 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  for (const text of bodies) {
    const sent = process.hrtime.bigint();
    const { status, body } = await send(text);
    latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
    if (status < 200 || status > 299) non2xx++;
    if (body.includes('"errors"')) {
      graphqlErrors++;
      firstError ??= body.slice(0, 400);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 1000) / 1000;
  const output: LoadResult = {
    requests: count,
    requestsPerSecond: Math.round(count / seconds),
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    errors: 0,
    non2xx,
    graphqlErrors,
    firstError,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

void main();
