import path from 'node:path';
import { createSourceRoots, loadSchema, rootsOfLocations, type SubgraphModule } from '../../kit';
import { PrismaClient } from '../../prisma/techdocs/generated/client';
import type { TechdocsContext } from './context';
import { DEMO_COMPONENTS_DIR, DEMO_DOCS_COMPONENTS, publishDemoDocs } from './demo/publishDemoDocs';
import { resolvers } from './resolvers';
import { MAX_SEARCH_QUERY } from './resolvers/Query';
import { createAutoPublisher } from './builder/createAutoPublisher';

export interface TechdocsOptions {
  /** How often an annotated docs folder is looked at again for changes (default 10 s). */
  recheckMs?: number;
  /**
   * Folders docs may be built from (`publishDocs`' `sourceDir`, an annotation's `dir:`),
   * their subfolders included. The demo's folder (with the demo) and the folder of each
   * start-up location are added; nothing else on the machine is read.
   */
  sourceRoots?: string[];
}

/** The TechDocs plugin subgraph: published documentation and full-text search on catalog entities. */
export const createTechdocsSubgraph = (options: TechdocsOptions = {}): SubgraphModule<TechdocsContext, TechdocsContext> => ({
  name: 'techdocs',
  typeDefs: loadSchema(path.join(__dirname, 'schema.graphql')),
  resolvers,
  // Every other argument keeps the kit's 4,096 characters (docs/hardening.md, Argument bounds).
  argumentTextLimits: { 'Query.searchDocs.query': MAX_SEARCH_QUERY },
  migrationsDir: path.resolve(__dirname, '../../prisma/techdocs/migrations'),
  createServices: (database, runtime) => {
    const prisma = new PrismaClient({ adapter: database.adapter });
    const docsRoots = createSourceRoots([
      ...(options.sourceRoots ?? []),
      ...(runtime.demo ? [DEMO_COMPONENTS_DIR] : []),
      ...rootsOfLocations(runtime.locations),
    ]);
    const autoPublish = createAutoPublisher(prisma, { log: runtime.log, recheckMs: options.recheckMs, roots: docsRoots });
    return { prisma, reads: database.reads, docsRoots, autoPublish };
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
