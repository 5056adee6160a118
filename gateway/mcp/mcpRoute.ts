import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { BodyTooLargeError, readBody, type HttpHandler } from '../../kit';
import { identityOf } from '../auth/withAuthentication';
import { createMcpServer } from './createMcpServer';
import type { McpGraph } from './McpGraph';
import type { CallerIdentity } from '../../kit';

export interface McpRouteOptions {
  mode: 'read-only' | 'read-write';
  /** The graph for an authenticated caller (gatewayGraph). */
  graphFor(identity: CallerIdentity): McpGraph;
  log: (line: string) => void;
  /** Largest request body; 413 above it. */
  maxBodyBytes: number;
  maxOutputChars?: number;
  /**
   * Host names a request may name when the gateway listens on loopback only: a web page
   * that rebinds its own domain to 127.0.0.1 must not reach a local gateway's tools.
   * Undefined: any host (the gateway is exposed, and its operator fronts it).
   */
  allowedHostnames?: string[];
}

/**
 * MCP's Streamable HTTP transport at /mcp, stateless: every POST is answered on its own
 * (JSON, not a stream) by a server made for the caller the gateway authenticated, so no
 * session outlives its request and a caller can never use another's. GET (a server
 * stream) and DELETE (end a session) have nothing to serve: 405.
 */
export function mcpRoute(options: McpRouteOptions): HttpHandler {
  return async (request, response) => {
    const rpcError = (status: number, code: number, message: string) => {
      response.statusCode = status;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
    };
    if (options.allowedHostnames) {
      const hostname = new URL(`http://${request.headers.host ?? 'invalid'}`).hostname;
      if (!options.allowedHostnames.includes(hostname)) return rpcError(403, -32000, `Host ${hostname} is not allowed`);
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return rpcError(405, -32000, 'Method not allowed: this MCP server is stateless, send every message as a POST');
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request, options.maxBodyBytes));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return rpcError(413, -32600, error.message);
      if (error instanceof SyntaxError) return rpcError(400, -32700, 'Parse error: the body is not JSON');
      throw error;
    }
    const server = createMcpServer({ graph: options.graphFor(identityOf(request)), mode: options.mode, log: options.log, maxOutputChars: options.maxOutputChars });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    response.once('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response, body);
  };
}
