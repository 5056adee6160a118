import path from 'node:path';
import { loadSchema, type SubgraphModule } from '../../kit';
import { PrismaClient } from '../../prisma/cicd/generated/client';
import type { CicdContext } from './context';
import { replaceDemoRuns } from './demo/replaceDemoRuns';
import { demoPipelineRuns } from './demo/demoPipelineRuns';
import { resolvers } from './resolvers';

/** The CI/CD plugin subgraph: pipeline runs on every catalog entity. */
export const cicdSubgraph: SubgraphModule<CicdContext, CicdContext> = {
  name: 'cicd',
  typeDefs: loadSchema(path.join(__dirname, 'schema.graphql')),
  resolvers,
  migrationsDir: path.resolve(__dirname, '../../prisma/cicd/migrations'),
  createServices: (database) => ({ prisma: new PrismaClient({ adapter: database.adapter }) }),
  createContext: (services) => ({ ...services }),
  afterStart: async (services, runtime) => {
    if (!runtime.demo) return;
    const runs = demoPipelineRuns(new Date());
    await replaceDemoRuns(services.prisma, runs);
    runtime.log(`cicd: ${runs.length} demo pipeline runs loaded`);
  },
  disposeServices: (services) => services.prisma.$disconnect(),
};
