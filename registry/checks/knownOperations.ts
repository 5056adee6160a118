import { buildSchema, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { operationCoordinates } from '../usage/operationCoordinates';
import type { KnownOperation } from './affectedOperations';

/** Persisted documents by hash, as the clients' manifest holds them, and the client they belong to. */
export interface PersistedDocumentSet {
  client: string;
  documents: ReadonlyMap<string, string>;
}

/**
 * The persisted documents' operations with the coordinates each uses in `apiSchemaSdl`
 * (the schema before the change). A document that does not parse is skipped: it cannot
 * be sent anyway.
 */
export function knownOperations(apiSchemaSdl: string | null, sets: PersistedDocumentSet[]): KnownOperation[] {
  if (apiSchemaSdl === null || !sets.length) return [];
  const schema: GraphQLSchema = buildSchema(apiSchemaSdl);
  return sets.flatMap((set) =>
    [...set.documents].flatMap(([hash, text]) => {
      try {
        const document = parse(text);
        const name = getOperationAST(document)?.name?.value ?? '(anonymous)';
        return [{ name, hash, client: set.client, coordinates: new Set(operationCoordinates(schema, document)) }];
      } catch {
        return [];
      }
    }),
  );
}
