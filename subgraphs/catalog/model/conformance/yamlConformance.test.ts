/**
 * YAML the way Backstage reads it: the same documents, and errors worded as its
 * parseEntityYaml words them, with the line and column.
 */
import { parseDescriptors } from '../../ingestion/parseDescriptors';
import { processEntity } from '../../ingestion/processEntity';
import { backstageParseYaml, backstageProcess } from './backstageProcessing';

const LOCATION = 'file:/catalog/catalog-info.yaml';
const ENTITY = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []\n';

const TEXTS: [string, string][] = [
  ['an unclosed flow sequence', 'kind: [unclosed\n'],
  ['a nested compact mapping', 'a: b: c\n'],
  ['a duplicate key', 'a: 1\na: 2\n'],
  ['a bad indentation', 'metadata:\n  name: a\n name: b\n'],
  ['a tab indentation', 'metadata:\n\tname: a\n'],
  ['an error after a good document', `${ENTITY}---\nkind: [x\n`],
  ['a list at the root', '- a\n- b\n'],
  ['a string at the root', 'just text\n'],
  ['a number at the root', '42\n'],
  ['an empty document between two', `${ENTITY}---\n---\n${ENTITY.replace('team-a', 'team-b')}`],
];

describe('YAML conformance with Backstage', () => {
  it.each(TEXTS)('reads %s as Backstage does', async (_, text) => {
    const theirs = backstageParseYaml(text, LOCATION);
    const theirErrors = [...theirs.errors];
    for (const document of theirs.documents) {
      const verdict = await backstageProcess(document);
      if (!verdict.ok) theirErrors.push(verdict.error);
    }
    const ours = parseDescriptors(text, LOCATION);
    const ourErrors = [...ours.errors];
    for (const { value } of ours.documents) {
      const result = processEntity(value);
      if (!result.ok) ourErrors.push(...result.errors);
    }
    expect(ourErrors).toEqual(theirErrors);
    expect(ours.documents.map((document) => document.value)).toEqual(theirs.documents);
  });

  it('says where a YAML error is', () => {
    expect(parseDescriptors('a: 1\nb: [x\n', LOCATION).errors[0]).toMatch(/^YAML error at file:\/catalog\/catalog-info.yaml, YAMLParseError: .* at line \d+, column \d+/);
  });
});
