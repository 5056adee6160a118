import { definePlugin } from '../../kit/plugin/definePlugin';

/** The scorecards plugin's description of itself (kit/plugin/definePlugin.ts says what each part is for). */
export const plugin = definePlugin({
  name: 'scorecards',
  team: '@ensemble/tech-health-team',
  description: "Tech-health checks as data, scored per entity from the graph's facts, and roll-ups per owner or system.",
  port: 4005,
  settings: [
    { name: 'SCORECARDS_GATEWAY_URL', type: 'url', description: "the gateway's GraphQL endpoint, where scorecards read their facts (`npm start` sets it)" },
    { name: 'SCORECARDS_GATEWAY_TOKEN', type: 'string', secret: true, description: 'an API token the gateway knows, sent when it refuses anonymous callers' },
  ],
  // Facts come from other plugins' fields, read through the gateway as this user.
  needs: { gateway: { urlSetting: 'SCORECARDS_GATEWAY_URL', tokenSetting: 'SCORECARDS_GATEWAY_TOKEN', identity: 'user:default/scorecards' } },
  demoData: 'One demo check (demo/demoChecks.ts).',
  codegen: {
    contextType: 'context#ScorecardsContext',
    mappers: {
      Entity: 'data/entityKey#EntityKey',
      Check: 'data/checkRecord#CheckRecord',
      Scorecard: 'model/scorecardRecord#ScorecardRecord',
      CheckResult: 'model/scorecardRecord#CheckResultRecord',
      ScorecardRollup: 'model/rollUpScorecards#RollupRecord',
      CheckRollup: 'model/rollUpScorecards#CheckRollupRecord',
    },
  },
  load: async (settings = {}) =>
    (await import('.')).createScorecardsSubgraph({ gatewayUrl: settings.SCORECARDS_GATEWAY_URL, gatewayToken: settings.SCORECARDS_GATEWAY_TOKEN }),
});
