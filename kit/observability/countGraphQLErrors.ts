import type { ApolloServerPlugin } from '@apollo/server';
import type { ProcessMetrics } from './metrics';

/** Codes past this many distinct ones are counted as OTHER: a label must stay bounded. */
const MAX_CODES = 64;

/**
 * An Apollo plugin counting the errors each answer carries by their `extensions.code`, as
 * the client sees them (after formatError). A code that is not UPPER_SNAKE, or one past the
 * first 64, counts as OTHER: codes relayed from a subgraph are not trusted to be few.
 */
export function countGraphQLErrors(metrics: ProcessMetrics, service: string): ApolloServerPlugin {
  const seen = new Set<string>();
  const label = (code: unknown) => {
    if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]{0,47}$/.test(code)) return code === undefined ? 'NONE' : 'OTHER';
    if (seen.has(code)) return code;
    if (seen.size >= MAX_CODES) return 'OTHER';
    seen.add(code);
    return code;
  };
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          for (const error of errors ?? []) metrics.graphqlErrors.inc({ service, code: label(error.extensions?.code) });
        },
      };
    },
  };
}
