/**
 * Components whose owner is not in the catalog: no `ownedBy` relation, or one that points
 * at a group or user that does not exist (a typo, a deleted team).
 *
 *   node --import tsx clients/sdk/examples/componentsWithoutOwner.ts
 *   ENSEMBLE_ENDPOINT=http://gateway:4000/graphql node --import tsx clients/sdk/examples/componentsWithoutOwner.ts
 *
 * Every component is read a page at a time; the owner look-ups of a page are made
 * together, so the client sends them as one `entitiesByRefs` request per page.
 */
import { createEnsembleClient, type EntitySummary } from '..';

async function main(): Promise<number> {
  const client = createEnsembleClient({ endpoint: process.env.ENSEMBLE_ENDPOINT ?? 'http://localhost:4000/graphql', token: process.env.ENSEMBLE_TOKEN });
  let checked = 0;
  let orphans = 0;
  for await (const page of client.entityPages({ kind: ['Component'] })) {
    if (page.error) {
      console.error(`error: ${page.error.message}`);
      return 1;
    }
    checked += page.nodes.length;
    const owners = await Promise.all(page.nodes.map((component) => ownerOf(client, component)));
    page.nodes.forEach((component, index) => {
      const owner = owners[index];
      if (owner.found) return;
      orphans++;
      console.log(`${component.ref}\t${owner.ref ? `owner ${owner.ref} is not in the catalog` : 'no owner'}`);
    });
  }
  console.error(`${orphans} of ${checked} components have no owner in the catalog.`);
  return 0;
}

async function ownerOf(client: ReturnType<typeof createEnsembleClient>, component: EntitySummary): Promise<{ ref: string | null; found: boolean }> {
  const ref = component.relations[0]?.targetRef ?? null;
  if (!ref) return { ref, found: false };
  const result = await client.entity(ref);
  if (!result.ok) throw result.error;
  return { ref, found: result.data !== null };
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`error: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  },
);
