import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { describeEachDatabase } from '../../../kit/testing';
import { SUMMARY_FIELDS } from './entitySummary';
import { useDemoCatalog } from '../useDemoCatalog';

// Sub-selections for the summary fields that return objects.
const SUB_SELECTION: Record<string, string> = { relations: '{ type targetRef }', owner: '{ ref }', system: '{ ref }' };

/** Every summary field on every kind, each under its own type condition. */
function summarySelection(): string {
  const schema = parse(readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8'));
  const kinds = schema.definitions.filter(
    (definition): definition is ObjectTypeDefinitionNode =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && (definition.interfaces ?? []).some((name) => name.name.value === 'Entity'),
  );
  expect(kinds.length).toBeGreaterThanOrEqual(10);
  return kinds
    .map((type) => {
      const fields = (type.fields ?? []).map((field) => field.name.value).filter((name) => SUMMARY_FIELDS.has(name));
      return `... on ${type.name.value} { __typename ${fields.map((name) => `${name} ${SUB_SELECTION[name] ?? ''}`).join(' ')} }`;
    })
    .join('\n');
}

describeEachDatabase('list rows cut down to a summary', (kind) => {
  const demo = useDemoCatalog(kind);
  const { statements, post } = demo;
  const list = (extra: string) => post(`{ entities(first: 500) { totalCount edges { cursor node { ${summarySelection()} ${extra} } } } }`);

  it('answers every summary field of every kind exactly as a whole row does', async () => {
    statements.length = 0;
    const summary = await list('');
    const summaryRead = statements.join('\n');
    statements.length = 0;
    // `spec` is not a summary field: asking for it reads whole rows.
    const whole = await list('... on Component { spec }');
    const wholeRead = statements.join('\n');
    expect(summary.errors).toBeUndefined();
    expect(whole.errors).toBeUndefined();
    expect(summaryRead).toContain('e."summary"');
    expect(wholeRead).not.toContain('e."summary"');
    const withoutSpec = whole.data!.entities.edges.map(({ cursor, node }: { cursor: string; node: Record<string, unknown> }) => {
      const { spec: _spec, ...rest } = node;
      return { cursor, node: rest };
    });
    expect(summary.data!.entities.edges.length).toBeGreaterThan(50);
    expect(summary.data!.entities.edges).toEqual(withoutSpec);
    // The comparison covers values that are there, not only absent ones.
    const nodes = summary.data!.entities.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
    for (const field of ['title', 'description', 'type', 'lifecycle', 'owner', 'system']) {
      expect(nodes.some((node: Record<string, unknown>) => node[field] !== null && node[field] !== undefined)).toBe(true);
    }
    expect(nodes.some((node: { tags?: string[] }) => (node.tags ?? []).length > 0)).toBe(true);
  });

  it('answers a walk (ownsTransitively) from summary rows exactly as from whole rows', async () => {
    const owned = (extra: string) =>
      post(`{ entities(filter: { kind: ["Group"] }, first: 100) { edges { node { ref ... on Group { ownsTransitively { ${summarySelection()} ${extra} } } } } } }`);
    statements.length = 0;
    const summary = await owned('');
    const summaryRead = statements.join('\n');
    const whole = await owned('... on Component { spec }');
    expect(summary.errors).toBeUndefined();
    expect(whole.errors).toBeUndefined();
    expect(summaryRead).toMatch(/WITH RECURSIVE[\s\S]*e\."summary"/);
    const withoutSpec = JSON.parse(JSON.stringify(whole.data), (key, value) => (key === 'spec' ? undefined : value));
    expect(summary.data).toEqual(withoutSpec);
    const walked = summary.data!.entities.edges.flatMap((edge: { node: { ownsTransitively: unknown[] } }) => edge.node.ownsTransitively);
    expect(walked.length).toBeGreaterThan(5);
  });

  it('reads whole rows when a field outside the summary hides in a fragment', async () => {
    statements.length = 0;
    const result = await post(`query { entities(first: 5) { edges { node { ...Row } } } } fragment Row on Entity { ref ... on API { definition } }`);
    expect(result.errors).toBeUndefined();
    expect(statements.join('\n')).not.toContain('e."summary"');
  });
});
