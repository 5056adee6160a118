import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { parseAllDocuments } from 'yaml';
import { loadYamlFast } from './loadYamlFast';

/** What the `yaml` package makes of `text`: the reference the fast path must match. */
function reference(text: string): unknown[] | 'error' {
  const documents = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  if (documents.some((document) => document.errors.length)) return 'error';
  return documents.map((document) => document.toJS({ maxAliasCount: 100 })).filter((value) => value !== null && value !== undefined);
}

const SCALARS = [
  '1', '-1', '+1', '017', '00', '-0', '0o17', '0o8', '0x1F', '0X1F', '-0x1', '+0x1', '0b101', '1_000',
  '12345678901234567890', '1.', '0.', '.5', '+.5', '1.0', '1e3', '1E+3', '-1e-3', '1.5e3', '1e', '1_0.5',
  '.inf', '-.inf', '+.inf', '.Inf', '.NaN', '.nan', 'NaN', 'Infinity', '~', 'null', 'Null', 'NULL', 'nULL', '',
  'true', 'True', 'TRUE', 'tRue', 'false', 'FALSE', 'yes', 'on', 'y', '2020-01-01', '1:30', '"1"', "'true'",
  '"\\x41\\u263A"', "'it''s'", 'b # c', 'b#c', '[1, 2,]', '{b: 1,}', '[~, null, , x]', '{b: , c}',
];

const DOCUMENTS = [
  '---\na: 1\n---\n', '# only', '', '---\n...\n', 'a: 1\n...\nb: 2', 'a: "multi\n  line"', 'a: plain\n  continued',
  '\ufeffa: 1', 'a:\t1', 'x: |-\n  a\n\n  b\n\n', 'x: >\n  a\n  b\n\n  c\n', 'x: "a\\\n  b"', "x: 'a\n\n  b'",
  '1: a\n"1": b', 'a: 1\na: 2', '.nan: a\n.NaN: b', 'true: 1', '1.0: a', '0x10: a', '__proto__: 1', '- a\n- b',
  '{"a": [1, 2]}', 'a: b: c', '\ta: 1', 'a: - b',
  // Left to `yaml`: the fast path must step aside, not differ.
  '~: 1', 'null: 1', ': 1', '[a, b]: 1', '{a: 1}: 2', '? a\n: b', 'a: &x 1\nb: *x', '<<: {a: 1}', 'a: !!str 1',
  '%YAML 1.1\n---\na: yes',
];

describe('loadYamlFast', () => {
  const cases = [
    ...SCALARS.map((scalar) => `a: ${scalar}\n`),
    ...DOCUMENTS,
    ...globSync(['demo/catalog/**/*.yaml', '../shared/fixtures/backstage-examples/**/*.yaml'], {
      cwd: path.resolve(__dirname, '../../..'),
      absolute: true,
    }).map((file) => readFileSync(file, 'utf8')),
  ];

  it.each(cases.map((text) => [JSON.stringify(text).slice(0, 60), text]))('reads %s as the yaml package does, or leaves it to it', (_, text) => {
    const fast = loadYamlFast(text);
    if (fast !== undefined) expect(fast).toEqual(reference(text));
  });

  it('takes the fast path for an ordinary descriptor', () => {
    const text = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n  tags: [x, y]\nspec:\n  owner: "team"\n';
    expect(loadYamlFast(text)).toEqual(reference(text));
  });

  it('leaves aliases to yaml, which caps their expansion', () => {
    const laughs = ['a: &a [x, x]', ...Array.from({ length: 20 }, (_, i) => `${'b'.repeat(i + 1)}: &b${i} [*${i ? `b${i - 1}` : 'a'}, *${i ? `b${i - 1}` : 'a'}]`)].join('\n');
    expect(loadYamlFast(laughs)).toBeUndefined();
  });

  it('leaves files it cannot read to yaml, for its error messages', () => {
    expect(loadYamlFast('a: 1\na: 2\n')).toBeUndefined();
    expect(loadYamlFast('a: [1\n')).toBeUndefined();
  });
});
