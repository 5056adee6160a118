import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EntityPageDocument } from '../../clients/generated/graphql';
import { persistedDocumentsOf, readPersistedDocuments, sha256Hex } from '../../gateway/persistedDocuments/persistedDocumentsManifest';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

const MANIFEST = path.resolve(__dirname, '../../clients/generated/persisted-documents.json');

describe('persisted documents manifest', () => {
  it('holds every client operation under its sha256, and refuses a tampered entry', () => {
    const documents = readPersistedDocuments(MANIFEST);
    expect(documents.get(sha256Hex(EntityPageDocument.toString()))).toBe(EntityPageDocument.toString());
    const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-persisted-'));
    const tampered = persistedDocumentsOf(['{ a }']);
    tampered[Object.keys(tampered)[0]] = '{ b }';
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(tampered));
    expect(() => readPersistedDocuments(path.join(dir, 'bad.json'))).toThrow(/does not hash to its key/);
  });
});

// Production can accept only the clients' own operations (an allow-list from codegen).
describe('a gateway that requires persisted documents', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({
      only: ['catalog', 'cicd'],
      subgraph: () => ({ demo: true }),
      gateway: { persistedDocuments: { documents: readPersistedDocuments(MANIFEST), require: true } },
    });
  });
  afterAll(() => platform?.stop());

  it('answers a client operation, sent whole or by its hash alone', async () => {
    const whole = await postGraphQL(platform.gatewayUrl, EntityPageDocument.toString(), { ref: 'component:web-shop' });
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.entity.ref).toBe('component:default/web-shop');
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: { ref: 'component:web-shop' },
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(EntityPageDocument.toString()) } },
      }),
    });
    const byHash = (await response.json()) as { data: { entity: { ref: string } } };
    expect(byHash.data.entity.ref).toBe('component:default/web-shop');
  });

  it('refuses any other operation, and lets nobody register one', async () => {
    const other = await postGraphQL(platform.gatewayUrl, '{ entities { totalCount } }');
    expect(other.status).toBe(400);
    expect(other.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    const query = '{ entities { totalCount } }';
    const register = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } } }),
    });
    expect(register.status).toBe(400);
    const again = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } } }),
    });
    const body = (await again.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
