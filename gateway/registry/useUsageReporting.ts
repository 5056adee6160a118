import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { OperationUsage } from '../../registry/data/usageRows';
import { operationCoordinates } from '../../registry/usage/operationCoordinates';

/** The client-name header Apollo's clients send (apollographql-client-name). */
export const CLIENT_NAME_HEADER = 'apollographql-client-name';

export interface UsageReportingOptions {
  /** The registry's base URL. */
  url: string;
  token?: string;
  /** Between reports. Default 10 s. */
  flushIntervalMs?: number;
  /**
   * Distinct (operation, client) pairs held between reports; past it, requests are
   * counted as dropped, not held. Default 2,000. Bounds the memory usage takes.
   */
  maxEntries?: number;
  log: (line: string) => void;
}

export interface UsageReporting {
  plugin: ApolloServerPlugin;
  /** Sends what is held now (the gateway calls it when it stops). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_NAME = 200;
/** Coordinates remembered per query hash and schema, so an operation is walked once per supergraph. */
const MAX_REMEMBERED = 1_000;

/**
 * Records, per operation and client, how many requests used which schema coordinates,
 * and reports the counts to the registry's /registry/usage every interval, where the
 * operations check reads them. What a report fails to deliver is dropped, not retried:
 * memory stays bounded whatever the registry does.
 */
export function useUsageReporting(options: UsageReportingOptions): UsageReporting {
  const maxEntries = options.maxEntries ?? 2_000;
  const held = new Map<string, OperationUsage>();
  let dropped = 0;
  const remembered = new WeakMap<GraphQLSchema, Map<string, string[]>>();
  const coordinatesOf = (schema: GraphQLSchema, queryHash: string, document: Parameters<typeof operationCoordinates>[1]) => {
    let bySchema = remembered.get(schema);
    if (!bySchema) remembered.set(schema, (bySchema = new Map()));
    let coordinates = bySchema.get(queryHash);
    if (!coordinates) {
      coordinates = operationCoordinates(schema, document);
      if (bySchema.size >= MAX_REMEMBERED) bySchema.delete(bySchema.keys().next().value as string);
      bySchema.set(queryHash, coordinates);
    }
    return coordinates;
  };
  const endpoint = new URL('/registry/usage', options.url).toString();
  const flush = async () => {
    if (!held.size && !dropped) return;
    const operations = [...held.values()];
    held.clear();
    if (dropped) options.log(`gateway: usage of ${dropped} request(s) was not recorded: more than ${maxEntries} operations and clients in one interval`);
    dropped = 0;
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify({ operations }),
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) throw new Error(`the registry answered ${response.status}`);
    } catch (error) {
      options.log(`gateway: usage report of ${operations.length} operation(s) dropped: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 10_000).unref();
  const plugin: ApolloServerPlugin = {
    async requestDidStart({ request }) {
      const clientName = (request.http?.headers.get(CLIENT_NAME_HEADER) ?? '').slice(0, MAX_NAME) || 'unknown';
      return {
        async didResolveOperation({ schema, document, queryHash, operationName }) {
          const key = `${queryHash}\n${clientName}`;
          const entry = held.get(key);
          if (entry) return void entry.count++;
          if (held.size >= maxEntries) return void dropped++;
          const operation = { operationHash: queryHash, operationName: (operationName ?? '(anonymous)').slice(0, MAX_NAME), clientName, coordinates: coordinatesOf(schema, queryHash, document), count: 1 };
          held.set(key, operation);
        },
      };
    },
  };
  return {
    plugin,
    flush,
    stop: async () => {
      clearInterval(timer);
      await flush();
    },
  };
}
