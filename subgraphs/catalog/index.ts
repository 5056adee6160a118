import path from 'node:path';
import { loadSchema, type SubgraphModule } from '../../kit';
import { PrismaClient } from '../../prisma/catalog/generated/client';
import type { CatalogContext } from './context';
import { createCatalogIngestion } from './ingestion/catalogIngestion';
import { resolvers } from './resolvers';

/** The project's own demo catalog, loaded at start unless `--no-demo`. */
export const DEMO_CATALOG = path.resolve(__dirname, '../../demo/catalog/catalog.yaml');

/** The core catalog subgraph: Backstage's entity model, served as `interface Entity`. */
export const catalogSubgraph: SubgraphModule<CatalogContext, CatalogContext> = {
  name: 'catalog',
  typeDefs: loadSchema(path.join(__dirname, 'schema.graphql')),
  resolvers,
  migrationsDir: path.resolve(__dirname, '../../prisma/catalog/migrations'),
  createServices: (database, runtime) => {
    const prisma = new PrismaClient({ adapter: database.adapter });
    return { prisma, ingestion: createCatalogIngestion(prisma, runtime.log) };
  },
  // Services hold nothing per request; loaders are built lazily per context object.
  createContext: (services) => ({ ...services }),
  afterStart: async (services, runtime) => {
    const targets = [...(runtime.demo ? [DEMO_CATALOG] : []), ...runtime.locations];
    for (const target of targets) await services.ingestion.registerLocation(target);
  },
  disposeServices: async (services) => {
    await services.ingestion.idle();
    await services.prisma.$disconnect();
  },
};
