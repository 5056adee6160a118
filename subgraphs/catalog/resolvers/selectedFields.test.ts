import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selectsField } from './selectedFields';

/** The resolve info of the first root field of `document`, as far as selectsField reads it. */
function infoOf(document: string) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectsField', () => {
  it('finds a sub-field asked for directly, in an inline fragment or in a fragment spread', () => {
    expect(selectsField(infoOf('{ entities { totalCount edges { cursor } } }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('{ entities { ... on EntityConnection { totalCount } } }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('{ entities { ...Counted } } fragment Counted on EntityConnection { totalCount }'), 'totalCount')).toBe(true);
  });

  it('ignores fields deeper down and fields of other names', () => {
    expect(selectsField(infoOf('{ entities { edges { node { totalCount: ref } } } }'), 'totalCount')).toBe(false);
    expect(selectsField(infoOf('{ entities { pageInfo { hasNextPage } } }'), 'totalCount')).toBe(false);
  });

  it('reads an aliased field by its name', () => {
    expect(selectsField(infoOf('{ entities { total: totalCount } }'), 'totalCount')).toBe(true);
  });
});
