import { BufferedResponse, ResponseHeaders } from './BufferedResponse';

describe('BufferedResponse', () => {
  const answer = (status: number, body: string, headers: Record<string, string | string[]> = { 'content-type': 'application/json' }) =>
    new BufferedResponse('http://127.0.0.1:4001/graphql', status, status === 200 ? 'OK' : 'Unauthorized', ResponseHeaders.fromIncoming(headers), body);

  it('reads as fetch reads: ok by status, the body once, as JSON or text', async () => {
    const response = answer(200, '{"data":{"a":1}}');
    expect(response.ok).toBe(true);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ data: { a: 1 } });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(answer(401, 'no').ok).toBe(false);
  });

  it('clones an unread body', async () => {
    const response = answer(200, 'text');
    expect(await response.clone().text()).toBe('text');
    expect(await response.text()).toBe('text');
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('finds headers whatever their case, with repeated values joined as fetch joins them', () => {
    const headers = ResponseHeaders.fromIncoming({ 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('set-cookie')).toBe('a=1, b=2');
    expect(headers.get('cache-control')).toBeNull();
    headers.append('Cache-Control', 'max-age=60');
    headers.append('cache-control', 'public');
    expect(headers.get('cache-control')).toBe('max-age=60, public');
    headers.delete('CACHE-CONTROL');
    expect(headers.has('cache-control')).toBe(false);
    expect([...headers].map(([name]) => name)).toEqual(['content-type', 'set-cookie']);
  });
});
