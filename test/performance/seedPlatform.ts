import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { postGraphQL } from '../../kit/testing';

/**
 * `components` components owned by one group, each with CI runs, a security scan, and
 * (every fifth) published docs: all through the graph's own mutations. The docs sources are
 * written under `docsRoot`, which must be one of TechDocs' source roots (TECHDOCS_SOURCE_ROOTS).
 */
export async function seedPlatform(gatewayUrl: string, components: number, docsRoot: string): Promise<void> {
  const yaml = [
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []',
    'apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: shop\nspec:\n  owner: team-a',
    ...Array.from(
      { length: components },
      (_, i) =>
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: service-${String(i).padStart(3, '0')}\n  annotations:\n    github.com/project-slug: acme/service-${i}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n  system: shop`,
    ),
  ].join('\n---\n');
  const applied = await postGraphQL(gatewayUrl, 'mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml });
  if (!applied.data?.applyEntities?.applied) throw new Error(`seeding failed: ${JSON.stringify(applied.errors ?? applied.data)}`);
  for (let i = 0; i < components; i++) {
    const ref = `component:default/service-${String(i).padStart(3, '0')}`;
    const run = await postGraphQL(
      gatewayUrl,
      'mutation ($input: PipelineRunInput!) { recordPipelineRun(input: $input) { id } }',
      { input: { entityRef: ref, pipeline: 'build', status: 'SUCCEEDED', branch: 'main', startedAt: new Date(Date.now() - 60_000).toISOString() } },
    );
    if (run.errors) throw new Error(JSON.stringify(run.errors));
    const report = JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities: {
        lodash: { name: 'lodash', severity: 'high', isDirect: true, via: [{ source: 1000 + i, name: 'lodash', title: 'Prototype pollution', severity: 'high', range: '<4.17.21' }], effects: [], range: '<4.17.21', nodes: ['node_modules/lodash'], fixAvailable: true },
      },
    });
    const scan = await postGraphQL(gatewayUrl, 'mutation ($ref: ID!, $report: String!) { importNpmAudit(entityRef: $ref, report: $report) { opened } }', { ref, report });
    if (scan.errors) throw new Error(JSON.stringify(scan.errors));
    if (i % 5 === 0) {
      const source = path.join(docsRoot, String(i));
      mkdirSync(path.join(source, 'docs'), { recursive: true });
      writeFileSync(path.join(source, 'docs', 'index.md'), `# service-${i}\n\nHow to run it.\n`);
      const docs = await postGraphQL(gatewayUrl, 'mutation ($ref: ID!, $dir: String!) { publishDocs(entityRef: $ref, sourceDir: $dir) { pageCount } }', { ref, dir: source });
      if (docs.errors) throw new Error(JSON.stringify(docs.errors));
    }
  }
}

/** A page of components with every plugin's fields. */
export const LIST_WITH_EVERY_PLUGIN = `
  query ($first: Int!) {
    entities(filter: { kind: ["Component"] }, first: $first) {
      edges { node {
        ref name
        ... on Component { owner { ref } system { ref name } }
        relations { type targetRef }
        latestRuns { pipeline status }
        buildStats { runCount }
        vulnerabilitySummary { high total }
        vulnerabilities(first: 3) { advisoryId }
        docs { pageCount }
        scorecard { level results { status } }
      } }
    }
  }`;
