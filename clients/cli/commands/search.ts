import { SdkSearchDocsDocument, SdkSearchEntitiesDocument } from '../../generated/graphql';
import type { ClientError } from '../../sdk';
import { usageError } from '../exitCodes';
import { intFlag, listFlag, stringFlag } from '../flagValues';
import { describeClientError, failure } from '../graphqlClient';
import { formatHeading } from '../output/fields';
import { formatJson } from '../output/json';
import { formatTable } from '../output/table';
import { formatYaml } from '../output/yaml';
import { snippetText } from '../snippetText';
import type { Command } from './command';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the catalog (names, titles, descriptions, tags) and published docs',
  usage: ['search <text> [--kind <kind>] [--in catalog|docs|all] [--limit <n>]'],
  details: `Catalog search: every word must start a word of an entity's name, title,
description or tags ("check serv" finds checkout-service), best match first. Docs search
(TechDocs): words, "quoted phrases", -excluded words, with English stemming. Both run at
once; when one of them fails (e.g. the TechDocs plugin is down) the other's results are
printed and the exit code is 3.`,
  flags: {
    kind: { type: 'string', multiple: true, value: '<kind>', description: 'Only entities of these kinds (catalog search only)' },
    in: { type: 'string', value: '<where>', description: 'catalog, docs or all (default all)' },
    limit: { type: 'string', value: '<n>', description: 'Results per source, 1 to 100 (default 20)' },
  },
  examples: ['ensemble search checkout', 'ensemble search "reserve stock" --in docs --json'],
  async run({ args, flags, client, printer }) {
    if (!args.length) throw usageError('missing <text>');
    const text = args.join(' ');
    const where = stringFlag(flags, 'in') ?? 'all';
    if (!['catalog', 'docs', 'all'].includes(where)) throw usageError(`--in wants catalog, docs or all, not "${where}"`);
    const limit = intFlag(flags, 'limit', { min: 1, max: 100, default: 20 })!;
    const kind = listFlag(flags, 'kind');
    const [entitiesResult, docsResult] = await Promise.all([
      where === 'docs' ? null : client.request(SdkSearchEntitiesDocument, { filter: { text, ...(kind ? { kind } : {}) }, first: limit }),
      where === 'catalog' ? null : client.request(SdkSearchDocsDocument, { query: text, first: limit }),
    ]);
    const failures: ClientError[] = [];
    for (const result of [entitiesResult, docsResult]) if (result && !result.ok) failures.push(result.error);
    const entities = entitiesResult?.data?.entities.edges.map(({ node }) => ({ ref: node.ref, kind: node.kind, title: node.title, description: node.description }));
    const docs = docsResult?.data?.searchDocs.map((hit) => ({
      // Null when the catalog no longer has the entity (its docs outlive it).
      entityRef: hit.entity?.ref ?? null,
      path: hit.page.path,
      title: hit.page.title,
      snippet: snippetText(hit.snippet),
      rank: hit.rank,
    }));
    // Nothing from any source asked: a failure, not an empty result.
    if (!entities && !docs) throw failure(failures[0]);
    const output = { ...(where === 'docs' ? {} : { entities: entities ?? null }), ...(where === 'catalog' ? {} : { docs: docs ?? null }) };
    if (printer.format === 'json') await printer.write(formatJson(output));
    else if (printer.format === 'yaml') await printer.write(formatYaml(output));
    else {
      const { colours } = printer;
      let out = '';
      if (where !== 'docs') {
        out += formatHeading('Catalog', colours);
        if (!entities) out += `${colours.yellow('unavailable')}\n`;
        else if (!entities.length) out += 'no matches\n';
        else
          out += formatTable(
            [
              { header: 'REF', value: (row) => row.ref, style: (cell, _row, c) => c.bold(cell) },
              { header: 'TITLE', value: (row) => row.title ?? '' },
              { header: 'DESCRIPTION', value: (row) => row.description ?? '' },
            ],
            entities,
            colours,
          );
      }
      if (where !== 'catalog') {
        out += formatHeading('Docs', colours);
        if (!docs) out += `${colours.yellow('unavailable')}\n`;
        else if (!docs.length) out += 'no matches\n';
        else
          out += formatTable(
            [
              { header: 'ENTITY', value: (row) => row.entityRef ?? '(not in the catalog)', style: (cell, _row, c) => c.bold(cell) },
              { header: 'PAGE', value: (row) => `${row.path} (${row.title})` },
              // Snippets run to hundreds of characters; a table row shows their start (--json has all).
              { header: 'SNIPPET', value: (row) => (row.snippet.length > 80 ? `${row.snippet.slice(0, 79)}…` : row.snippet) },
            ],
            docs,
            colours,
          );
      }
      await printer.write(out.replace(/^\n/, ''));
    }
    for (const error of failures) printer.warnPartial(`part of the search failed: ${describeClientError(error).replace(/\n/g, '; ')}`);
  },
};
