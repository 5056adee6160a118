/** Arguments longer than this are cut in the audit log: a descriptor's YAML must not flood it. */
export const MAX_AUDIT_ARGUMENT_CHARS = 400;

export interface AuditEntry {
  caller: string;
  tool: string;
  args: unknown;
  /** `ok`, or `error <code>` for a call the tool could not answer. */
  outcome: string;
  /** Characters returned, for an answered call. */
  chars?: number;
}

/** One log line per tool call: who, which tool, with what (bounded), and how it went. */
export function auditLine(entry: AuditEntry): string {
  const args = JSON.stringify(entry.args ?? {});
  const bounded = args.length > MAX_AUDIT_ARGUMENT_CHARS ? `${args.slice(0, MAX_AUDIT_ARGUMENT_CHARS)}...(${args.length} chars)` : args;
  const size = entry.chars === undefined ? '' : ` chars=${entry.chars}`;
  return `mcp: caller=${entry.caller} tool=${entry.tool} outcome=${entry.outcome.replace(/\s+/g, ' ')}${size} args=${bounded}`;
}
