import { parseAllDocuments } from 'yaml';
import { findPlaceholders, type Placeholder } from '../model/placeholders';
import { resolveRelative, type SourceReader } from './sourceReader';

export type PlaceholderResult = { ok: true; value: unknown } | { ok: false; errors: string[] };

/**
 * Backstage's PlaceholderProcessor: replaces every `$text` / `$json` / `$yaml` object
 * with what it names, read relative to the descriptor's own file or URL, before
 * validation. A placeholder that cannot be resolved is an error on that entity, in
 * Backstage's words.
 */
export async function resolvePlaceholders(raw: unknown, base: string, reader: SourceReader): Promise<PlaceholderResult> {
  const placeholders = findPlaceholders(raw);
  if (!placeholders.length) return { ok: true, value: raw };
  const results = await Promise.all(placeholders.map((placeholder) => resolveOne(placeholder, base, reader)));
  const errors = results.flatMap((result) => ('error' in result ? [result.error] : []));
  if (errors.length) return { ok: false, errors };
  let value = structuredClone(raw);
  placeholders.forEach((placeholder, index) => {
    value = setAt(value, placeholder.path, (results[index] as { value: unknown }).value);
  });
  return { ok: true, value };
}

async function resolveOne(placeholder: Placeholder, base: string, reader: SourceReader): Promise<{ value: unknown } | { error: string }> {
  const key = `$${placeholder.resolver}`;
  let content: string;
  try {
    content = await reader.read(resolveRelative(base, placeholder.target));
  } catch (error) {
    return { error: `Placeholder ${key} could not read location ${placeholder.target}, ${describe(error)}` };
  }
  if (placeholder.resolver === 'text') return { value: content };
  if (placeholder.resolver === 'json') {
    try {
      return { value: JSON.parse(content) };
    } catch (error) {
      return { error: `Placeholder ${key} failed to parse JSON data at ${placeholder.target}, ${describe(error)}` };
    }
  }
  const documents = parseAllDocuments(content);
  if (documents.length !== 1) {
    return { error: `Placeholder ${key} expected to find exactly one document of data at ${placeholder.target}, found ${documents.length}` };
  }
  if (documents[0].errors.length) {
    return { error: `Placeholder ${key} found an error in the data at ${placeholder.target}, ${documents[0].errors[0].message}` };
  }
  return { value: documents[0].toJS({ maxAliasCount: 100 }) };
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return root;
}

/** As Backstage prints it: `Error: message`, `NotAllowedError: message`. */
function describe(error: unknown): string {
  return String(error);
}
