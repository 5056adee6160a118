import { docsFolderOf } from './docsFolderOf';

const annotations = (ref: string, location = 'file:/srv/catalog/checkout/catalog-info.yaml') => [
  { key: 'backstage.io/techdocs-ref', value: ref },
  { key: 'backstage.io/managed-by-location', value: location },
];

describe('docsFolderOf', () => {
  it('resolves dir: relative to the descriptor file', () => {
    expect(docsFolderOf(annotations('dir:.'))).toBe('/srv/catalog/checkout');
    expect(docsFolderOf(annotations('dir:./service'))).toBe('/srv/catalog/checkout/service');
  });

  it('refuses folders outside the descriptor folder, URLs, and missing annotations', () => {
    expect(docsFolderOf(annotations('dir:..'))).toBeNull();
    expect(docsFolderOf(annotations('dir:../../etc'))).toBeNull();
    expect(docsFolderOf(annotations('url:https://github.com/acme/docs'))).toBeNull();
    expect(docsFolderOf(annotations('dir:.', 'url:https://example.com/catalog-info.yaml'))).toBeNull();
    expect(docsFolderOf([{ key: 'backstage.io/techdocs-ref', value: 'dir:.' }])).toBeNull();
    expect(docsFolderOf(undefined)).toBeNull();
  });
});
