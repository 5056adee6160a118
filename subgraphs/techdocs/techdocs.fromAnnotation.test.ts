import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../../test/support/startPlatform';
import type { CatalogContext } from '../catalog/context';

const component = (name: string, techdocsRef: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    backstage.io/techdocs-ref: ${techdocsRef}
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

// Docs found the way Backstage users expect: from the entity's techdocs-ref annotation,
// relative to its descriptor, with no publish step; the catalog's annotations reach the
// plugin through the graph (@requires), never through its code or tables.
describe('techdocs from the techdocs-ref annotation', () => {
  let platform: TestPlatform;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-techdocs-'));
    mkdirSync(path.join(dir, 'billing', 'docs'), { recursive: true });
    writeFileSync(path.join(dir, 'billing', 'catalog-info.yaml'), `${component('billing', 'dir:.')}---\n${component('sneaky', 'dir:..')}`);
    writeFileSync(path.join(dir, 'billing', 'docs', 'index.md'), '# Billing\n\nHow invoices are made.\n\n## Runbook\n\nRestart it.\n');
    platform = await startPlatform({ only: ['catalog', 'techdocs'] });
    const catalog = platform.subgraphs.catalog.services as CatalogContext;
    await catalog.ingestion.registerLocation(path.join(dir, 'billing', 'catalog-info.yaml'));
  });
  afterAll(async () => {
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the docs on first request, then serves the stored ones', async () => {
    const query = '{ entity(ref: "component:billing") { annotations { key value } docs { pageCount pages { title toc { title } } } } }';
    const first = await postGraphQL(platform.gatewayUrl, query);
    expect(first.errors).toBeUndefined();
    expect(first.data!.entity.annotations).toContainEqual({
      key: 'backstage.io/managed-by-location',
      value: `file:${path.join(dir, 'billing', 'catalog-info.yaml')}`,
    });
    expect(first.data!.entity.docs).toEqual({ pageCount: 1, pages: [{ title: 'Billing', toc: [{ title: 'Billing' }, { title: 'Runbook' }] }] });
    const again = await postGraphQL(platform.gatewayUrl, query);
    expect(again.data!.entity.docs).toEqual(first.data!.entity.docs);
  });

  it('never builds from a folder outside the descriptor folder', async () => {
    const result = await postGraphQL(platform.gatewayUrl, '{ entity(ref: "component:sneaky") { ref docs { pageCount } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.entity).toEqual({ ref: 'component:default/sneaky', docs: null });
  });
});
