import { BufferedResponse } from './BufferedResponse';

describe('BufferedResponse', () => {
  const answer = (status: number, body: string) => new BufferedResponse('http://127.0.0.1:4001/graphql', status, status === 200 ? 'OK' : 'Unauthorized', body);

  it('is ok for a 2xx status only, and reads its body as text or JSON', () => {
    const response = answer(200, '{"data":{"a":1}}');
    expect(response.ok).toBe(true);
    expect(response.json()).toEqual({ data: { a: 1 } });
    expect(response.text()).toBe('{"data":{"a":1}}');
    expect(answer(401, 'no').ok).toBe(false);
    expect(answer(199, '').ok).toBe(false);
    expect(() => answer(200, 'not json').json()).toThrow(SyntaxError);
  });
});
