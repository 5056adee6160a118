/**
 * `npm run bench:mcp`: what one cross-plugin question costs an agent, in tool calls and
 * bytes returned, through Ensemble's MCP server and through the one-hop-per-call pattern
 * of REST-backed portal MCP servers (get an entity, then ask each plugin about it).
 *
 * The question: "the components owned by <group> (and its sub-groups) whose latest build
 * failed and that have critical vulnerabilities" (the demo catalog has no *service* that
 * is both, so every component type counts). Both agents run against the same gateway (the demo
 * catalog, cicd and security in one process, in memory) through the SDK's own client
 * over Streamable HTTP, and must reach the same answer. Counts are exact; no timing.
 *
 *   npm run bench:mcp [-- --group group:default/commerce-engineering]
 */
import { parseArgs } from 'node:util';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { connectHttp, jsonOf, textOf } from '../gateway/mcp/testing/mcpClients';
import { startPlatform } from '../test/support/startPlatform';

interface Tally {
  calls: number;
  bytes: number;
}

/** A client that counts every tool call and the bytes of its answers. */
function counting(client: Client, tally: Tally) {
  return async (name: string, args: Record<string, unknown>) => {
    const result = await client.callTool({ name, arguments: args });
    tally.calls += 1;
    tally.bytes += Buffer.byteLength(textOf(result));
    return jsonOf(result);
  };
}

type Call = ReturnType<typeof counting>;

/** Ensemble: one query across the catalog, cicd and security. */
async function throughTheGraph(call: Call, group: string): Promise<string[]> {
  const { data } = await call('query_graph', {
    query: `query Risky($group: ID!) { entity(ref: $group) { ... on Group { ownsTransitively(kind: ["Component"]) {
      ref latestRun(statuses: [SUCCEEDED, FAILED]) { status pipeline url } vulnerabilitySummary { critical } } } } }`,
    variables: { group },
  });
  const owned = data.entity.ownsTransitively as { ref: string; latestRun: { status: string } | null; vulnerabilitySummary: { critical: number } | null }[];
  return owned
    .filter((entity) => entity.latestRun?.status === 'FAILED' && (entity.vulnerabilitySummary?.critical ?? 0) > 0)
    .map((entity) => entity.ref)
    .sort();
}

/** What a REST catalog's "get entity" answers: the whole descriptor and its relations. */
const WHOLE_ENTITY = 'ref kind namespace name apiVersion title description tags labels { key value } annotations { key value } links { url title } spec relations { type targetRef }';

/**
 * One hop per call: read the group, walk its sub-groups one entity at a time, read each
 * owned entity, then ask the CI plugin for its runs and the security plugin for its
 * findings, one call each, as separate REST endpoints answer.
 */
async function oneHopPerCall(call: Call, group: string): Promise<string[]> {
  const groups = [group];
  const owned = new Set<string>();
  for (let index = 0; index < groups.length; index += 1) {
    const { entities } = await call('get_entities', { refs: [groups[index]], fields: WHOLE_ENTITY });
    for (const relation of entities[0].relations as { type: string; targetRef: string }[]) {
      if (relation.type === 'parentOf') groups.push(relation.targetRef);
      if (relation.type === 'ownerOf' && relation.targetRef.startsWith('component:')) owned.add(relation.targetRef);
    }
  }
  const risky: string[] = [];
  for (const ref of [...owned].sort()) {
    const { entities } = await call('get_entities', { refs: [ref], fields: WHOLE_ENTITY });
    if (!entities.length) continue;
    const runs = await call('query_graph', {
      query: 'query Runs($ref: ID!) { pipelineRunsFor(entityRef: $ref, first: 10) { id pipeline status commitSha branch url startedAt finishedAt durationSeconds } }',
      variables: { ref },
    });
    const findings = await call('query_graph', {
      query: 'query Findings($ref: ID!) { findings(entityRef: $ref, first: 20) { id advisoryId scanner package installedVersion vulnerableRange fixedVersion severity title state } }',
      variables: { ref },
    });
    const latest = (runs.data.pipelineRunsFor as { status: string }[]).find((run) => run.status === 'SUCCEEDED' || run.status === 'FAILED');
    const critical = (findings.data.findings as { severity: string }[]).filter((finding) => finding.severity === 'CRITICAL');
    if (latest?.status === 'FAILED' && critical.length > 0) risky.push(ref);
  }
  return risky.sort();
}

async function main() {
  const { values } = parseArgs({ options: { group: { type: 'string', default: 'group:default/commerce-engineering' } } });
  const platform = await startPlatform({ only: ['catalog', 'cicd', 'security'], subgraph: () => ({ demo: true }) });
  try {
    const client = await connectHttp(`http://127.0.0.1:${platform.gateway.port}/mcp`);
    const graph: Tally = { calls: 0, bytes: 0 };
    const hops: Tally = { calls: 0, bytes: 0 };
    const answer = await throughTheGraph(counting(client, graph), values.group);
    const hopAnswer = await oneHopPerCall(counting(client, hops), values.group);
    await client.close();
    if (JSON.stringify(answer) !== JSON.stringify(hopAnswer)) throw new Error(`The two agents disagree: ${answer.join(', ')} against ${hopAnswer.join(', ')}`);
    console.log(`question: components owned by ${values.group} (and its sub-groups) whose latest build failed, with critical vulnerabilities`);
    console.log(`answer:   ${answer.length ? answer.join(', ') : '(none)'}`);
    console.log('');
    console.log('pattern                         tool calls   bytes returned');
    console.log(`Ensemble MCP (query_graph)      ${String(graph.calls).padStart(10)}   ${String(graph.bytes).padStart(14)}`);
    console.log(`one hop per call                ${String(hops.calls).padStart(10)}   ${String(hops.bytes).padStart(14)}`);
    console.log(`ratio                           ${(hops.calls / graph.calls).toFixed(1).padStart(9)}x   ${(hops.bytes / graph.bytes).toFixed(1).padStart(13)}x`);
  } finally {
    await platform.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
