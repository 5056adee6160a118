import type { TechdocsOptions } from '.';

/**
 * TechDocs' options from deployment settings (entry points pass the environment):
 * - TECHDOCS_RECHECK_SECONDS: how often an annotated docs folder is looked at again for
 *   changes (default 10; 0 looks at every request)
 */
export function techdocsOptionsFrom(settings: Readonly<Record<string, string | undefined>>): TechdocsOptions {
  const value = settings.TECHDOCS_RECHECK_SECONDS;
  if (value === undefined || value === '') return {};
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`TECHDOCS_RECHECK_SECONDS must be a number of seconds, got "${value}"`);
  return { recheckMs: seconds * 1000 };
}
