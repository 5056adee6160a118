import type { Colours } from './colours';

/** One column of a table: its header and how a row fills it. */
export interface Column<Row> {
  header: string;
  value(row: Row): string;
  /** Styling for the cell, applied after padding so escape codes never skew widths. */
  style?(text: string, row: Row, colours: Colours): string;
}

/**
 * An aligned plain-text table that can be written a batch of rows at a time: the first
 * batch sets the column widths (header included) and prints the header; later batches
 * reuse those widths, so rows stream out as pages arrive. A later cell longer than its
 * column is printed whole, never cut: it only shifts the rest of its own row.
 */
export class TableWriter<Row> {
  private widths: number[] | null = null;

  constructor(
    private readonly columns: Column<Row>[],
    private readonly colours: Colours,
  ) {}

  /** The text for these rows, preceded by the header on the first call. */
  format(rows: Row[]): string {
    const cells = rows.map((row) => this.columns.map((column) => oneLine(column.value(row))));
    let text = '';
    if (!this.widths) {
      this.widths = this.columns.map((column, index) => Math.max(column.header.length, ...cells.map((row) => row[index].length)));
      text += this.line(this.columns.map((column) => column.header), (header) => this.colours.bold(header)) + '\n';
    }
    rows.forEach((row, rowIndex) => {
      text += this.line(cells[rowIndex], (cell, index) => this.columns[index].style?.(cell, row, this.colours) ?? cell) + '\n';
    });
    return text;
  }

  private line(cells: string[], style: (padded: string, index: number) => string): string {
    const last = cells.length - 1;
    return cells
      .map((cell, index) => {
        const padded = index === last ? cell : cell.padEnd(this.widths![index]);
        // Style the text only, not the padding, so an underline or background never trails.
        return style(padded.slice(0, cell.length), index) + padded.slice(cell.length);
      })
      .join('  ')
      .trimEnd();
  }
}

/** A whole table at once. */
export function formatTable<Row>(columns: Column<Row>[], rows: Row[], colours: Colours): string {
  return new TableWriter(columns, colours).format(rows);
}

/** Cells are one line: newlines and tabs in descriptions would break the alignment. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\t]+\s*/g, ' ');
}
