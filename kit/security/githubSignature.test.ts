import { hasValidGithubSignature } from './githubSignature';

describe('hasValidGithubSignature', () => {
  // The worked example in GitHub's "Validating webhook deliveries" guide.
  const secret = "It's a Secret to Everybody";
  const body = 'Hello, World!';
  const signature = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

  it("accepts GitHub's documented signature", () => {
    expect(hasValidGithubSignature(body, signature, secret)).toBe(true);
  });

  it('refuses another secret, another body, a missing header, or the old sha1 header format', () => {
    expect(hasValidGithubSignature(body, signature, 'another secret')).toBe(false);
    expect(hasValidGithubSignature('Hello, World?', signature, secret)).toBe(false);
    expect(hasValidGithubSignature(body, undefined, secret)).toBe(false);
    expect(hasValidGithubSignature(body, signature.replace('sha256=', 'sha1='), secret)).toBe(false);
    expect(hasValidGithubSignature(body, 'sha256=abcd', secret)).toBe(false);
  });
});
