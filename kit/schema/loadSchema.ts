import { readFileSync } from 'node:fs';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';

/** Parses a subgraph's `schema.graphql`, the single source of its SDL (codegen reads the same file). */
export function loadSchema(file: string): DocumentNode {
  return gql(readFileSync(file, 'utf8'));
}
