import { BufferedResponse } from './BufferedResponse';

describe('BufferedResponse', () => {
  const answer = (status: number, body: string, headers: Record<string, string | string[]> = { 'content-type': 'application/json' }) =>
    new BufferedResponse('http://127.0.0.1:4001/graphql', status, status === 200 ? 'OK' : 'Unauthorized', headers, body);

  it('is ok for a 2xx status only, and reads its body as text or JSON', () => {
    const response = answer(200, '{"data":{"a":1}}');
    expect(response.ok).toBe(true);
    expect(response.json()).toEqual({ data: { a: 1 } });
    expect(response.text()).toBe('{"data":{"a":1}}');
    expect(answer(401, 'no').ok).toBe(false);
    expect(answer(199, '').ok).toBe(false);
    expect(() => answer(200, 'not json').json()).toThrow(SyntaxError);
  });

  it('finds headers whatever their case, with repeated values joined as fetch joins them', () => {
    const response = answer(200, '', { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
    expect(response.header('Content-Type')).toBe('application/json');
    expect(response.header('set-cookie')).toBe('a=1, b=2');
    expect(response.header('cache-control')).toBeNull();
  });
});
