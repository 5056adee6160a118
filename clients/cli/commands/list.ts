import { specString, type EntitySummary } from '../../sdk';
import { usageError } from '../exitCodes';
import { intFlag, listFlag, stringFlag } from '../flagValues';
import { failure } from '../graphqlClient';
import { buildEntityFilter, parseOrderBy } from '../listFilter';
import { formatJsonLine } from '../output/json';
import { TableWriter } from '../output/table';
import { formatYamlItems } from '../output/yaml';
import { unknownKindsNote } from '../unknownKindsNote';
import type { Command } from './command';

export const listCommand: Command = {
  name: 'list',
  summary: 'List catalog entities, streamed page by page',
  usage: ['list [--kind <kind>] [--owner <ref>] [--type <type>] [--filter <key=value>]... [--limit <n>]'],
  details: `Every flag must hold; the values of one flag (repeated, or comma-separated) are
alternatives, except --tag, where all must be present. Pages are fetched as the output is
written, so any number of entities can be listed: --json prints JSON Lines (one entity per
line, no enclosing array), --yaml prints one YAML sequence, item by item. The table's column
widths are set by the first page. Exit code 2 for a bad flag, 5 for a filter the API
refuses (e.g. an unknown field path).`,
  flags: {
    kind: { type: 'string', multiple: true, value: '<kind>', description: 'Only these kinds, e.g. component or api,component' },
    namespace: { type: 'string', multiple: true, value: '<ns>', description: 'Only these namespaces' },
    type: { type: 'string', multiple: true, value: '<type>', description: 'Only these spec.type values, e.g. service' },
    lifecycle: { type: 'string', multiple: true, value: '<lifecycle>', description: 'Only these spec.lifecycle values' },
    owner: { type: 'string', multiple: true, value: '<ref>', description: 'Only entities owned by these (team-a means group:default/team-a)' },
    tag: { type: 'string', multiple: true, value: '<tag>', description: 'Only entities carrying all these tags' },
    filter: { type: 'string', multiple: true, value: '<key=value>', description: 'Field condition, e.g. spec.system=checkout or metadata.labels.tier=1' },
    has: { type: 'string', multiple: true, value: '<field>', description: 'Only entities with a value at this field path' },
    missing: { type: 'string', multiple: true, value: '<field>', description: 'Only entities without a value at this field path' },
    'order-by': { type: 'string', value: '<field[:desc]>', description: 'Sort by a field path (default ref), e.g. metadata.title:desc' },
    limit: { type: 'string', value: '<n>', description: 'Stop after n entities' },
    'page-size': { type: 'string', value: '<n>', description: 'Entities per request, 1 to 300 (default 100)' },
  },
  examples: [
    'ensemble list --kind component --owner team-payments',
    'ensemble list --kind component --filter spec.lifecycle=production --filter spec.type=service',
    'ensemble list --kind component --json | jq -r .ref',
  ],
  async run({ args, flags, client, printer }) {
    if (args.length) throw usageError(`list takes no arguments, got "${args[0]}" (did you mean --kind ${args[0]}?)`);
    const filter = buildEntityFilter({
      kind: listFlag(flags, 'kind'),
      namespace: listFlag(flags, 'namespace'),
      type: listFlag(flags, 'type'),
      lifecycle: listFlag(flags, 'lifecycle'),
      owner: listFlag(flags, 'owner'),
      tag: listFlag(flags, 'tag'),
      filter: (flags.filter as string[] | undefined)?.map(String),
      has: listFlag(flags, 'has'),
      missing: listFlag(flags, 'missing'),
    });
    const limit = intFlag(flags, 'limit', { min: 1, max: Number.MAX_SAFE_INTEGER });
    // 300 keeps a page of this listing under the gateway's default cost limit (about 24 per entity).
    const pageSize = intFlag(flags, 'page-size', { min: 1, max: 300, default: 100 });
    const orderBy = parseOrderBy(stringFlag(flags, 'order-by'));
    const table = new TableWriter<EntityRow>(
      [
        { header: 'REF', value: (row) => row.ref, style: (cell, _row, c) => c.bold(cell) },
        { header: 'TYPE', value: (row) => row.type ?? '' },
        { header: 'LIFECYCLE', value: (row) => row.lifecycle ?? '', style: (cell, row, c) => (row.lifecycle === 'deprecated' ? c.yellow(cell) : cell) },
        { header: 'OWNER', value: (row) => row.owner ?? '' },
        { header: 'TITLE', value: (row) => row.title ?? '' },
      ],
      printer.colours,
    );
    let count = 0;
    for await (const page of client.entityPages(filter, { pageSize, limit, orderBy })) {
      const rows = page.nodes.map(entityRow);
      count += rows.length;
      if (printer.format === 'json') await printer.write(rows.map(formatJsonLine).join(''));
      else if (printer.format === 'yaml') await printer.write(formatYamlItems(rows));
      else if (rows.length) await printer.write(table.format(rows));
      if (page.error && !page.nodes.length) throw failure(page.error);
      if (page.error) printer.warnPartial(`a page came back incomplete: ${page.error.message}`);
    }
    if (!count && printer.format === 'yaml') await printer.write('[]\n');
    if (!count && printer.format === 'table') printer.note('No entities match.');
    const note = !count && filter.kind?.length ? await unknownKindsNote(client, filter.kind) : undefined;
    if (note) printer.note(note);
  },
};

/** One listed entity, in the field order scripts see. */
export interface EntityRow {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner: string | null;
  tags: string[];
  description: string | null;
}

export function entityRow(entity: EntitySummary): EntityRow {
  return {
    ref: entity.ref,
    kind: entity.kind,
    namespace: entity.namespace,
    name: entity.name,
    title: entity.title,
    type: specString(entity.spec, 'type'),
    lifecycle: specString(entity.spec, 'lifecycle'),
    owner: entity.relations[0]?.targetRef ?? null,
    tags: entity.tags,
    description: entity.description,
  };
}
