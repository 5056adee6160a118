import YAML from 'yaml';

/** One YAML document. */
export function formatYaml(value: unknown): string {
  return YAML.stringify(value, { lineWidth: 0 });
}

/**
 * Items of a YAML sequence (`- ...` blocks): printed page after page they still make
 * one valid sequence, which is how streamed listings print `--yaml`.
 */
export function formatYamlItems(values: unknown[]): string {
  return values.length ? YAML.stringify(values, { lineWidth: 0 }) : '';
}
