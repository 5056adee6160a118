import { createColours } from './colours';
import { TableWriter, formatTable } from './table';

const columns = [
  { header: 'REF', value: (row: { ref: string; title: string }) => row.ref },
  { header: 'TITLE', value: (row: { ref: string; title: string }) => row.title },
];

describe('TableWriter', () => {
  it('aligns columns, keeps the last one unpadded and cells on one line', () => {
    expect(formatTable(columns, [{ ref: 'a', title: 'First\nline' }, { ref: 'longer', title: 'x' }], createColours(false))).toBe(
      'REF     TITLE\na       First line\nlonger  x\n',
    );
  });

  it('prints the header once and keeps the first batch widths for later batches', () => {
    const table = new TableWriter(columns, createColours(false));
    expect(table.format([{ ref: 'ab', title: 't' }])).toBe('REF  TITLE\nab   t\n');
    expect(table.format([{ ref: 'a', title: 'u' }, { ref: 'much-longer', title: 'v' }])).toBe('a    u\nmuch-longer  v\n');
  });

  it('pads before styling, so colour codes do not skew the widths', () => {
    const text = formatTable([{ ...columns[0], style: (cell: string, _row: unknown, c: ReturnType<typeof createColours>) => c.bold(cell) }, columns[1]], [{ ref: 'a', title: 't' }], createColours(true));
    expect(text.split('\n')[1]).toBe('\u001b[1ma\u001b[22m    t');
  });
});
