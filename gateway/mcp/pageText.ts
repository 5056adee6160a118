import { ToolFailure } from './ToolFailure';

/** What a tool answers at most per call, in characters, unless the server is told otherwise. */
export const DEFAULT_MAX_OUTPUT_CHARS = 16_000;

/**
 * One page of a tool's text answer. An agent's context is small, so a long answer comes a
 * page at a time: the page ends with a note naming the `offset` that reads on. The tool
 * runs again for the next page (its operations are ordered, so the pages line up unless
 * the catalog changed between calls).
 */
export function pageText(text: string, offset: number, maxChars: number): string {
  if (offset === 0 && text.length <= maxChars) return text;
  if (offset >= text.length) {
    throw new ToolFailure(`offset ${offset} is past the end of this answer (${text.length} characters); start again from offset 0`, 'BAD_USER_INPUT');
  }
  const end = Math.min(text.length, offset + maxChars);
  const more =
    end < text.length
      ? `call again with the same arguments and "offset": ${end} for the rest, or ask for less (fewer fields, a smaller "first")`
      : 'this is the last page';
  return `${text.slice(offset, end)}\n[characters ${offset}-${end} of ${text.length}: ${more}]`;
}
