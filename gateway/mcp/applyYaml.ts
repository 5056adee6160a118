import { z } from 'zod';
import { graphData } from './graphData';
import type { McpGraph } from './McpGraph';
import { ToolFailure } from './ToolFailure';

/** The descriptor text a tool accepts: plenty for what an agent writes, small beside the gateway's body limit. */
export const yamlInput = z.string().min(1).max(100_000).describe('Descriptor YAML: one or more documents separated by ---');

const APPLY = `mutation McpApply($yaml: String!, $dryRun: Boolean!) {
  applyEntities(yaml: $yaml, dryRun: $dryRun) { applied dryRun refs relations { sourceRef type targetRef } errors { entityRef message } }
}`;

interface ApplyAnswer {
  applied: boolean;
  dryRun: boolean;
  refs: string[];
  relations: { sourceRef: string; type: string; targetRef: string }[];
  errors: { entityRef: string | null; message: string }[];
}

/**
 * `applyEntities` through the graph, dry or not: the catalog's own validation (Backstage's
 * rules) and the caller's permission to create entities. Invalid input fails the call
 * with every problem named, so the agent can fix the YAML and try again.
 */
export async function applyYaml(graph: McpGraph, yaml: string, dryRun: boolean): Promise<Omit<ApplyAnswer, 'errors'>> {
  const { data } = await graphData(graph, APPLY, { yaml, dryRun });
  const answer = data.applyEntities as ApplyAnswer;
  if (answer.errors.length > 0) {
    const problems = answer.errors.map((error) => `- ${error.entityRef ? `${error.entityRef}: ` : ''}${error.message}`).join('\n');
    throw new ToolFailure(`The descriptors are not valid${dryRun ? '' : '; nothing was stored'}:\n${problems}`, 'BAD_USER_INPUT');
  }
  const { errors: _none, ...rest } = answer;
  return rest;
}
