import type { DocumentNode, GraphQLSchema, ParseOptions } from 'graphql';
import type { HoistedDocument } from '../hoistLiterals';
import { createDocumentTemplate, type DocumentTemplate } from './createDocumentTemplate';
import { instantiateTemplate, type BuiltDocument } from './instantiateTemplate';
import { lexDocument } from './lexDocument';

export interface DocumentTemplates {
  /** The document of a text whose shape is known, built without parsing or validating it; null otherwise. */
  build(text: string, schema: GraphQLSchema): BuiltDocument | null;
  /** Keeps the shape of a document Apollo Server has parsed and validated, with its hoisting. */
  learn(schema: GraphQLSchema, document: DocumentNode, hoisted: (HoistedDocument & { hash: string }) | null): void;
}

/**
 * Templates by shape (createDocumentTemplate.ts), the most recently used kept. A script
 * that writes its values into the query text sends a new text each time; after the first,
 * each costs a lexer pass and a copy of the template instead of a parse, a validation and
 * a hoisting. Texts are lexed under the parse limits the server parses with.
 */
export function createDocumentTemplates(options: { parseOptions?: ParseOptions; max?: number } = {}): DocumentTemplates {
  const max = options.max ?? 500;
  const templates = new Map<string, DocumentTemplate>();
  return {
    build: (text, schema) => {
      const lexed = lexDocument(text, options.parseOptions);
      const template = lexed && templates.get(lexed.shapeKey);
      // A template made against an earlier supergraph says nothing of validity against this one.
      if (!lexed || !template || template.schema !== schema) return null;
      templates.delete(template.shapeKey);
      templates.set(template.shapeKey, template);
      return instantiateTemplate(template, lexed);
    },
    learn: (schema, document, hoisted) => {
      const template = createDocumentTemplate(schema, document, hoisted);
      if (!template) return;
      templates.delete(template.shapeKey);
      templates.set(template.shapeKey, template);
      if (templates.size > max) templates.delete(templates.keys().next().value!);
    },
  };
}
