import path from 'node:path';
import { loadSchema, type SubgraphModule } from '../../kit';
import { PrismaClient } from '../../prisma/security/generated/client';
import type { SecurityContext } from './context';
import { importDemoScans } from './demo/importDemoScans';
import { plugin } from './plugin';
import { resolvers } from './resolvers';

/** Longest scanner report `importNpmAudit` and `importSarif` take (the gateway's default body limit is 1 MB). */
export const MAX_REPORT_CHARACTERS = 1024 * 1024;

/** The security plugin subgraph: vulnerability findings, imported from scanner output, on every catalog entity. */
export const securitySubgraph: SubgraphModule<SecurityContext, SecurityContext> = {
  name: 'security',
  typeDefs: loadSchema(path.join(__dirname, 'schema.graphql')),
  resolvers,
  events: plugin.events,
  // A scanner's report is one long text; every other argument keeps the kit's 4,096 characters.
  argumentTextLimits: { 'Mutation.importNpmAudit.report': MAX_REPORT_CHARACTERS, 'Mutation.importSarif.sarif': MAX_REPORT_CHARACTERS },
  migrationsDir: path.resolve(__dirname, '../../prisma/security/migrations'),
  createServices: (database) => ({ prisma: new PrismaClient({ adapter: database.adapter }), reads: database.reads }),
  createContext: (services) => ({ ...services }),
  afterStart: async (services, runtime) => {
    if (!runtime.demo) return;
    const results = await importDemoScans(services.prisma);
    const opened = results.reduce((sum, result) => sum + result.opened, 0);
    runtime.log(`security: ${results.length} demo scans imported (${opened} new findings)`);
  },
  disposeServices: (services) => services.prisma.$disconnect(),
};
