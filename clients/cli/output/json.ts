/** One JSON document, indented, for commands that print one value. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** One JSON Lines record: how streamed listings print `--json`, one entity per line. */
export function formatJsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
