import type { GraphErrorEntry } from './McpGraph';

/**
 * A tool call that cannot be answered, with what the agent should do about it. It becomes
 * a tool result with `isError` (MCP's way for a model to see and correct its mistake),
 * never a protocol error.
 */
export class ToolFailure extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the gateway's error, or the tool's own (`NOT_FOUND`, `BAD_USER_INPUT`). */
    readonly code: string,
  ) {
    super(message);
    this.name = 'ToolFailure';
  }

  /** The gateway's errors as one failure: each message with its code and path. */
  static fromGraphErrors(errors: readonly GraphErrorEntry[]): ToolFailure {
    const codeOf = (error: GraphErrorEntry) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN');
    const lines = errors.map((error) => `${error.message}${error.path?.length ? ` (at ${error.path.join('.')})` : ''} [${codeOf(error)}]`);
    return new ToolFailure(lines.join('\n'), errors.length > 0 ? codeOf(errors[0]) : 'UNKNOWN');
  }
}
