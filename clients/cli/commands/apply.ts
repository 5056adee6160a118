import { SdkApplyEntitiesDocument } from '../../generated/graphql';
import { CliError, EXIT, usageError } from '../exitCodes';
import { stringFlag } from '../flagValues';
import { dataOrThrow } from '../graphqlClient';
import { formatJson } from '../output/json';
import { formatTable } from '../output/table';
import { formatYaml } from '../output/yaml';
import { splitDocuments } from '../splitDocuments';
import type { Command } from './command';

/** Under the catalog's 1 MiB per applyEntities and the gateway's body limit, with room for the request around it. */
const MAX_REQUEST_BYTES = 512 * 1024;

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Validate and store descriptor YAML (one or more documents)',
  usage: ['apply -f <file|-> [--dry-run]'],
  details: `Sends the file (or stdin, with -f -) to the catalog's applyEntities: every document is
validated with Backstage's rules and, unless --dry-run, all are stored at once or none is.
Entities that a registered location provides cannot be written this way. Input over
512 KiB is sent in batches of whole documents, one request each, with a progress line per
batch on stderr; each batch is all or nothing, and a batch with problems stops the rest.
Exit code 5 when
anything is invalid (each problem is printed), 0 when all was stored (or, on a dry run,
would be).`,
  flags: {
    file: { type: 'string', short: 'f', value: '<file|->', description: 'Descriptor YAML to apply; - reads stdin' },
    'dry-run': { type: 'boolean', description: 'Validate only; store nothing' },
  },
  examples: ['ensemble apply -f catalog-info.yaml --dry-run', 'cat entities.yaml | ensemble apply -f -'],
  async run({ args, flags, client, printer, readInput }) {
    if (args.length) throw usageError(`unexpected argument "${args[0]}" (the file goes after -f)`);
    const file = stringFlag(flags, 'file');
    if (!file) throw usageError('missing -f <file|->');
    const yaml = await readInput(file);
    if (!yaml.trim()) throw usageError(`${file === '-' ? 'stdin' : file} is empty`);
    const dryRun = flags['dry-run'] === true;
    const batches = splitDocuments(yaml, MAX_REQUEST_BYTES);
    const result = { applied: true, dryRun, refs: [] as string[], errors: [] as { entityRef?: string | null; message: string }[] };
    for (const [index, batch] of batches.entries()) {
      const { data } = dataOrThrow(await client.request(SdkApplyEntitiesDocument, { yaml: batch, dryRun }));
      const answer = data.applyEntities;
      result.applied &&= answer.applied;
      result.refs.push(...answer.refs);
      result.errors.push(...answer.errors);
      if (batches.length > 1) {
        printer.note(`batch ${index + 1} of ${batches.length}: ${answer.refs.length} entities ${answer.applied ? 'stored' : answer.errors.length ? 'refused' : 'valid'}`);
      }
      // Batches already stored stay stored; the rest is not sent.
      if (answer.errors.length) break;
    }
    const output = {
      applied: result.applied,
      dryRun: result.dryRun,
      refs: result.refs,
      errors: result.errors.map(({ entityRef, message }) => ({ entityRef, message })),
    };
    if (printer.format === 'json') await printer.write(formatJson(output));
    else if (printer.format === 'yaml') await printer.write(formatYaml(output));
    else if (result.refs.length) {
      const status = result.applied ? 'applied' : result.errors.length ? 'valid (nothing stored)' : 'valid (dry run)';
      await printer.write(
        formatTable(
          [
            { header: 'REF', value: (ref) => ref, style: (cell, _ref, c) => c.bold(cell) },
            { header: 'STATUS', value: () => status, style: (cell, _ref, c) => (result.applied ? c.green(cell) : cell) },
          ],
          result.refs,
          printer.colours,
        ),
      );
    }
    if (result.errors.length) {
      for (const error of result.errors) printer.error(`${error.entityRef ? `${error.entityRef}: ` : ''}${error.message}`);
      const stored = batches.length > 1 && !dryRun && result.refs.length ? '; batches before the failing one were stored' : '; nothing was stored';
      throw new CliError(`${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}${stored}`, EXIT.REFUSED);
    }
  },
};
