import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const ref = z.string().min(1).max(300);

/** Common questions as prompts: each says which tool answers it in one call. */
export function registerPrompts(server: McpServer): void {
  const user = (text: string) => ({ messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] });
  server.registerPrompt(
    'owner_and_health',
    { title: 'Who owns it and how healthy is it?', description: 'Owner, CI on main, open vulnerabilities and scorecard of one entity', argsSchema: { ref } },
    ({ ref: entity }) =>
      user(`Who owns ${entity} and how healthy is it? Answer with one get_entities call for ${entity} with fields
"ref title owners: relations(type: \\"ownedBy\\") { targetRef } latestRun(branch: \\"main\\", statuses: [SUCCEEDED, FAILED]) { status finishedAt url } vulnerabilitySummary { critical high moderate low } scorecard { level nextLevel }"
(check field names with describe_graph type "Entity" if one is refused), then summarise: owner, CI, security, scorecard.`),
  );
  server.registerPrompt(
    'blast_radius',
    { title: 'What breaks if it breaks?', description: 'Everything that depends on an entity, transitively, and who owns it', argsSchema: { ref } },
    ({ ref: entity }) =>
      user(`What is the blast radius of ${entity}? Call entity_relations with ref ${entity}, direction "dependents" and depth 5, then group what it finds by owner and say who to warn.`),
  );
  server.registerPrompt(
    'team_risks',
    { title: 'A team\'s risks', description: 'Failing builds and critical vulnerabilities across what a group owns', argsSchema: { group: ref } },
    ({ group }) =>
      user(`Which of ${group}'s components have failing builds or critical vulnerabilities? Use one query_graph call:
{ entity(ref: "${group}") { ... on Group { ownsTransitively(kind: ["Component"]) { ref latestRun(statuses: [SUCCEEDED, FAILED]) { status pipeline url } vulnerabilitySummary { critical high } } } } }
then list the components with a FAILED latest run or critical findings, worst first.`),
  );
}
