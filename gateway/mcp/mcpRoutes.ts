import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { HttpHandler } from '../../kit';
import type { Authenticator } from '../auth/createAuthenticator';
import type { GatewayContext } from '../auth/IdentityForwardingDataSource';
import { withAuthentication } from '../auth/withAuthentication';
import { gatewayGraph } from './gatewayGraph';
import { mcpRoute } from './mcpRoute';
import type { McpMode } from './McpMode';

/** The gateway's MCP settings (README "Agents (MCP)"). */
export interface GatewayMcpOptions {
  /** Default `read-only`. */
  mode: McpMode;
  /** Characters per tool answer before it is paged. Default 16,000. */
  maxOutputChars?: number;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** `/mcp` for the gateway's routes, behind the same authentication as /graphql; none when off. */
export function mcpRoutes(options: {
  mcp: GatewayMcpOptions;
  server: ApolloServer<GatewayContext>;
  schema: () => GraphQLSchema | undefined;
  authenticate: Authenticator;
  log: (line: string) => void;
  host?: string;
  maxBodyBytes?: number;
}): Record<string, HttpHandler> {
  const { mode } = options.mcp;
  if (mode === 'off') return {};
  const route = mcpRoute({
    mode,
    graphFor: (identity) => gatewayGraph(options.server, identity, options.schema),
    log: options.log,
    maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
    maxOutputChars: options.mcp.maxOutputChars,
    allowedHostnames: options.host === undefined || LOOPBACK.includes(options.host) || options.host === '::1' ? LOOPBACK : undefined,
  });
  return { '/mcp': withAuthentication(route, options.authenticate, options.log) };
}
