import { parseAllDocuments } from 'yaml';
import { loadYamlFast } from './loadYamlFast';

export interface ParsedDocuments {
  documents: { value: unknown }[];
  errors: string[];
}

/**
 * Splits a YAML file into its documents. A document that does not parse is reported
 * and skipped; anchors are capped so a "billion laughs" file cannot exhaust memory.
 * Most files take a faster parser that gives the same values (see loadYamlFast).
 *
 * Errors are worded as Backstage's parseEntityYaml words them, line and column
 * included: "YAML error at file:/x/catalog-info.yaml, YAMLParseError: ... at line 2,
 * column 7: ...". `location` is the location ref ("file:<path>", "url:<url>").
 */
export function parseDescriptors(text: string, location = 'input'): ParsedDocuments {
  const fast = loadYamlFast(text);
  if (fast) return { documents: fast.map((value) => ({ value })), errors: [] };
  const result: ParsedDocuments = { documents: [], errors: [] };
  parseAllDocuments(text, { uniqueKeys: true }).forEach((document) => {
    if (document.errors.length) {
      result.errors.push(`YAML error at ${location}, ${String(document.errors[0])}`);
      return;
    }
    try {
      const value = document.toJS({ maxAliasCount: 100 });
      // An empty document (a trailing `---`) is not an entity.
      if (value !== null && value !== undefined) result.documents.push({ value });
    } catch (error) {
      result.errors.push(`YAML error at ${location}, ${String(error)}`);
    }
  });
  return result;
}
