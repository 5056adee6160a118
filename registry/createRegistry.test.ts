import { describeEachDatabase } from '../kit/testing';
import { CheckFailedError } from './registryErrors';
import { createRegistry, type Registry } from './createRegistry';

const PRODUCTS = (fields: string) => `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { product(id: ID!): Product }
type Product @key(fields: "id") { id: ID! ${fields} }
`;
const REVIEWS = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Product @key(fields: "id") { id: ID! stars: Int }
`;
const PERSISTED = new Map([['h1', 'query ProductName($id: ID!) { product(id: $id) { name } }']]);

describeEachDatabase('the schema registry', (kind) => {
  let registry: Registry;
  let drop: () => Promise<void>;
  let clock = new Date('2026-12-07T12:00:00Z');

  beforeEach(async () => {
    const database = await kind.create();
    drop = database.drop;
    clock = new Date('2026-12-07T12:00:00Z');
    registry = await createRegistry({ databaseUrl: database.url, persisted: [{ client: 'web', documents: PERSISTED }], now: () => clock });
    await registry.publish({ name: 'products', url: 'http://products/graphql', sdl: PRODUCTS('name: String sku: String'), publishedBy: 'user:default/a' });
    await registry.publish({ name: 'reviews', url: 'http://reviews/graphql', sdl: REVIEWS, publishedBy: 'user:default/b' });
  });
  afterEach(async () => {
    await registry.close();
    await drop();
  });

  it('composes every published subgraph into a new supergraph version', async () => {
    const current = await registry.current();
    expect(current?.version).toBe(2);
    expect(current?.subgraphs).toEqual([{ name: 'products', version: 1 }, { name: 'reviews', version: 1 }]);
    expect(current?.apiSchemaSdl).toContain('stars: Int');
  });

  it('fails a rename a persisted document uses, naming the operation and its client, and refuses to publish it', async () => {
    const renamed = { name: 'products', url: 'http://products/graphql', sdl: PRODUCTS('title: String sku: String') };
    const report = await registry.check(renamed);
    expect(report.ok).toBe(false);
    const removal = report.breaking.find((change) => change.path === 'Product.name');
    expect(removal?.operations).toEqual([{ name: 'ProductName', hash: 'h1', source: 'persisted', clients: ['web'] }]);
    await expect(registry.publish({ ...renamed, publishedBy: 'user:default/a' })).rejects.toBeInstanceOf(CheckFailedError);
    expect((await registry.current())?.version).toBe(2);
  });

  it('publishes a used breaking change with --force and records the reason', async () => {
    const renamed = { name: 'products', url: 'http://products/graphql', sdl: PRODUCTS('title: String sku: String'), publishedBy: 'user:default/a' };
    await expect(registry.publish({ ...renamed, force: true })).rejects.toThrow(/reason/);
    const outcome = await registry.publish({ ...renamed, force: true, reason: 'web moved to title' });
    expect(outcome).toMatchObject({ published: true, version: 3 });
    const [latest] = await registry.history(1);
    expect(latest).toMatchObject({ version: 3, action: 'publish', subgraph: 'products', createdBy: 'user:default/a', forcedReason: 'web moved to title' });
  });

  it('passes removing a field nothing used in the window, and fails it once traffic used it', async () => {
    const withoutSku = { name: 'products', url: 'http://products/graphql', sdl: PRODUCTS('name: String') };
    expect((await registry.check(withoutSku)).ok).toBe(true);
    await registry.recordUsage([{ operationHash: 'x', operationName: 'Skus', clientName: 'billing-script', coordinates: ['Product', 'Product.sku'], count: 3 }]);
    const report = await registry.check(withoutSku);
    expect(report.ok).toBe(false);
    expect(report.breaking[0].operations).toEqual([{ name: 'Skus', hash: 'x', source: 'traffic', clients: ['billing-script'], count: 3 }]);
    clock = new Date(clock.getTime() + 8 * 86_400_000);
    expect((await registry.check(withoutSku)).ok).toBe(true);
  });

  it('never stores a supergraph that does not compose', async () => {
    const clash = { name: 'reviews', url: 'http://reviews/graphql', sdl: REVIEWS.replace('stars: Int', 'stars: Int name: Int'), publishedBy: 'user:default/b' };
    const report = await registry.check(clash);
    expect(report.composition.ok).toBe(false);
    await expect(registry.publish({ ...clash, force: true, reason: 'try' })).rejects.toBeInstanceOf(CheckFailedError);
    expect((await registry.current())?.version).toBe(2);
  });

  it('stores nothing new for an unchanged publish', async () => {
    const outcome = await registry.publish({ name: 'reviews', url: 'http://reviews/graphql', sdl: REVIEWS, publishedBy: 'user:default/b' });
    expect(outcome).toMatchObject({ published: false, version: 2 });
  });

  it('rolls back to an earlier version as a new one', async () => {
    await registry.publish({ name: 'products', url: 'http://products/graphql', sdl: PRODUCTS('name: String sku: String extra: Int'), publishedBy: 'user:default/a' });
    expect((await registry.current())?.apiSchemaSdl).toContain('extra');
    expect(await registry.rollback(2, 'user:default/admin')).toEqual({ version: 4, restored: 2 });
    const current = await registry.current();
    expect(current?.apiSchemaSdl).not.toContain('extra');
    expect(current?.subgraphs).toEqual([{ name: 'products', version: 1 }, { name: 'reviews', version: 1 }]);
    await expect(registry.rollback(99, 'user:default/admin')).rejects.toThrow(/no supergraph version 99/);
  });
});
