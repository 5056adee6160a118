import { parseVariables } from './parseVariables';

describe('parseVariables', () => {
  it('reads JSON values and falls back to strings', () => {
    expect(parseVariables(['first=5', 'kinds=["API"]', 'ref=component:web-shop', 'name="42"', 'url=http://x/?a=b'])).toEqual({
      first: 5,
      kinds: ['API'],
      ref: 'component:web-shop',
      name: '42',
      url: 'http://x/?a=b',
    });
  });

  it('refuses a pair without a valid variable name', () => {
    expect(() => parseVariables(['=1'])).toThrow(/name=value/);
    expect(() => parseVariables(['1x=1'])).toThrow(/name=value/);
  });
});
