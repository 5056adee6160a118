import type { Colours } from './colours';

/** `Label:  value` lines, labels aligned; rows whose value is empty are left out. */
export function formatFields(fields: [label: string, value: string | null | undefined][], colours: Colours): string {
  const shown = fields.filter((field): field is [string, string] => field[1] != null && field[1] !== '');
  const width = Math.max(0, ...shown.map(([label]) => label.length + 1));
  return shown.map(([label, value]) => `${colours.bold(`${label}:`.padEnd(width))}  ${value}\n`).join('');
}

/** A section heading between blocks of human output. */
export function formatHeading(title: string, colours: Colours): string {
  return `\n${colours.bold(colours.cyan(title))}\n`;
}
