import path from 'node:path';
import { loadSchema, type SubgraphModule } from '../../kit';
import { PrismaClient } from '../../prisma/techdocs/generated/client';
import type { TechdocsContext } from './context';
import { DEMO_DOCS_COMPONENTS, publishDemoDocs } from './demo/publishDemoDocs';
import { resolvers } from './resolvers';
import { createAutoPublisher } from './builder/createAutoPublisher';

export interface TechdocsOptions {
  /** How often an annotated docs folder is looked at again for changes (default 10 s). */
  recheckMs?: number;
}

/** The TechDocs plugin subgraph: published documentation and full-text search on catalog entities. */
export const createTechdocsSubgraph = (options: TechdocsOptions = {}): SubgraphModule<TechdocsContext, TechdocsContext> => ({
  name: 'techdocs',
  typeDefs: loadSchema(path.join(__dirname, 'schema.graphql')),
  resolvers,
  migrationsDir: path.resolve(__dirname, '../../prisma/techdocs/migrations'),
  createServices: (database, runtime) => {
    const prisma = new PrismaClient({ adapter: database.adapter });
    return { prisma, reads: database.reads, autoPublish: createAutoPublisher(prisma, { log: runtime.log, recheckMs: options.recheckMs }) };
  },
  createContext: (services) => ({ ...services }),
  afterStart: async (services, runtime) => {
    if (!runtime.demo) return;
    const pages = await publishDemoDocs(services.prisma);
    runtime.log(`techdocs: ${pages} demo pages published for ${DEMO_DOCS_COMPONENTS.length} components`);
  },
  disposeServices: (services) => services.prisma.$disconnect(),
});

/** The subgraph with default options. */
export const techdocsSubgraph = createTechdocsSubgraph();
