/**
 * What the MCP server offers: `read-only` (the default) hides the write tools and refuses
 * them, `read-write` lists them (the caller's permissions still decide each write), `off`
 * serves no /mcp at all.
 */
export type McpMode = 'off' | 'read-only' | 'read-write';

export const MCP_MODES: readonly McpMode[] = ['off', 'read-only', 'read-write'];

/** The mode a flag or setting names, or an error that lists the choices. */
export function parseMcpMode(value: string, origin: string): McpMode {
  if ((MCP_MODES as readonly string[]).includes(value)) return value as McpMode;
  throw new Error(`${origin}: expected one of ${MCP_MODES.join(', ')}, not "${value}"`);
}
