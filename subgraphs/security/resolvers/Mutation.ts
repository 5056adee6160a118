import { requireAllowed } from '../../../kit';
import { dismissFinding } from '../data/dismissFinding';
import { importScan } from '../data/importScan';
import type { MutationResolvers } from '../generated/resolvers';
import { parseNpmAudit } from '../scans/parseNpmAudit';
import { parseSarif } from '../scans/parseSarif';
import { entityRefArgument } from './entityRefArgument';

// Parsing happens before the transaction opens: bad input writes nothing.
export const Mutation: MutationResolvers = {
  importNpmAudit: (_, { entityRef, report }, context) => {
    requireAllowed(context, 'security.finding.create');
    return importScan(context.prisma, entityRefArgument(entityRef), parseNpmAudit(report));
  },
  importSarif: (_, { entityRef, sarif, scanner }, context) => {
    requireAllowed(context, 'security.finding.create');
    return importScan(context.prisma, entityRefArgument(entityRef), parseSarif(sarif, { scanner }));
  },
  dismissFinding: (_, { id, reason }, context) => {
    requireAllowed(context, 'security.finding.update');
    return dismissFinding(context.prisma, id, reason ?? null);
  },
};
