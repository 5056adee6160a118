import { leafText, type PluginCardData, type PluginField } from '../../sdk';
import type { Colours } from './colours';
import { formatFields, formatHeading } from './fields';
import { formatTable } from './table';

/** Rows, columns and characters a cell shows at most: `--json` has everything. */
const MAX_ROWS = 20;
const MAX_COLUMNS = 6;
const MAX_CELL = 60;

/**
 * One section per plugin, built from the shapes `GET /plugins` gives, so a new plugin
 * needs no CLI change: each field under its description's first sentence; a scalar as a
 * value, an object as `name: value` lines, a list of objects as a table.
 */
export function formatPluginSections(cards: readonly PluginCardData[], colours: Colours): string {
  return cards.map((card) => formatHeading(card.name, colours) + formatCard(card, colours)).join('');
}

function formatCard(card: PluginCardData, colours: Colours): string {
  const missing = card.fields.every((field) => card.values[field.name] == null);
  if (card.errors.length && missing) return `${colours.yellow('unavailable')}: ${cut(card.errors.map((error) => error.message).join('; '), 200)}\n`;
  return card.fields.map((field) => formatField(field, card.values[field.name], colours)).join('');
}

function formatField(field: PluginField, value: unknown, colours: Colours): string {
  if (value == null || !field.fields || typeof value !== 'object') return formatFields([[field.label, value == null ? 'none' : cut(leafText(value))]], colours);
  const heading = `${colours.bold(`${field.label}:`)}\n`;
  if (!Array.isArray(value)) {
    const lines = field.fields.map((child): [string, string] => [`  ${child.name}`, cut(leafText((value as Record<string, unknown>)[child.name]))]);
    return heading + formatFields(lines, colours);
  }
  if (!value.length) return heading + '  none\n';
  const columns = field.fields.slice(0, MAX_COLUMNS).map((child) => ({
    header: child.name.toUpperCase(),
    value: (row: Record<string, unknown>) => cut(leafText(row?.[child.name])),
  }));
  const hidden = field.fields.length - columns.length;
  const more = value.length > MAX_ROWS ? `... ${value.length - MAX_ROWS} more rows\n` : '';
  const note = hidden > 0 ? colours.dim(`(${hidden} more columns with --json)`) + '\n' : '';
  return heading + formatTable(columns, value.slice(0, MAX_ROWS) as Record<string, unknown>[], colours) + more + note;
}

function cut(text: string, length = MAX_CELL): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
