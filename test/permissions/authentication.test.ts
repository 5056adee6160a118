import type { IncomingMessage } from 'node:http';
import { createAuthenticator, identityFromClaims } from '../../gateway/auth/createAuthenticator';
import { jwtKeyFrom } from '../../gateway/auth/jwtKey';
import { parseApiToken, parseApiTokensJson } from '../../gateway/auth/parseApiTokens';
import { NOW, SECONDS, signJwt } from './support/signJwt';

const TOKEN = 'ci-token-0123456789abcdef';
const SECRET = 'a-shared-hs256-secret-of-32-bytes-or-more';
const ISSUER = 'https://idp.example.com';

function request(authorization?: string): IncomingMessage {
  return { headers: authorization === undefined ? {} : { authorization } } as IncomingMessage;
}

describe('API token parsing', () => {
  it('reads <token>=<user ref>[,<group ref>...] into a canonical identity', () => {
    expect(parseApiToken(`${TOKEN}=user:default/CI-Bot,group:default/team-platform,team-payments`)).toEqual({
      token: TOKEN,
      identity: {
        type: 'user',
        userEntityRef: 'user:default/ci-bot',
        ownershipEntityRefs: ['user:default/ci-bot', 'group:default/team-platform', 'group:default/team-payments'],
      },
    });
  });

  it('accepts a short user ref (user:name, or just a name)', () => {
    expect(parseApiToken(`${TOKEN}=ci-bot`).identity).toMatchObject({ userEntityRef: 'user:default/ci-bot' });
  });

  it('refuses short tokens, missing users and bad refs', () => {
    expect(() => parseApiToken('short=user:default/a')).toThrow(/at least 16 characters/);
    expect(() => parseApiToken(`${TOKEN}=`)).toThrow(/name the user/);
    expect(() => parseApiToken(TOKEN)).toThrow(/expected <token>=<user ref>/);
    expect(() => parseApiToken(`${TOKEN}=user:default/a,group:bad/na me`)).toThrow(/not an entity ref/);
  });

  it('reads ENSEMBLE_API_TOKENS as JSON, refs as a list or as the flag text', () => {
    const tokens = parseApiTokensJson(JSON.stringify({ [TOKEN]: ['user:default/ci', 'group:default/ops'], 'another-token-0123456789': 'user:x,group:y' }));
    expect(tokens.map((token) => token.identity)).toEqual([
      { type: 'user', userEntityRef: 'user:default/ci', ownershipEntityRefs: ['user:default/ci', 'group:default/ops'] },
      { type: 'user', userEntityRef: 'user:default/x', ownershipEntityRefs: ['user:default/x', 'group:default/y'] },
    ]);
    expect(() => parseApiTokensJson('[1]')).toThrow(/expected an object/);
    expect(() => parseApiTokensJson('{nope')).toThrow(/not JSON/);
  });
});

describe('gateway authentication', () => {
  const apiTokens = [parseApiToken(`${TOKEN}=user:default/ci-bot,group:default/team-platform`)];
  const jwt = { key: jwtKeyFrom(SECRET, 'test'), issuer: ISSUER };

  it('lets a request without credentials in as anonymous only in anonymous mode', () => {
    expect(createAuthenticator({ anonymous: true })(request())).toEqual({ ok: true, identity: { type: 'anonymous' } });
    expect(createAuthenticator({ anonymous: false })(request())).toEqual({ ok: false, reason: 'no credentials' });
  });

  it('never downgrades bad credentials to anonymous', () => {
    const authenticate = createAuthenticator({ anonymous: true, apiTokens, jwt }, () => NOW);
    expect(authenticate(request('Bearer not-a-known-token-at-all')).ok).toBe(false);
    expect(authenticate(request(`Basic ${TOKEN}`)).ok).toBe(false);
    expect(authenticate(request(`Bearer ${signJwt({ iss: ISSUER, sub: 'user:default/a', exp: SECONDS - 1 }, { secret: SECRET })}`))).toEqual({
      ok: false,
      reason: 'JWT refused: expired',
    });
  });

  it('knows a static token', () => {
    expect(createAuthenticator({ anonymous: false, apiTokens })(request(`Bearer ${TOKEN}`))).toEqual({ ok: true, identity: apiTokens[0].identity });
  });

  it('takes the identity from a JWT: sub, then ent and groups', () => {
    const token = signJwt(
      { iss: ISSUER, sub: 'user:default/tomas.herrera', ent: ['group:default/team-payments'], groups: ['team-platform'], exp: SECONDS + 60 },
      { secret: SECRET },
    );
    expect(createAuthenticator({ anonymous: false, jwt }, () => NOW)(request(`Bearer ${token}`))).toEqual({
      ok: true,
      identity: {
        type: 'user',
        userEntityRef: 'user:default/tomas.herrera',
        ownershipEntityRefs: ['user:default/tomas.herrera', 'group:default/team-payments', 'group:default/team-platform'],
      },
    });
  });

  it('refuses a JWT whose sub is not a user ref', () => {
    expect(identityFromClaims({ sub: 'not a ref' }).ok).toBe(false);
    expect(identityFromClaims({}).ok).toBe(false);
  });
});
