import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** How many entities of each kind were written (names are `<kind>-<i>`, i from 0). */
export interface CatalogCounts {
  groups: number;
  users: number;
  domains: number;
  systems: number;
  apis: number;
  resources: number;
  components: number;
}

/**
 * Writes a synthetic but realistically shaped catalog of about `size` entities: groups in
 * a hierarchy, users in teams, domains, systems, APIs, resources and components with
 * owners, systems, provided and consumed APIs and dependencies (about 7 relations per
 * entity, as in the Backstage figures this is compared with). One entity per file, as
 * real catalogs keep one catalog-info.yaml per repository. Returns the root location.
 */
export function generateCatalog(dir: string, size: number): { root: string; entities: number; counts: CatalogCounts } {
  const count = (share: number) => Math.max(1, Math.round(size * share));
  const groups = count(0.02);
  const users = count(0.1);
  const domains = count(0.002);
  const systems = count(0.01);
  const apis = count(0.1);
  const resources = count(0.05);
  const components = size - groups - users - domains - systems - apis - resources;
  const pick = (index: number, total: number, salt: number) => (index * 7919 + salt * 104729) % total;
  let written = 0;
  const emit = (folder: string, name: string, kind: string, spec: Record<string, unknown>) => {
    const file = path.join(dir, folder, `${name}.yaml`);
    const yaml = [
      'apiVersion: backstage.io/v1alpha1',
      `kind: ${kind}`,
      'metadata:',
      `  name: ${name}`,
      `  description: Generated ${kind.toLowerCase()} ${name} for benchmarks`,
      '  tags: [generated, bench]',
      'spec:',
      ...Object.entries(spec).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`),
      '',
    ].join('\n');
    writeFileSync(file, yaml);
    written++;
  };
  for (const folder of ['groups', 'users', 'domains', 'systems', 'apis', 'resources', 'components']) {
    mkdirSync(path.join(dir, folder), { recursive: true });
  }
  for (let i = 0; i < groups; i++) {
    const children = [1, 2, 3].map((n) => i * 3 + n).filter((child) => child < groups).map((child) => `group-${child}`);
    emit('groups', `group-${i}`, 'Group', { type: i === 0 ? 'organization' : 'team', children, ...(i ? { parent: `group-${Math.floor((i - 1) / 3)}` } : {}) });
  }
  for (let i = 0; i < users; i++) emit('users', `user-${i}`, 'User', { memberOf: [`group-${pick(i, groups, 1)}`] });
  for (let i = 0; i < domains; i++) emit('domains', `domain-${i}`, 'Domain', { owner: `group-${pick(i, groups, 2)}` });
  for (let i = 0; i < systems; i++) {
    emit('systems', `system-${i}`, 'System', { owner: `group-${pick(i, groups, 3)}`, domain: `domain-${pick(i, domains, 4)}` });
  }
  for (let i = 0; i < apis; i++) {
    emit('apis', `api-${i}`, 'API', {
      type: 'openapi', lifecycle: 'production', owner: `group-${pick(i, groups, 5)}`, system: `system-${pick(i, systems, 6)}`,
      definition: `openapi: 3.0.0\ninfo: { title: api-${i}, version: 1.0.0 }\npaths: {}\n`,
    });
  }
  for (let i = 0; i < resources; i++) {
    emit('resources', `resource-${i}`, 'Resource', { type: 'database', owner: `group-${pick(i, groups, 7)}`, system: `system-${pick(i, systems, 8)}` });
  }
  for (let i = 0; i < components; i++) {
    emit('components', `component-${i}`, 'Component', {
      type: 'service',
      lifecycle: ['production', 'experimental', 'deprecated'][i % 3],
      owner: `group-${pick(i, groups, 9)}`,
      system: `system-${pick(i, systems, 10)}`,
      providesApis: [`api-${pick(i, apis, 11)}`],
      consumesApis: [`api-${pick(i, apis, 12)}`, `api-${pick(i, apis, 13)}`],
      dependsOn: [`resource:resource-${pick(i, resources, 14)}`, `component:component-${pick(i, components, 15)}`],
    });
  }
  const root = path.join(dir, 'catalog.yaml');
  writeFileSync(
    root,
    'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: generated\nspec:\n  targets:\n    - ./*/*.yaml\n',
  );
  return { root, entities: written + 1, counts: { groups, users, domains, systems, apis, resources, components } };
}
