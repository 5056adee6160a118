import type { IncomingMessage } from 'node:http';
import { createAuthenticator } from '../../gateway/auth/createAuthenticator';
import { ALLOW_ALL_POLICY, ANONYMOUS, createRequestAccess, DELEGATION_HEADER, signDelegation, userIdentity, verifyDelegation } from '../../kit';

const SECRET = 'the-subgraph-secret-0123456789';
const NOW = 1_750_000_000_000;
const PAYMENTS = userIdentity('user:default/tomas.herrera', ['group:default/team-payments']);
const request = (headers: Record<string, string>) => ({ headers, socket: {} }) as unknown as IncomingMessage;

// A subgraph acts for its caller at the gateway with a header only a holder of the
// subgraph secret can make, for a caller the gateway vouched for, for a minute.
describe('delegation: a plugin acting for its caller', () => {
  it('carries the identity, signed, and gives it back only with the same secret and while fresh', () => {
    const header = signDelegation(SECRET, PAYMENTS, NOW);
    expect(verifyDelegation(SECRET, header, NOW + 1_000)).toEqual({ ok: true, identity: PAYMENTS });
    expect(verifyDelegation(SECRET, signDelegation(SECRET, ANONYMOUS, NOW), NOW)).toEqual({ ok: true, identity: ANONYMOUS });
    expect(verifyDelegation('another-secret-of-some-length', header, NOW)).toEqual({ ok: false, reason: 'bad delegation signature' });
    expect(verifyDelegation(SECRET, header, NOW + 61_000)).toEqual({ ok: false, reason: 'stale delegation' });
    expect(verifyDelegation(SECRET, 'garbage', NOW)).toEqual({ ok: false, reason: 'malformed delegation' });
  });

  it('refuses an identity swapped into a signed header', () => {
    const admin = signDelegation(SECRET, userIdentity('user:default/rosalind', ['group:default/admins']), NOW);
    const swapped = signDelegation(SECRET, PAYMENTS, NOW).replace(/,v1=.*/, admin.slice(admin.indexOf(',v1=')));
    expect(verifyDelegation(SECRET, swapped, NOW)).toEqual({ ok: false, reason: 'bad delegation signature' });
  });

  it('the gateway takes the delegated caller instead of any token, and refuses a bad delegation even in anonymous mode', () => {
    const authenticate = createAuthenticator({ anonymous: true }, () => NOW, SECRET);
    expect(authenticate(request({ [DELEGATION_HEADER]: signDelegation(SECRET, PAYMENTS, NOW) }))).toEqual({ ok: true, identity: PAYMENTS });
    expect(authenticate(request({ [DELEGATION_HEADER]: signDelegation('another-secret-of-some-length', PAYMENTS, NOW) })).ok).toBe(false);
    // Without a subgraph secret nobody can vouch for a delegation: refused.
    const insecure = createAuthenticator({ anonymous: true }, () => NOW, null);
    expect(insecure(request({ [DELEGATION_HEADER]: signDelegation(SECRET, PAYMENTS, NOW) })).ok).toBe(false);
  });

  it("a request's access makes the header only when the subgraph has a secret", () => {
    const headers = createRequestAccess(ALLOW_ALL_POLICY, PAYMENTS, SECRET).onBehalfHeaders();
    expect(verifyDelegation(SECRET, headers![DELEGATION_HEADER])).toEqual({ ok: true, identity: PAYMENTS });
    expect(createRequestAccess(ALLOW_ALL_POLICY, PAYMENTS).onBehalfHeaders()).toBeNull();
  });
});
