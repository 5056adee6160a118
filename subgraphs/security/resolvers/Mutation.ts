import { requireAllowed, requireReadableEntity } from '../../../kit';
import { dismissFinding } from '../data/dismissFinding';
import { importScan } from '../data/importScan';
import type { MutationResolvers } from '../generated/resolvers';
import { parseNpmAudit } from '../scans/parseNpmAudit';
import { parseSarif } from '../scans/parseSarif';
import { entityRefArgument } from './entityRefArgument';

/**
 * The plugin's permission, then an entity the caller may read (a hidden one reads as a
 * missing one): the ref findings are stored under.
 */
async function findingsTarget(context: object, entityRef: string): Promise<string> {
  requireAllowed(context, 'security.finding.create');
  const ref = entityRefArgument(entityRef);
  await requireReadableEntity(context, ref);
  return ref;
}

// Parsing happens before the transaction opens: bad input writes nothing.
export const Mutation: MutationResolvers = {
  importNpmAudit: async (_, { entityRef, report }, context) => {
    const ref = await findingsTarget(context, entityRef);
    return importScan(context.prisma, ref, parseNpmAudit(report));
  },
  importSarif: async (_, { entityRef, sarif, scanner }, context) => {
    const ref = await findingsTarget(context, entityRef);
    return importScan(context.prisma, ref, parseSarif(sarif, { scanner }));
  },
  dismissFinding: (_, { id, reason }, context) => {
    requireAllowed(context, 'security.finding.update');
    return dismissFinding(context.prisma, id, reason ?? null);
  },
};
