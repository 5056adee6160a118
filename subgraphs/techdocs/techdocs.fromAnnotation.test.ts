import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  const logs: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-techdocs-'));
    mkdirSync(path.join(dir, 'billing', 'docs'), { recursive: true });
    writeFileSync(path.join(dir, 'billing', 'catalog-info.yaml'), `${component('billing', 'dir:.')}---\n${component('sneaky', 'dir:..')}`);
    writeFileSync(path.join(dir, 'billing', 'docs', 'index.md'), '# Billing\n\nHow invoices are made.\n\n## Runbook\n\nRestart it.\n');
    // Folders are looked at again on every request here (the default is every 10 s).
    platform = await startPlatform({
      only: ['catalog', 'techdocs'],
      settings: { TECHDOCS_RECHECK_SECONDS: '0', CATALOG_LOCAL_ROOTS: dir, TECHDOCS_SOURCE_ROOTS: dir },
      subgraph: (name) => (name === 'techdocs' ? { logs } : {}),
    });
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

  it('does not trust a managed-by-location annotation written through applyEntities', async () => {
    mkdirSync(path.join(dir, 'forged', 'docs'), { recursive: true });
    writeFileSync(path.join(dir, 'forged', 'docs', 'index.md'), '# Not yours\n');
    const forged = component('forged', 'dir:.').replace(
      'annotations:\n',
      `annotations:\n    backstage.io/managed-by-location: file:${path.join(dir, 'forged', 'catalog-info.yaml')}\n`,
    );
    const applied = await postGraphQL(platform.gatewayUrl, 'mutation ($yaml: String!) { applyEntities(yaml: $yaml) { entities { ref } } }', { yaml: forged });
    expect(applied.errors).toBeUndefined();
    const result = await postGraphQL(platform.gatewayUrl, '{ entity(ref: "component:forged") { annotations { key } docs { pageCount } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.entity.docs).toBeNull();
    expect(result.data!.entity.annotations.map((annotation: { key: string }) => annotation.key)).not.toContain('backstage.io/managed-by-location');
  });

  it('rebuilds when the folder changes, and keeps the last good docs while it cannot be built', async () => {
    const query = '{ entity(ref: "component:billing") { docs { pageCount pages { title } } } }';
    const docs = async () => (await postGraphQL(platform.gatewayUrl, query)).data!.entity.docs;
    writeFileSync(path.join(dir, 'billing', 'docs', 'index.md'), '# Billing, second edition\n\nInvoices.\n');
    writeFileSync(path.join(dir, 'billing', 'docs', 'refunds.md'), '# Refunds\n\nMoney back.\n');
    expect(await docs()).toEqual({ pageCount: 2, pages: [{ title: 'Billing, second edition' }, { title: 'Refunds' }] });

    // No docs/ folder: nothing to build from, so the stored docs stay, and one log line says why.
    renameSync(path.join(dir, 'billing', 'docs'), path.join(dir, 'billing', 'moved'));
    expect(await docs()).toEqual({ pageCount: 2, pages: [{ title: 'Billing, second edition' }, { title: 'Refunds' }] });
    expect(await docs()).toEqual({ pageCount: 2, pages: [{ title: 'Billing, second edition' }, { title: 'Refunds' }] });
    expect(logs.filter((line) => line.includes('cannot build the docs of component:default/billing'))).toHaveLength(1);

    renameSync(path.join(dir, 'billing', 'moved'), path.join(dir, 'billing', 'docs'));
    rmSync(path.join(dir, 'billing', 'docs', 'refunds.md'));
    expect(await docs()).toEqual({ pageCount: 1, pages: [{ title: 'Billing, second edition' }] });
  });

  it('leaves docs published through publishDocs as they were published', async () => {
    const elsewhere = path.join(dir, 'published-by-ci');
    mkdirSync(path.join(elsewhere, 'docs'), { recursive: true });
    writeFileSync(path.join(elsewhere, 'docs', 'index.md'), '# Billing, from CI\n');
    const published = await postGraphQL(platform.gatewayUrl, 'mutation ($dir: String!) { publishDocs(entityRef: "component:default/billing", sourceDir: $dir) { pageCount } }', { dir: elsewhere });
    expect(published.errors).toBeUndefined();
    writeFileSync(path.join(dir, 'billing', 'docs', 'index.md'), '# Billing, third edition\n');
    const result = await postGraphQL(platform.gatewayUrl, '{ entity(ref: "component:billing") { docs { pages { title } } } }');
    expect(result.data!.entity.docs).toEqual({ pages: [{ title: 'Billing, from CI' }] });
  });

  it('publishes docs only for an entity the catalog has, and builds nothing for another', async () => {
    const publish = 'mutation ($ref: ID!, $dir: String!) { publishDocs(entityRef: $ref, sourceDir: $dir) { pageCount } }';
    const missing = await postGraphQL(platform.gatewayUrl, publish, { ref: 'component:default/no-such-service', dir: path.join(dir, 'billing') });
    expect(missing.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['NOT_FOUND', 'No entity component:default/no-such-service']]);
    const techdocs = platform.subgraphs.techdocs.services as { prisma: { docSite: { count(args: object): Promise<number> } } };
    expect(await techdocs.prisma.docSite.count({ where: { entityRef: 'component:default/no-such-service' } })).toBe(0);
    const known = await postGraphQL(platform.gatewayUrl, publish, { ref: 'component:default/billing', dir: path.join(dir, 'billing') });
    expect(known.errors).toBeUndefined();
    expect(known.data!.publishDocs.pageCount).toBe(1);
  });
});
