import type { SchemaChange } from './schemaChanges';

/**
 * The coordinates whose use a breaking change breaks. A removal or a type change breaks
 * what uses its own coordinate; something required being added (an argument, an input
 * field) breaks every use of what it was added to, so its parent's coordinate counts.
 */
export function affectingCoordinates(change: SchemaChange): string[] {
  if (!change.path) return [];
  if (/_ADDED$/.test(change.type)) {
    const parent = change.path.split('.').slice(0, -1).join('.');
    return parent ? [change.path, parent] : [change.path];
  }
  return [change.path];
}
