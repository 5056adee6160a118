import type { Entity } from '../entityTypes';
import { checkFieldFormats, invalidFieldMessage } from './fieldFormats';

const HINT =
  'To learn more about catalog file format, visit: https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md';

function entity(overrides: Partial<Entity> = {}, metadata: Partial<Entity['metadata']> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    ...overrides,
    metadata: {
      name: 'my-service',
      namespace: 'default',
      labels: { 'backstage.io/custom': 'ValueStuff' },
      annotations: { 'example.com/bindings': 'are-secret' },
      tags: ['java', 'data'],
      links: [{ url: 'https://example.com', title: 'Website', icon: 'website' }],
      ...metadata,
    },
  };
}

describe('checkFieldFormats', () => {
  it('accepts a well-formed entity', () => {
    expect(checkFieldFormats(entity())).toEqual([]);
  });

  it('uses Backstage\'s message for a bad name', () => {
    expect(checkFieldFormats(entity({}, { name: 'invalid component' }))).toEqual([
      `"metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found "invalid component". ${HINT}`,
    ]);
  });

  it('checks apiVersion and kind', () => {
    expect(checkFieldFormats(entity({ apiVersion: 'a/b/c', kind: 'my-kind' }))).toEqual([
      invalidFieldMessage('apiVersion', 'a/b/c', 'a valid prefix and/or suffix'),
      invalidFieldMessage(
        'kind',
        'my-kind',
        'a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total',
      ),
    ]);
  });

  it('checks the namespace only when present', () => {
    expect(checkFieldFormats(entity({}, { namespace: undefined }))).toEqual([]);
    expect(checkFieldFormats(entity({}, { namespace: 'Team_A' }))).toEqual([
      invalidFieldMessage(
        'metadata.namespace',
        'Team_A',
        'a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total',
      ),
    ]);
  });

  it('checks label keys and values under "labels.<key>"', () => {
    expect(checkFieldFormats(entity({}, { labels: { 'Bad Key': 'ok', good: 'bad value' } }))).toEqual([
      invalidFieldMessage('labels.Bad Key', 'Bad Key', 'a valid prefix and/or suffix'),
      invalidFieldMessage(
        'labels.good',
        'bad value',
        'a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total',
      ),
    ]);
  });

  it('checks annotation keys but takes any string value', () => {
    expect(checkFieldFormats(entity({}, { annotations: { 'a/b/c': 'x', ok: 'any value at all' } }))).toEqual([
      invalidFieldMessage('annotations.a/b/c', 'a/b/c', 'a valid prefix and/or suffix'),
    ]);
  });

  it('checks every tag by index', () => {
    expect(checkFieldFormats(entity({}, { tags: ['go', 'go 1.15.3', 'AI/ML'] }))).toEqual([
      `"tags.1" is not valid; expected a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total but found "go 1.15.3". ${HINT}`,
      invalidFieldMessage(
        'tags.2',
        'AI/ML',
        'a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total',
      ),
    ]);
  });

  it('checks links: url must parse, title and icon must not be blank', () => {
    const links = [{ url: 'not a url', title: '  ', icon: ' ' }];
    expect(checkFieldFormats(entity({}, { links }))).toEqual([
      invalidFieldMessage('links.0.url', 'not a url', 'a string that is a valid url'),
      invalidFieldMessage('links.0.title', '  ', 'a non empty string'),
      invalidFieldMessage('links.0.icon', ' ', 'a non empty string'),
    ]);
  });

  it('reports a link without url as missing', () => {
    const links = [{ title: 'x' }] as unknown as Entity['metadata']['links'];
    expect(checkFieldFormats(entity({}, { links }))).toEqual(['links.0.url must have a value']);
  });
});
