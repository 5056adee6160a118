import { findPlaceholders, isPlaceholder, PLACEHOLDER_RESOLVERS } from './placeholders';

describe('isPlaceholder', () => {
  it('recognises the three built-in resolvers with a string target', () => {
    expect(PLACEHOLDER_RESOLVERS).toEqual(['text', 'json', 'yaml']);
    expect(isPlaceholder({ $text: './api.yaml' })).toBe(true);
    expect(isPlaceholder({ $json: 'https://x/a.json' })).toBe(true);
    expect(isPlaceholder({ $yaml: '../b.yaml' })).toBe(true);
  });

  it.each([
    [{ $ref: '#/definitions/a' }],
    [{ $text: 1 }],
    [{ $text: 'a', other: 'b' }],
    [{ text: 'a' }],
    [['$text']],
    ['$text'],
    [null],
  ])('rejects %p', value => {
    expect(isPlaceholder(value)).toBe(false);
  });
});

describe('findPlaceholders', () => {
  it('lists placeholders with their paths, in document order', () => {
    const entity = {
      metadata: { name: 'x', description: { $text: './README.md' } },
      spec: { definition: { $text: './openapi.yaml' }, pages: [{ $yaml: './p1.yaml' }, { $json: './p2.json' }] },
    };
    expect(findPlaceholders(entity)).toEqual([
      { path: ['metadata', 'description'], resolver: 'text', target: './README.md' },
      { path: ['spec', 'definition'], resolver: 'text', target: './openapi.yaml' },
      { path: ['spec', 'pages', 0], resolver: 'yaml', target: './p1.yaml' },
      { path: ['spec', 'pages', 1], resolver: 'json', target: './p2.json' },
    ]);
  });

  it('leaves objects that mix $-keys with other keys alone, as Backstage does', () => {
    const schema = { $schema: 'x', properties: { a: { $text: './never.txt' } } };
    expect(findPlaceholders({ spec: { parameters: schema } })).toEqual([]);
  });

  it('finds nothing in plain values', () => {
    expect(findPlaceholders({ a: [1, 'b', null] })).toEqual([]);
    expect(findPlaceholders(undefined)).toEqual([]);
  });
});
