/**
 * The predicates behind Backstage's FieldFormatEntityPolicy: its
 * KubernetesValidatorFunctions, CommonValidatorFunctions and the default
 * isValidTag from makeValidator. Each takes `unknown` because the policy
 * feeds them raw values.
 */

export type FieldValidator = (value: unknown) => boolean;

const DNS_LABEL = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const OBJECT_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const KIND = /^[a-zA-Z][a-z0-9A-Z]*$/;
const API_VERSION_SUFFIX = /^[a-z0-9A-Z]+$/;
const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

function hasLength(value: string, min: number, max: number): boolean {
  return value.length >= min && value.length <= max;
}

/** "<suffix>" or "<prefix><separator><suffix>", each part checked on its own. */
export function isValidPrefixAndOrSuffix(
  value: unknown,
  separator: string,
  isValidPrefix: (part: string) => boolean,
  isValidSuffix: (part: string) => boolean,
): boolean {
  if (typeof value !== 'string') return false;
  const parts = value.split(separator);
  if (parts.length === 1) return isValidSuffix(parts[0]);
  if (parts.length === 2) return isValidPrefix(parts[0]) && isValidSuffix(parts[1]);
  return false;
}

/** RFC 1123 label: lower-case alphanumerics and inner dashes, 1-63 chars. */
export function isValidDnsLabel(value: unknown): boolean {
  return typeof value === 'string' && hasLength(value, 1, 63) && DNS_LABEL.test(value);
}

/** RFC 1123 subdomain: dot-separated DNS labels, at most 253 chars. */
export function isValidDnsSubdomain(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    hasLength(value, 1, 253) &&
    value.split('.').every(isValidDnsLabel)
  );
}

export function isValidApiVersion(value: unknown): boolean {
  return isValidPrefixAndOrSuffix(
    value,
    '/',
    isValidDnsSubdomain,
    part => hasLength(part, 1, 63) && API_VERSION_SUFFIX.test(part),
  );
}

export function isValidKind(value: unknown): boolean {
  return typeof value === 'string' && hasLength(value, 1, 63) && KIND.test(value);
}

/** Used for metadata.name: alphanumerics separated by [-_.], 1-63 chars. */
export function isValidObjectName(value: unknown): boolean {
  return typeof value === 'string' && hasLength(value, 1, 63) && OBJECT_NAME.test(value);
}

export function isValidNamespace(value: unknown): boolean {
  return isValidDnsLabel(value);
}

export function isValidLabelKey(value: unknown): boolean {
  return isValidPrefixAndOrSuffix(value, '/', isValidDnsSubdomain, isValidObjectName);
}

/** Label values may also be empty, as in Kubernetes. */
export function isValidLabelValue(value: unknown): boolean {
  return value === '' || isValidObjectName(value);
}

export function isValidAnnotationKey(value: unknown): boolean {
  return isValidPrefixAndOrSuffix(value, '/', isValidDnsSubdomain, isValidObjectName);
}

export function isValidAnnotationValue(value: unknown): boolean {
  return typeof value === 'string';
}

/** Backstage's default tag rule (makeValidator): [a-z0-9:+#] runs joined by '-'. */
export function isValidTag(value: unknown): boolean {
  return typeof value === 'string' && hasLength(value, 1, 63) && TAG.test(value);
}

/** Anything the WHATWG URL parser accepts, which is what Backstage uses. */
export function isValidUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length >= 1;
}
