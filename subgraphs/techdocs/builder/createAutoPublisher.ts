import type { PrismaClient } from '../../../prisma/techdocs/generated/client';
import type { DocSiteRecord } from '../data/docSiteRecord';
import { publishDocs } from './publishDocs';

/** Builds an entity's docs from its folder the first time they are asked for. */
export type AutoPublisher = (entityRef: string, folder: string) => Promise<DocSiteRecord | null>;

/**
 * One build per entity and folder at a time, however many requests ask at once. A
 * folder that cannot be built (no docs/, too large) answers null and is not tried
 * again by this process: `publishDocs` (or a restart) retries it. A built site is
 * stored, so later requests find it in the database.
 */
export function createAutoPublisher(prisma: PrismaClient, log: (line: string) => void): AutoPublisher {
  const builds = new Map<string, Promise<DocSiteRecord | null>>();
  return (entityRef, folder) => {
    const key = `${entityRef}\u0000${folder}`;
    let build = builds.get(key);
    if (!build) {
      build = publishDocs(prisma, entityRef, folder).then(
        (site) => {
          builds.delete(key);
          log(`techdocs: built the docs of ${entityRef} from ${folder} (${site.pageCount} pages)`);
          return site;
        },
        (error) => {
          log(`techdocs: cannot build the docs of ${entityRef} from ${folder}: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        },
      );
      builds.set(key, build);
    }
    return build;
  };
}
