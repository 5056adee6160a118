import type { EnsembleClient } from '../sdk';

const KINDS_QUERY = 'query CliKnownKinds { entities(first: 1) { facets(fields: ["kind"], first: 500) { values { value } } } }';

interface KnownKinds {
  entities: { facets: { values: { value: string }[] }[] };
}

/**
 * When a listing by kind found nothing: a warning naming the asked kinds no entity has,
 * with the kinds there are, so that a misspelt kind (`compnent`) does not pass for an
 * empty catalog. Undefined when every asked kind exists, or the kinds cannot be read.
 */
export async function unknownKindsNote(client: EnsembleClient, kinds: readonly string[]): Promise<string | undefined> {
  const result = await client.request<KnownKinds>(KINDS_QUERY);
  const values = result.data?.entities.facets[0]?.values.map(({ value }) => value.toLowerCase());
  if (!values) return undefined;
  const unknown = kinds.filter((kind) => !values.includes(kind.toLowerCase()));
  if (!unknown.length) return undefined;
  const quoted = unknown.map((kind) => `"${kind}"`).join(', ');
  return `warning: no entity has kind ${quoted}; the catalog has ${values.sort().join(', ') || 'no entities'}`;
}
