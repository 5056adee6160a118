/**
 * A Component descriptor as a file holds it, for the ingestion tests: a production service
 * owned by `owner` (default team-a); `metadata` adds lines under `metadata:` (indented by
 * two spaces, e.g. annotations).
 */
export function componentYaml(name: string, options: { owner?: string; metadata?: string } = {}): string {
  return `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${options.metadata ?? ''}spec:\n  type: service\n  lifecycle: production\n  owner: ${options.owner ?? 'team-a'}\n`;
}
