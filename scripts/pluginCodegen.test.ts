import { plugin as cicd } from '../subgraphs/cicd/plugin';
import { pluginCodegen } from './pluginCodegen';

describe('pluginCodegen', () => {
  it("builds a plugin's resolver-types target from its declaration, with paths from generated/", () => {
    expect(pluginCodegen([cicd])).toEqual({
      'subgraphs/cicd/generated/resolvers.ts': {
        schema: 'subgraphs/cicd/schema.graphql',
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          contextType: '../context#CicdContext',
          mappers: {
            Entity: '../data/entityKey#EntityKey',
            PipelineRun: '../data/pipelineRunRecord#PipelineRunRecord',
            PipelineRunConnection: '../data/findRunPages#RunsPage',
          },
        },
      },
    });
  });
});
