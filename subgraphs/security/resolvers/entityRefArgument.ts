import { InputError } from '../../../kit';

/**
 * The entity ref a caller sent, in the catalog's canonical form (lower-cased). Imports
 * insist on all three parts: findings stored under `checkout-service` alone would never
 * meet the catalog's `component:default/checkout-service`.
 */
export function entityRefArgument(value: string): string {
  const ref = value.trim().toLowerCase();
  if (!/^[^\s:/]+:[^\s:/]+\/[^\s:/]+$/.test(ref)) {
    throw new InputError(`"entityRef" must be a full entity ref, kind:namespace/name (e.g. component:default/checkout-service), got ${JSON.stringify(value)}`);
  }
  return ref;
}
