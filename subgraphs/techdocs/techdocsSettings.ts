import type { TechdocsOptions } from '.';

/**
 * TechDocs' options from deployment settings (entry points pass the environment):
 * - TECHDOCS_RECHECK_SECONDS: how often an annotated docs folder is looked at again for
 *   changes (default 10; 0 looks at every request)
 * - TECHDOCS_SOURCE_ROOTS: folders docs may be built from, comma-separated (besides the
 *   demo's and the folder of each start-up location)
 */
export function techdocsOptionsFrom(settings: Readonly<Record<string, string | undefined>>): TechdocsOptions {
  const options: TechdocsOptions = {};
  if (settings.TECHDOCS_SOURCE_ROOTS) options.sourceRoots = settings.TECHDOCS_SOURCE_ROOTS.split(',').map((folder) => folder.trim()).filter(Boolean);
  const value = settings.TECHDOCS_RECHECK_SECONDS;
  if (value === undefined || value === '') return options;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`TECHDOCS_RECHECK_SECONDS must be a number of seconds, got "${value}"`);
  return { ...options, recheckMs: seconds * 1000 };
}
