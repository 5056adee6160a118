import { InputError } from '../../../kit';
import { decodeRunCursor, encodeRunCursor } from './runCursor';

describe('run cursors', () => {
  it('round-trip a run position', () => {
    const position = { startedAt: new Date('2026-11-20T10:00:00.123Z'), id: '0c3e4e0a-5b5e-4d2c-9d8e-1f2a3b4c5d6e' };
    expect(decodeRunCursor(encodeRunCursor(position))).toEqual(position);
  });

  it('refuse what they did not make', () => {
    expect(() => decodeRunCursor('not-a-cursor')).toThrow(InputError);
    expect(() => decodeRunCursor(Buffer.from('["yesterday","x"]').toString('base64url'))).toThrow(/"after"/);
  });
});
