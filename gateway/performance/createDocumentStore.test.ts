import { parse } from 'graphql';
import { createDocumentStore } from './createDocumentStore';

describe('createDocumentStore', () => {
  const documentOf = (length: number) => parse(`{ a${'b'.repeat(length - 5)} }`);

  it('keeps documents up to its size in characters, the least recently used leaving first', async () => {
    const store = createDocumentStore({ maxCharacters: 30 });
    const [one, two, three] = [documentOf(10), documentOf(10), documentOf(10)];
    await store.set('one', one);
    await store.set('two', two);
    await store.set('three', three);
    expect(await store.get('one')).toBe(one);
    // Full: the next one pushes out the least recently used, which is now `two`.
    await store.set('four', documentOf(10));
    expect(await store.get('two')).toBeUndefined();
    expect(await store.get('one')).toBe(one);
    expect(await store.get('three')).toBe(three);
  });

  it('keeps nothing larger than its size, and forgets on delete', async () => {
    const store = createDocumentStore({ maxCharacters: 30 });
    await store.set('huge', documentOf(40));
    expect(await store.get('huge')).toBeUndefined();
    await store.set('small', documentOf(10));
    expect(await store.delete('small')).toBe(true);
    expect(await store.get('small')).toBeUndefined();
    expect(await store.delete('small')).toBe(false);
  });

  it('answers the next lookup of a provided query hash once, under any schema prefix, without keeping it', async () => {
    const store = createDocumentStore();
    const built = documentOf(10);
    store.provide('abc123', built);
    expect(await store.get('schemahash:abc123')).toBe(built);
    expect(await store.get('schemahash:abc123')).toBeUndefined();
    // A document Apollo Server stored itself comes first.
    const stored = documentOf(12);
    await store.set('schemahash:def456', stored);
    store.provide('def456', built);
    expect(await store.get('schemahash:def456')).toBe(stored);
  });
});
