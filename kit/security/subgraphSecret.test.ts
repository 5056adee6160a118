import { assertUsableSecret, generateSubgraphSecret, MIN_SECRET_LENGTH } from './subgraphSecret';

describe('subgraph secrets', () => {
  it('generates a different 64-hex-digit secret each time', () => {
    const first = generateSubgraphSecret();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSubgraphSecret()).not.toBe(first);
  });

  it('refuses a secret too short to protect anything, naming where it came from', () => {
    expect(() => assertUsableSecret('short', 'ENSEMBLE_SUBGRAPH_SECRET')).toThrow(/ENSEMBLE_SUBGRAPH_SECRET must be at least 16 characters/);
    expect(() => assertUsableSecret('x'.repeat(MIN_SECRET_LENGTH), 'it')).not.toThrow();
  });
});
