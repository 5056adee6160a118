import { Location, TokenKind, valueFromASTUntyped, type DocumentNode, type Token } from 'graphql';
import { isFaithfulInt } from '../hoistLiterals';
import type { DocumentTemplate, Hole } from './createDocumentTemplate';
import type { LexedDocument } from './lexDocument';

/** A text's document, built from a template, and its hoisting (what hoistLiterals gives for it). */
export interface BuiltDocument {
  document: DocumentNode;
  hoisted: { document: DocumentNode; text: string; hash: string; values: Record<string, unknown> } | null;
}

const MIN_INT = -(2 ** 31);
const MAX_INT = 2 ** 31 - 1;

/**
 * The document `parse` would give for a text of the template's shape: the template's
 * tree, with this text's literals and locations (each node's location made from this
 * text's tokens, as the parser makes it, so every error points into the text as sent).
 * Null when a literal the template holds fixed differs, or a literal would not pass
 * validation or hoisting the way the template's did (an Int out of range): the text
 * then takes the usual way, and gets the usual errors.
 */
export function instantiateTemplate(template: DocumentTemplate, lexed: LexedDocument): BuiltDocument | null {
  const { tokens, source } = lexed;
  for (const { index, value } of template.fixed) if (tokens[index].value !== value) return null;
  for (const hole of template.holes.values()) if (!fits(hole, tokens[hole.index])) return null;

  const tokenAt = (token: Token) => tokens[template.tokenIndex.get(token)!];
  // Nodes the hoisted document shares with the document are built once and shared again.
  const built = new Map<object, unknown>();
  const build = (node: any): any => {
    const known = built.get(node);
    if (known) return known;
    const copy: any = {};
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key === 'loc') copy.loc = value && new Location(tokenAt(value.startToken), tokenAt(value.endToken), source);
      else if (Array.isArray(value)) copy[key] = value.map(build);
      else if (value !== null && typeof value === 'object') copy[key] = build(value);
      else copy[key] = value;
    }
    const hole = template.holes.get(node);
    if (hole) copy.value = tokens[hole.index].value;
    built.set(node, copy);
    return copy;
  };
  const document = build(template.document) as DocumentNode;
  const hoisted = template.hoisted;
  if (!hoisted) return { document, hoisted: null };
  const values: Record<string, unknown> = {};
  for (const variable of hoisted.variables) values[variable.name] = valueFromASTUntyped(build(variable.value));
  return { document, hoisted: { document: build(hoisted.document), text: hoisted.text, hash: hoisted.hash, values } };
}

/** Whether a literal passes validation at the hole's type and is hoisted as the template's was (hoistLiterals' rules). */
function fits(hole: Hole, token: Token): boolean {
  if (token.kind === TokenKind.FLOAT) return Number.isFinite(parseFloat(token.value));
  if (token.kind !== TokenKind.INT) return true;
  if (!isFaithfulInt(token.value)) return false;
  if (hole.type !== 'Int') return true;
  const number = parseInt(token.value, 10);
  return number >= MIN_INT && number <= MAX_INT;
}
