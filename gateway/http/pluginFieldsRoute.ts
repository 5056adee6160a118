import type { GraphQLSchema } from 'graphql';
import { sendError, type HttpHandler } from '../../kit';
import type { PluginFieldsManifest } from '../../clients/sdk/pluginFields';
import { pluginFieldsOf } from './pluginFieldsOf';

/**
 * `GET /plugins`: each plugin subgraph's `Entity` fields, from the supergraph served now
 * (the gateway calls `update` on every load and registry swap). The web UI, `ensemble get`
 * and the SDK build their plugin cards from it, so a new plugin needs no client change.
 * Entry points put it behind the same authentication as /graphql: it describes the schema.
 */
export function pluginFieldsRoute(): { route: HttpHandler; update(supergraphSdl: string, apiSchema: GraphQLSchema): void } {
  let body: string | undefined;
  let current: { supergraphSdl: string; apiSchema: GraphQLSchema } | undefined;
  return {
    // Worked out on the first request after a load, not on the load itself: most gateways never serve a card.
    update: (supergraphSdl, apiSchema) => {
      current = { supergraphSdl, apiSchema };
      body = undefined;
    },
    route: async (request, response) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('allow', 'GET, HEAD');
        return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'GET /plugins takes no body');
      }
      if (!current) return sendError(response, 503, 'SUPERGRAPH_NOT_LOADED', 'The gateway has not loaded a supergraph yet');
      body ??= JSON.stringify(pluginFieldsOf(current.supergraphSdl, current.apiSchema) satisfies PluginFieldsManifest);
      response.statusCode = 200;
      response.setHeader('content-type', 'application/json');
      response.setHeader('cache-control', 'no-store');
      response.end(request.method === 'HEAD' ? undefined : body);
    },
  };
}
