import { parseMcpMode } from '../gateway/mcp/McpMode';
import type { GatewayMcpOptions } from '../gateway/mcp/mcpRoutes';

/** The MCP flag, shared by `npm start` and `npm run gateway`. */
export const MCP_FLAGS = { mcp: { type: 'string' } } as const;

export const MCP_USAGE = `  --mcp <mode>               the MCP server for agents at /mcp: read-only (default), read-write
                             (adds the write tools; permissions still apply) or off (also $ENSEMBLE_MCP)`;

/** The gateway's MCP settings from the flag, then ENSEMBLE_MCP; read-only by default. */
export function mcpOptionsFrom(flag: string | undefined): GatewayMcpOptions {
  const value = flag ?? process.env.ENSEMBLE_MCP;
  return { mode: value ? parseMcpMode(value, flag !== undefined ? '--mcp' : 'ENSEMBLE_MCP') : 'read-only' };
}
