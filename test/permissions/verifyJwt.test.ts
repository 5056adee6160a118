import { generateKeyPairSync } from 'node:crypto';
import { jwtKeyFrom } from '../../gateway/auth/jwtKey';
import { verifyJwt, type JwtOptions } from '../../gateway/auth/verifyJwt';
import { NOW, SECONDS, signJwt } from './support/signJwt';

const SECRET = 'a-shared-hs256-secret-of-32-bytes-or-more';
const ISSUER = 'https://idp.example.com';
const HS256: JwtOptions = { key: jwtKeyFrom(SECRET, 'test'), issuer: ISSUER };
const CLAIMS = { iss: ISSUER, sub: 'user:default/tomas.herrera', ent: ['group:default/team-payments'], exp: SECONDS + 600 };

describe('verifyJwt', () => {
  it('accepts a valid HS256 token and returns its claims', () => {
    expect(verifyJwt(signJwt(CLAIMS, { secret: SECRET }), HS256, NOW)).toEqual({ ok: true, claims: CLAIMS });
  });

  it('refuses an expired token, and one without exp', () => {
    expect(verifyJwt(signJwt({ ...CLAIMS, exp: SECONDS - 1 }, { secret: SECRET }), HS256, NOW)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyJwt(signJwt({ ...CLAIMS, exp: SECONDS }, { secret: SECRET }), HS256, NOW)).toEqual({ ok: false, reason: 'expired' });
    const { exp: _, ...noExp } = CLAIMS;
    expect(verifyJwt(signJwt(noExp, { secret: SECRET }), HS256, NOW)).toEqual({ ok: false, reason: 'no exp claim' });
  });

  it('allows clock tolerance when configured', () => {
    const token = signJwt({ ...CLAIMS, exp: SECONDS - 5 }, { secret: SECRET });
    expect(verifyJwt(token, { ...HS256, clockToleranceSec: 10 }, NOW).ok).toBe(true);
  });

  it('refuses a wrong or missing issuer', () => {
    expect(verifyJwt(signJwt({ ...CLAIMS, iss: 'https://evil.example.com' }, { secret: SECRET }), HS256, NOW)).toMatchObject({ ok: false, reason: expect.stringMatching(/^issuer/) });
    const { iss: _, ...noIssuer } = CLAIMS;
    expect(verifyJwt(signJwt(noIssuer, { secret: SECRET }), HS256, NOW).ok).toBe(false);
  });

  it('refuses a token signed with another key, and one whose claims were changed after signing', () => {
    expect(verifyJwt(signJwt(CLAIMS, { secret: 'another-secret-that-is-also-32-bytes-long' }), HS256, NOW)).toEqual({ ok: false, reason: 'bad signature' });
    const [header, , signature] = signJwt(CLAIMS, { secret: SECRET }).split('.');
    const tampered = Buffer.from(JSON.stringify({ ...CLAIMS, ent: ['group:default/admins'] })).toString('base64url');
    expect(verifyJwt(`${header}.${tampered}.${signature}`, HS256, NOW)).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('refuses alg none, with or without a signature', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(CLAIMS)}.`;
    expect(verifyJwt(unsigned, HS256, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('"none"') });
    expect(verifyJwt(signJwt(CLAIMS, { secret: SECRET }, { alg: 'none' }), HS256, NOW).ok).toBe(false);
  });

  it('checks nbf and, when configured, aud', () => {
    expect(verifyJwt(signJwt({ ...CLAIMS, nbf: SECONDS + 60 }, { secret: SECRET }), HS256, NOW)).toEqual({ ok: false, reason: 'not valid yet (nbf)' });
    expect(verifyJwt(signJwt({ ...CLAIMS, nbf: SECONDS - 60 }, { secret: SECRET }), HS256, NOW).ok).toBe(true);
    const withAudience = { ...HS256, audience: 'ensemble' };
    expect(verifyJwt(signJwt(CLAIMS, { secret: SECRET }), withAudience, NOW).ok).toBe(false);
    expect(verifyJwt(signJwt({ ...CLAIMS, aud: 'other' }, { secret: SECRET }), withAudience, NOW).ok).toBe(false);
    expect(verifyJwt(signJwt({ ...CLAIMS, aud: ['other', 'ensemble'] }, { secret: SECRET }), withAudience, NOW).ok).toBe(true);
  });

  it('verifies RS256 with a public key, and refuses the same token signed by another key pair', () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const options = { key: jwtKeyFrom(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'test'), issuer: ISSUER };
    expect(options.key.algorithm).toBe('RS256');
    expect(verifyJwt(signJwt(CLAIMS, { privateKey: pair.privateKey, alg: 'RS256' }), options, NOW).ok).toBe(true);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(verifyJwt(signJwt(CLAIMS, { privateKey: other.privateKey, alg: 'RS256' }), options, NOW)).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('verifies ES256 (P-256, JOSE r||s signatures)', () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const options = { key: jwtKeyFrom(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'test'), issuer: ISSUER };
    expect(options.key.algorithm).toBe('ES256');
    expect(verifyJwt(signJwt(CLAIMS, { privateKey: pair.privateKey, alg: 'ES256' }), options, NOW).ok).toBe(true);
    expect(verifyJwt(signJwt({ ...CLAIMS, exp: SECONDS - 1 }, { privateKey: pair.privateKey, alg: 'ES256' }), options, NOW).ok).toBe(false);
  });

  it('refuses an HS256 token made with the public key as secret (algorithm confusion)', () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const options = { key: jwtKeyFrom(pem, 'test'), issuer: ISSUER };
    expect(verifyJwt(signJwt(CLAIMS, { secret: pem }), options, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('"HS256"') });
  });

  it('refuses keys it cannot use safely', () => {
    expect(() => jwtKeyFrom('short', '--jwt-key')).toThrow(/at least 32 bytes/);
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => jwtKeyFrom(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), '--jwt-key')).toThrow(/public key, not the private/);
  });

  it('refuses what is not a compact JWT', () => {
    expect(verifyJwt('abc.def', HS256, NOW)).toEqual({ ok: false, reason: 'not a compact JWT' });
    expect(verifyJwt('a b.c.d', HS256, NOW)).toEqual({ ok: false, reason: 'not a compact JWT' });
  });
});
