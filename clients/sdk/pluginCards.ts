import { GraphQLErrors, HttpError, type GraphQLErrorEntry } from './clientErrors';
import { errorBelongsTo, isPluginFieldsManifest, selectionOf, type PluginField, type PluginFieldsManifest } from './pluginFields';
import type { Result } from './result';
import { exchange, sendOperation, type TransportOptions } from './sendOperation';

/** The longest selection `entityFields` sends: about as long as the gateway's token limit allows. */
export const MAX_SELECTION_CHARS = 20_000;

/** One plugin's part of an entity: its fields' shapes, their values, and its own errors. */
export interface PluginCardData {
  name: string;
  fields: PluginField[];
  /** The fields' values; a plugin that is down has them null, and its errors below. */
  values: Record<string, unknown>;
  errors: GraphQLErrorEntry[];
}

/** `GET /plugins` beside the GraphQL endpoint: which plugin owns which `Entity` field (clients/sdk/pluginFields.ts). */
export async function fetchPluginFields(options: TransportOptions): Promise<Result<PluginFieldsManifest>> {
  const url = new URL('plugins', options.endpoint).toString();
  const answer = await exchange(options, url, { method: 'GET', headers: { accept: 'application/json' } });
  if ('error' in answer) return { ok: false, error: answer.error, data: null };
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    // Not JSON: reported below with the status.
  }
  if (answer.status === 200 && isPluginFieldsManifest(body)) return { ok: true, data: body };
  const message = (body as { errors?: { message?: string }[] } | undefined)?.errors?.[0]?.message ?? answer.text.slice(0, 200).trim();
  return { ok: false, error: new HttpError(answer.status === 200 ? 502 : answer.status, `${url}: ${message || 'not a plugin list'}`), data: null };
}

/**
 * Any fields of one entity, untyped: `selection` is GraphQL text under `entity(ref)`, e.g.
 * `oncallNotes { text }`, for a plugin field the generated types do not know yet. Refused
 * before sending when it is too long or its braces do not balance (it must stay inside `entity`).
 */
export async function fetchEntityFields(options: TransportOptions, ref: string, selection: string): Promise<Result<Record<string, unknown> | null>> {
  const problem = selectionProblem(selection);
  if (problem) return { ok: false, error: new GraphQLErrors([{ message: problem, extensions: { code: 'BAD_USER_INPUT' } }], 0), data: null };
  const query = `query SdkEntityFields($ref: ID!) {\n  entity(ref: $ref) {\n    ref\n    ${selection}\n  }\n}`;
  const result = await sendOperation<{ entity: Record<string, unknown> | null }>(options, query, { ref }, 'SdkEntityFields');
  return result.ok ? { ok: true, data: result.data.entity } : { ok: false, error: result.error, data: result.data?.entity ?? null };
}

/**
 * Every plugin's part of an entity, built from `GET /plugins`: two requests whatever the
 * plugins. `data` is null when there is no such entity. A plugin that is down gives its
 * card errors (the result is then not ok, with the rest in `data`).
 */
export async function fetchPluginCards(options: TransportOptions, ref: string): Promise<Result<PluginCardData[] | null>> {
  const manifest = await fetchPluginFields(options);
  if (!manifest.ok) return { ok: false, error: manifest.error, data: null };
  const plugins = manifest.data.plugins;
  if (!plugins.length) return { ok: true, data: [] };
  const result = await fetchEntityFields(options, ref, plugins.map((plugin) => selectionOf(plugin.fields)).join('\n    '));
  if (!result.data) return result.ok ? { ok: true, data: null } : { ok: false, error: result.error, data: null };
  const entity = result.data;
  const errors = !result.ok && result.error.kind === 'graphql' ? result.error.errors : [];
  const cards = plugins.map((plugin) => {
    const names = plugin.fields.map((field) => field.name);
    return {
      name: plugin.name,
      fields: plugin.fields,
      values: Object.fromEntries(names.map((name) => [name, entity[name] ?? null])),
      errors: errors.filter((error) => errorBelongsTo(error, plugin.name, names)),
    };
  });
  return result.ok ? { ok: true, data: cards } : { ok: false, error: result.error, data: cards };
}

function selectionProblem(selection: string): string | undefined {
  if (!selection.trim()) return 'The selection is empty: name at least one field, e.g. "oncallNotes { text }"';
  if (selection.length > MAX_SELECTION_CHARS) return `The selection is ${selection.length} characters; at most ${MAX_SELECTION_CHARS}`;
  if (/[#\0]/.test(selection)) return 'The selection may not contain comments or NUL characters';
  let depth = 0;
  for (const character of selection) {
    if (character === '{') depth++;
    else if (character === '}' && --depth < 0) return 'The selection closes a brace it did not open: it must stay inside entity(ref)';
  }
  return depth === 0 ? undefined : 'The selection leaves a brace open';
}
