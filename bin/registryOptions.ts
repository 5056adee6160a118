/** What entry points read for the schema registry: flags and environment, in one place (docs/registry.md). */

/** `--owner cicd=group:default/cicd-team,user:default/ada` → { cicd: [...] }. */
export function parseOwners(values: string[]): Record<string, string[]> {
  const owners: Record<string, string[]> = {};
  for (const value of values) {
    const match = /^([a-z][a-z0-9-]*)=(.+)$/.exec(value);
    if (!match) throw new Error(`--owner expects <subgraph>=<ref>[,<ref>...], got "${value}"`);
    owners[match[1]] = [...(owners[match[1]] ?? []), ...match[2].split(',').map((ref) => ref.trim()).filter(Boolean)];
  }
  return owners;
}

/** The token a gateway or a self-publishing subgraph sends to the registry. */
export const REGISTRY_TOKEN_VARIABLE = 'ENSEMBLE_REGISTRY_TOKEN';
