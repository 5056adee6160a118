import { parseAllDocuments } from 'yaml';
import { splitDocuments } from './splitDocuments';

const entity = (name: string, padding = 0) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\n  description: "${'x'.repeat(padding)}"\nspec:\n  type: team\n  children: []\n`;

const values = (text: string) => parseAllDocuments(text).map((document) => document.toJS());

describe('splitDocuments', () => {
  it('keeps input within the limit as it is', () => {
    const text = `${entity('a')}---\n${entity('b')}`;
    expect(splitDocuments(text, 10_000)).toEqual([text]);
  });

  it('cuts larger input into batches of whole documents within the limit, losing none', () => {
    const text = Array.from({ length: 40 }, (_, i) => entity(`team-${i}`, 200)).join('---\n');
    const batches = splitDocuments(text, 2_000);
    expect(batches.length).toBeGreaterThan(5);
    for (const batch of batches) expect(Buffer.byteLength(batch)).toBeLessThanOrEqual(2_000);
    expect(batches.flatMap(values)).toEqual(values(text));
  });

  it('sends a document larger than the limit alone', () => {
    const text = `${entity('small')}---\n${entity('huge', 5_000)}---\n${entity('small-2')}`;
    const batches = splitDocuments(text, 1_000);
    expect(batches.map((batch) => values(batch).map((value) => value.metadata.name))).toEqual([['small'], ['huge'], ['small-2']]);
  });
});
