import {
  getNullableType,
  isInputObjectType,
  isListType,
  isSpecifiedScalarType,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type Token,
  type ValueNode,
} from 'graphql';
import type { HoistedDocument } from '../hoistLiterals';
import { isLiteralToken, shapeKeyOf, tokensOfParsed } from './lexDocument';

/** A literal whose value may change from text to text: any value of its token kind keeps the document valid, checked per text. */
export interface Hole {
  /** Its token's place in the token list. */
  index: number;
  type: 'String' | 'ID' | 'Int' | 'Float';
}

/**
 * A parsed and validated document, kept so that texts of the same shape (the same tokens
 * but for some literals) get their documents without being parsed or validated again.
 */
export interface DocumentTemplate {
  schema: GraphQLSchema;
  shapeKey: string;
  document: DocumentNode;
  /** Each token's place in the token list; locations are rebuilt from it. */
  tokenIndex: Map<Token, number>;
  /** Literals that must read as they do here: those that validation or hoisting may treat otherwise. */
  fixed: { index: number; value: string }[];
  holes: Map<ValueNode, Hole>;
  /** The document with its literals as variables (hoistLiterals), and where each variable's value is read. */
  hoisted: { document: DocumentNode; text: string; hash: string; variables: { name: string; value: ValueNode }[] } | null;
}

/**
 * A template from a document Apollo Server has parsed and validated against `schema`,
 * and its hoisting. Only literals inside hoisted field arguments, at positions typed
 * String, ID, Int or Float, may change; everything else is held fixed, because
 * validation reads it: a custom scalar's own rules, an argument of a field whose
 * response name appears twice (two fields merge only with equal arguments), directive
 * arguments and variable defaults. Null when the document has no locations.
 */
export function createDocumentTemplate(schema: GraphQLSchema, document: DocumentNode, hoisted: (HoistedDocument & { hash: string }) | null): DocumentTemplate | null {
  if (!document.loc) return null;
  const tokens = tokensOfParsed(document.loc.startToken);
  const tokenIndex = new Map(tokens.map((token, index) => [token, index]));
  const holes = new Map<ValueNode, Hole>();
  const fieldOf = new Map<ArgumentNode, FieldNode>();
  const responseNames = new Map<string, number>();
  visit(document, {
    Field: (field) => {
      const name = responseNameOf(field);
      responseNames.set(name, (responseNames.get(name) ?? 0) + 1);
      for (const argument of field.arguments ?? []) fieldOf.set(argument, field);
    },
  });
  for (const { argument, type } of hoisted?.hoisted ?? []) {
    const field = fieldOf.get(argument);
    if (field && responseNames.get(responseNameOf(field)) === 1) collectHoles(argument.value, type, tokenIndex, holes);
  }
  const holeIndexes = new Set([...holes.values()].map((hole) => hole.index));
  const fixed = tokens.flatMap((token, index) => (isLiteralToken(token) && !holeIndexes.has(index) ? [{ index, value: token.value }] : []));
  return {
    schema,
    shapeKey: shapeKeyOf(tokens),
    document,
    tokenIndex,
    fixed,
    holes,
    hoisted: hoisted && {
      document: hoisted.document,
      text: hoisted.text,
      hash: hoisted.hash,
      variables: hoisted.hoisted.map(({ variable, argument }) => ({ name: variable, value: argument.value })),
    },
  };
}

function responseNameOf(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

/** The literals of a value at built-in scalar positions, walking lists and input objects with their types. */
function collectHoles(value: ValueNode, type: GraphQLInputType, tokenIndex: Map<Token, number>, holes: Map<ValueNode, Hole>): void {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    // A single value where a list is expected stands for a list of one.
    if (value.kind === 'ListValue') for (const item of value.values) collectHoles(item, nullable.ofType, tokenIndex, holes);
    else collectHoles(value, nullable.ofType, tokenIndex, holes);
  } else if (isInputObjectType(nullable)) {
    if (value.kind !== 'ObjectValue') return;
    const fields = nullable.getFields();
    for (const field of value.fields) {
      const definition = fields[field.name.value];
      if (definition) collectHoles(field.value, definition.type, tokenIndex, holes);
    }
  } else if (isSpecifiedScalarType(nullable) && nullable.name !== 'Boolean' && value.loc) {
    if (value.kind !== 'StringValue' && value.kind !== 'IntValue' && value.kind !== 'FloatValue') return;
    const index = tokenIndex.get(value.loc.startToken);
    if (index !== undefined) holes.set(value, { index, type: nullable.name as Hole['type'] });
  }
}
