/**
 * Which plugin owns which `Entity` field, as the gateway serves it at `GET /plugins`
 * (gateway/http/pluginFieldsRoute.ts). It is read from the supergraph the gateway serves
 * right now, so a plugin published to the registry at run time shows up in every client
 * with no client change. The gateway and the clients share these types: this is the wire format.
 */
export interface PluginFieldsManifest {
  plugins: PluginSection[];
}

/** One plugin subgraph and the `Entity` fields it adds, in schema order. */
export interface PluginSection {
  /** The subgraph's name, as the supergraph and the gateway's errors (`extensions.serviceName`) spell it. */
  name: string;
  fields: PluginField[];
}

/**
 * A field a generic card shows. Fields that need an argument with no default, return an
 * interface or union, or are paged (Relay connections) are left out: a plugin's own card
 * shows those.
 */
export interface PluginField {
  name: string;
  /** The description's first sentence, or the name when there is none. */
  label: string;
  /** The whole description, when there is one. */
  description?: string;
  /** A list (of scalars, or of objects: a table). */
  list: boolean;
  /** An object's fields; absent for a scalar or enum. */
  fields?: PluginField[];
}

/** The selection set that asks for `fields`: `a b { c d }`. */
export function selectionOf(fields: readonly PluginField[]): string {
  return fields.map((field) => (field.fields ? `${field.name} { ${selectionOf(field.fields)} }` : field.name)).join(' ');
}

/**
 * Whose error this is. The gateway's error for a subgraph that is down carries
 * `extensions.serviceName` and a message naming the subgraph, but no `path` (one failed
 * fetch can null many fields); an error a plugin's resolver raised carries its field's path.
 */
export function errorBelongsTo(error: ErrorLike, subgraph: string, fields: readonly string[]): boolean {
  const service = error.extensions?.serviceName;
  if (typeof service === 'string') return service === subgraph;
  if (error.path?.some((segment) => typeof segment === 'string' && fields.includes(segment))) return true;
  return error.message.includes(`"${subgraph}"`);
}

/** A GraphQL error as any client holds it (the SDK's entries, the web UI's shapes). */
export interface ErrorLike {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { [key: string]: unknown };
}

/** A leaf value as text: lists joined, objects as `key: value` pairs, null as the empty string. */
export function leafText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(leafText).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}: ${leafText(item)}`)
      .join(', ');
  }
  return String(value);
}

/** Checks a `GET /plugins` body before a client trusts it (it may come from another version of the gateway). */
export function isPluginFieldsManifest(value: unknown): value is PluginFieldsManifest {
  if (!value || typeof value !== 'object' || !Array.isArray((value as PluginFieldsManifest).plugins)) return false;
  return (value as PluginFieldsManifest).plugins.every((plugin) => typeof plugin?.name === 'string' && Array.isArray(plugin.fields) && plugin.fields.every(isField));
}

function isField(field: PluginField): boolean {
  return (
    typeof field?.name === 'string' &&
    /^[_A-Za-z][_0-9A-Za-z]*$/.test(field.name) &&
    typeof field.label === 'string' &&
    typeof field.list === 'boolean' &&
    (field.fields === undefined || (Array.isArray(field.fields) && field.fields.every(isField)))
  );
}
