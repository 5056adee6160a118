import type { CatalogOptions } from '.';

/**
 * The catalog's options from deployment settings (entry points pass the environment):
 * - CATALOG_READ_ALLOW: hosts URLs may be read from, comma-separated (`github.com,*.example.com`)
 * - CATALOG_LOCAL_ROOTS: folders local descriptor files may be read from, comma-separated
 *   (besides the demo folder and the folder of each start-up location)
 * - CATALOG_REFRESH_SECONDS: how often locations are read again (0: never; default 120)
 * - CATALOG_EVENTS_RETENTION_DAYS: how long change-feed events and entity history are kept (default 30)
 * - CATALOG_ORPHANS: `delete` (default: removed one refresh after they are marked) or `keep`
 * - CATALOG_ALLOWED_KINDS: the only kinds accepted, comma-separated (`Component,API,Group`), like
 *   Backstage's `catalog.rules`; unset keeps every kind
 * - CATALOG_EXPERIMENTAL_KINDS: `true` applies Backstage's opt-in schemas (`mcp-server` APIs, AiResource)
 */
export function catalogOptionsFrom(settings: Readonly<Record<string, string | undefined>>): CatalogOptions {
  const options: CatalogOptions = {};
  if (settings.CATALOG_READ_ALLOW) options.readAllowHosts = settings.CATALOG_READ_ALLOW.split(',').map((host) => host.trim()).filter(Boolean);
  if (settings.CATALOG_LOCAL_ROOTS) options.localRoots = settings.CATALOG_LOCAL_ROOTS.split(',').map((folder) => folder.trim()).filter(Boolean);
  if (settings.CATALOG_REFRESH_SECONDS !== undefined && settings.CATALOG_REFRESH_SECONDS !== '') {
    const seconds = Number(settings.CATALOG_REFRESH_SECONDS);
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`CATALOG_REFRESH_SECONDS must be a number of seconds, got "${settings.CATALOG_REFRESH_SECONDS}"`);
    options.refreshIntervalMs = seconds * 1000;
  }
  if (settings.CATALOG_EVENTS_RETENTION_DAYS !== undefined && settings.CATALOG_EVENTS_RETENTION_DAYS !== '') {
    const days = Number(settings.CATALOG_EVENTS_RETENTION_DAYS);
    if (!Number.isFinite(days) || days <= 0 || days > 36_500) {
      throw new Error(`CATALOG_EVENTS_RETENTION_DAYS must be a number of days above 0 (at most 36500), got "${settings.CATALOG_EVENTS_RETENTION_DAYS}"`);
    }
    options.eventRetentionMs = days * 24 * 60 * 60_000;
  }
  if (settings.CATALOG_ORPHANS) {
    if (settings.CATALOG_ORPHANS !== 'delete' && settings.CATALOG_ORPHANS !== 'keep') {
      throw new Error(`CATALOG_ORPHANS must be "delete" or "keep", got "${settings.CATALOG_ORPHANS}"`);
    }
    options.orphans = { strategy: settings.CATALOG_ORPHANS, graceMs: 0 };
  }
  const kindRules = kindRulesFrom(settings);
  if (kindRules) options.kindRules = kindRules;
  return options;
}

const MAX_ALLOWED_KINDS = 100;

function kindRulesFrom(settings: Readonly<Record<string, string | undefined>>): CatalogOptions['kindRules'] {
  const rules: NonNullable<CatalogOptions['kindRules']> = {};
  if (settings.CATALOG_ALLOWED_KINDS) {
    const kinds = settings.CATALOG_ALLOWED_KINDS.split(',').map((kind) => kind.trim()).filter(Boolean);
    const bad = kinds.find((kind) => !/^[a-zA-Z][a-z0-9A-Z]{0,62}$/.test(kind));
    if (bad !== undefined || kinds.length > MAX_ALLOWED_KINDS) {
      throw new Error(`CATALOG_ALLOWED_KINDS must list at most ${MAX_ALLOWED_KINDS} kinds, comma-separated, got "${settings.CATALOG_ALLOWED_KINDS}"`);
    }
    rules.allowedKinds = kinds;
  }
  const experimental = settings.CATALOG_EXPERIMENTAL_KINDS;
  if (experimental !== undefined && experimental !== '') {
    if (experimental !== 'true' && experimental !== 'false') throw new Error(`CATALOG_EXPERIMENTAL_KINDS must be "true" or "false", got "${experimental}"`);
    rules.experimentalKinds = experimental === 'true';
  }
  return Object.keys(rules).length ? rules : undefined;
}
