import { signedHeaders, signRequest, SIGNATURE_HEADER } from './signRequest';
import { verifySignature } from './verifySignature';

const SECRET = 'a-secret-of-sufficient-length';
const BODY = '{"query":"{ __typename }"}';
const NOW = 1_750_000_000_000;

describe('gateway request signatures', () => {
  it('accepts a body signed with the shared secret just now', () => {
    expect(verifySignature(SECRET, signRequest(SECRET, BODY, NOW), BODY, { now: NOW + 5 })).toEqual({ ok: true });
  });

  it('writes the header as t=<unix ms>,v1=<64 hex digits>', () => {
    expect(signedHeaders(SECRET, BODY, NOW)).toEqual({ [SIGNATURE_HEADER]: expect.stringMatching(new RegExp(`^t=${NOW},v1=[0-9a-f]{64}$`)) });
  });

  it('refuses a missing, malformed, or wrongly keyed signature', () => {
    expect(verifySignature(SECRET, undefined, BODY, { now: NOW })).toEqual({ ok: false, reason: 'missing signature' });
    expect(verifySignature(SECRET, 'v1=abc', BODY, { now: NOW })).toEqual({ ok: false, reason: 'malformed signature' });
    expect(verifySignature(SECRET, signRequest('another-secret-entirely', BODY, NOW), BODY, { now: NOW })).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('refuses a signature over a different body', () => {
    const header = signRequest(SECRET, BODY, NOW);
    expect(verifySignature(SECRET, header, BODY.replace('__typename', '_service { sdl }'), { now: NOW })).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('refuses a signature with a forged timestamp', () => {
    const forged = signRequest(SECRET, BODY, NOW).replace(`t=${NOW}`, `t=${NOW + 1}`);
    expect(verifySignature(SECRET, forged, BODY, { now: NOW })).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('refuses a replay outside the window, either way, and accepts one at its edge', () => {
    const header = signRequest(SECRET, BODY, NOW);
    expect(verifySignature(SECRET, header, BODY, { now: NOW + 60_000 })).toEqual({ ok: true });
    expect(verifySignature(SECRET, header, BODY, { now: NOW + 60_001 })).toEqual({ ok: false, reason: 'stale signature' });
    expect(verifySignature(SECRET, header, BODY, { now: NOW - 60_001 })).toEqual({ ok: false, reason: 'stale signature' });
    expect(verifySignature(SECRET, header, BODY, { now: NOW + 5_001, maxAgeMs: 5_000 })).toEqual({ ok: false, reason: 'stale signature' });
  });
});
