import { definePlugin } from '../../kit/plugin/definePlugin';

/** The CI/CD plugin's description of itself (kit/plugin/definePlugin.ts says what each part is for). */
export const plugin = definePlugin({
  name: 'cicd',
  team: '@ensemble/cicd-team',
  description: 'Pipeline runs per entity, build statistics, and a GitHub Actions webhook that records them.',
  port: 4002,
  settings: [
    { name: 'CICD_WEBHOOK_SECRET', type: 'string', secret: true, description: "GitHub's webhook secret; unset, every delivery is refused" },
    { name: 'CICD_WEBHOOK_ALLOW_UNSIGNED', type: 'boolean', description: '`1` accepts unsigned deliveries when no secret is set (local development only)' },
    { name: 'CICD_GATEWAY_URL', type: 'url', description: "the gateway's GraphQL endpoint, where the webhook checks that an entity carries a delivery's repository (`npm start` sets it)" },
    { name: 'CICD_GATEWAY_TOKEN', type: 'string', secret: true, description: 'an API token the gateway knows, for the webhook, sent when it refuses anonymous callers' },
  ],
  events: ['PIPELINE_FAILED'],
  // The webhook acts as this user when it asks the catalog whether a repository is known.
  needs: { gateway: { urlSetting: 'CICD_GATEWAY_URL', tokenSetting: 'CICD_GATEWAY_TOKEN', identity: 'user:default/cicd' } },
  demoData: 'Pipeline runs for the example catalog\'s components (demo/demoPipelineRuns.ts).',
  codegen: {
    contextType: 'context#CicdContext',
    mappers: {
      Entity: 'data/entityKey#EntityKey',
      PipelineRun: 'data/pipelineRunRecord#PipelineRunRecord',
      PipelineRunConnection: 'data/findRunPages#RunsPage',
    },
  },
  load: async (settings = {}) => (await import('.')).createCicdSubgraph({
      webhookSecret: settings.CICD_WEBHOOK_SECRET,
      acceptUnsignedWebhooks: settings.CICD_WEBHOOK_ALLOW_UNSIGNED === '1',
      gatewayUrl: settings.CICD_GATEWAY_URL,
      gatewayToken: settings.CICD_GATEWAY_TOKEN,
    }),
});
