/**
 * The owners of every service with an open critical vulnerability, with those services:
 * who to call first. Services come from the catalog, the counts from the security plugin,
 * through one query; the owners' names and emails through batched look-ups.
 *
 *   node --import tsx clients/sdk/examples/ownersOfVulnerableServices.ts
 *
 * When the security plugin is down the counts are missing: the script says so and exits
 * with 3 instead of reporting that nothing is vulnerable.
 */
import { createEnsembleClient, specString } from '..';
import { SdkVulnerableServicesDocument, type SdkVulnerableServicesQuery } from '../../generated/graphql';

async function main(): Promise<number> {
  const client = createEnsembleClient({ endpoint: process.env.ENSEMBLE_ENDPOINT ?? 'http://localhost:4000/graphql', token: process.env.ENSEMBLE_TOKEN });
  const servicesByOwner = new Map<string, string[]>();
  let unknown = 0;
  const services = client.paginate(SdkVulnerableServicesDocument, {}, (data: SdkVulnerableServicesQuery) => data.entities, {
    // A page with the security plugin down still lists services; count them as unknown.
    onPartial: () => undefined,
  });
  for await (const service of services) {
    if (!service.vulnerabilitySummary) {
      unknown++;
      continue;
    }
    if (!service.vulnerabilitySummary.critical) continue;
    const owner = service.relations[0]?.targetRef ?? '(no owner)';
    servicesByOwner.set(owner, [...(servicesByOwner.get(owner) ?? []), `${service.ref} (${service.vulnerabilitySummary.critical} critical)`]);
  }
  // All owners at once: one entitiesByRefs request, however many owners there are.
  const owners = [...servicesByOwner.keys()].sort();
  const records = await Promise.all(owners.map((ref) => client.entity(ref)));
  owners.forEach((ref, index) => {
    const record = records[index];
    const owner = record.ok ? record.data : null;
    const profile = owner?.spec && typeof owner.spec === 'object' ? (owner.spec as { profile?: unknown }).profile : undefined;
    const email = specString(profile, 'email');
    console.log(`${owner?.title ?? ref}${email ? ` <${email}>` : ''}  [${ref}]`);
    for (const service of servicesByOwner.get(ref)!) console.log(`  ${service}`);
  });
  if (!owners.length) console.error('No service has an open critical vulnerability.');
  if (unknown) {
    console.error(`warning: the security plugin did not answer for ${unknown} services; they are not listed.`);
    return 3;
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`error: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  },
);
