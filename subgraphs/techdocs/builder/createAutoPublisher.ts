import type { SourceRoots } from '../../../kit';
import type { PrismaClient } from '../../../prisma/techdocs/generated/client';
import type { DocSiteRecord } from '../data/docSiteRecord';
import { fingerprintDocsFolder } from './fingerprintDocsFolder';
import { publishDocs } from './publishDocs';

/**
 * The docs of an entity whose techdocs-ref annotation names `folder`, given what is
 * stored now: built on first request, rebuilt when the folder changed.
 */
export type AutoPublisher = (entityRef: string, folder: string, stored: DocSiteRecord | null) => Promise<DocSiteRecord | null>;

export interface AutoPublisherOptions {
  log: (line: string) => void;
  /** How often one entity's folder is looked at again for changes. Default 10 s. */
  recheckMs?: number;
  /** The folders docs may be built from: an annotation naming any other is not looked at. */
  roots: SourceRoots;
  now?: () => number;
}

/**
 * Builds docs from annotated folders, Backstage's "local builder" way, and keeps them
 * fresh: a stored site built from the same folder is served as is, and the folder's
 * fingerprint (paths, sizes, times) is compared at most every `recheckMs` per entity; a
 * change rebuilds. A site published through `publishDocs` is never replaced from here.
 * One build per entity at a time, however many requests ask. A folder that cannot be
 * built answers with what is stored (null the first time) and is retried only once its
 * fingerprint changes.
 */
export function createAutoPublisher(prisma: PrismaClient, options: AutoPublisherOptions): AutoPublisher {
  const recheckMs = options.recheckMs ?? 10_000;
  const now = options.now ?? Date.now;
  const builds = new Map<string, Promise<DocSiteRecord | null>>();
  const checkedAt = new Map<string, number>();
  const failed = new Map<string, string>();

  const build = async (entityRef: string, named: string, stored: DocSiteRecord | null): Promise<DocSiteRecord | null> => {
    // The annotation is the descriptor author's word: it is not even listed unless it is under a root.
    const folder = options.roots.resolve(named);
    if (!folder) return stored;
    const key = `${entityRef}\u0000${folder}`;
    const recent = stored?.builtFrom === folder && now() - (checkedAt.get(key) ?? 0) < recheckMs;
    if (recent) return stored;
    checkedAt.set(key, now());
    const fingerprint = await fingerprintDocsFolder(folder);
    if (stored?.builtFrom === folder && stored.sourceFingerprint === fingerprint) return stored;
    if (failed.get(key) === fingerprint) return stored;
    try {
      const site = await publishDocs(prisma, entityRef, folder, fingerprint);
      failed.delete(key);
      options.log(`techdocs: ${stored ? 'rebuilt' : 'built'} the docs of ${entityRef} from ${folder} (${site.pageCount} pages)`);
      return site;
    } catch (error) {
      failed.set(key, fingerprint);
      options.log(`techdocs: cannot build the docs of ${entityRef} from ${folder}: ${error instanceof Error ? error.message : String(error)}`);
      return stored;
    }
  };

  return (entityRef, folder, stored) => {
    if (stored && stored.builtFrom === null) return Promise.resolve(stored);
    let running = builds.get(entityRef);
    if (!running) {
      running = build(entityRef, folder, stored).finally(() => builds.delete(entityRef));
      builds.set(entityRef, running);
    }
    return running;
  };
}
