import { randomBytes } from 'node:crypto';

/** Shorter secrets are refused: an HMAC key that can be guessed protects nothing. */
export const MIN_SECRET_LENGTH = 16;

/** A fresh random secret, for a run that starts the gateway and subgraphs together (`npm start`). */
export function generateSubgraphSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Throws a clear error when a configured secret is too short to be worth anything. */
export function assertUsableSecret(secret: string, origin: string): void {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`${origin} must be at least ${MIN_SECRET_LENGTH} characters long (it is ${secret.length})`);
  }
}
