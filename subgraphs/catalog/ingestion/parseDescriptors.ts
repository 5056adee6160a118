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
 */
export function parseDescriptors(text: string): ParsedDocuments {
  const fast = loadYamlFast(text);
  if (fast) return { documents: fast.map((value) => ({ value })), errors: [] };
  const result: ParsedDocuments = { documents: [], errors: [] };
  parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false }).forEach((document, index) => {
    if (document.errors.length) {
      result.errors.push(`YAML error in document ${index + 1}: ${document.errors[0].message}`);
      return;
    }
    try {
      const value = document.toJS({ maxAliasCount: 100 });
      // An empty document (a trailing `---`) is not an entity.
      if (value !== null && value !== undefined) result.documents.push({ value });
    } catch (error) {
      result.errors.push(`YAML error in document ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return result;
}
