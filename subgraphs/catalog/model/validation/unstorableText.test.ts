import { toStorableText, unstorableTextProblem } from '../../../../kit';
import { findUnstorableText } from './unstorableText';

const find = (value: unknown) => findUnstorableText(value, JSON.stringify(value));

describe('unstorable text', () => {
  it('names each field holding a NUL or an unpaired surrogate, keys included', () => {
    expect(find({ metadata: { name: 'fine', description: 'a\u0000b' }, spec: { list: ['ok', 'x\ud800'] } })).toEqual([
      '"metadata.description" contains a NUL character (U+0000), which the catalog cannot store',
      '"spec.list.1" contains an unpaired surrogate (U+D800), which the catalog cannot store',
    ]);
    expect(find({ metadata: { annotations: { 'a\u0000b': 'x' } } })).toEqual([
      'The key "metadata.annotations.a\ufffdb" contains a NUL character (U+0000), which the catalog cannot store',
    ]);
  });

  it('accepts what PostgreSQL stores: paired surrogates (emoji), other control characters, an escaped text', () => {
    expect(find({ description: 'rocket \ud83d\ude80', tab: 'a\tb\u0001', literal: '\\u0000' })).toEqual([]);
    expect(unstorableTextProblem('\udc00 then')).toBe('contains an unpaired surrogate (U+DC00)');
  });

  it('makes a message storable', () => {
    expect(toStorableText('found "a\u0000b\ud800"')).toBe('found "a\ufffdb\ufffd"');
  });
});
