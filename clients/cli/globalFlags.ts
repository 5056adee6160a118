import type { FlagSpec } from './commands/command';

/** Flags every command accepts, before or after its name. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  endpoint: { type: 'string', value: '<url>', description: 'The gateway (env ENSEMBLE_ENDPOINT; default http://localhost:4000/graphql)' },
  token: { type: 'string', value: '<token>', description: 'Sent as Authorization: Bearer <token> (env ENSEMBLE_TOKEN)' },
  json: { type: 'boolean', description: 'Print JSON for scripts (list: JSON Lines, one entity per line)' },
  yaml: { type: 'boolean', description: 'Print YAML for scripts (list: one YAML sequence)' },
  timeout: { type: 'string', value: '<seconds>', description: 'Per request, default 30' },
  color: { type: 'boolean', description: 'Force colours on (--no-color: off); default: on for a terminal unless NO_COLOR is set' },
  help: { type: 'boolean', short: 'h', description: 'Show help for the command' },
};
