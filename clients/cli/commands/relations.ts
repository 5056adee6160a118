import { CliError, EXIT } from '../exitCodes';
import { intFlag, listFlag, positionals } from '../flagValues';
import { failure } from '../graphqlClient';
import { formatJson } from '../output/json';
import { formatTable } from '../output/table';
import { formatYaml } from '../output/yaml';
import { walkRelations } from '../walkRelations';
import type { Command } from './command';

/** Entities expanded at most, whatever the depth: a guard against walking the whole catalog. */
const MAX_ENTITIES = 1000;

export const relationsCommand: Command = {
  name: 'relations',
  summary: "Show an entity's relations, and its neighbours' up to --depth steps away",
  usage: ['relations <ref> [--depth <n>] [--type <relation>]...'],
  details: `Depth 1 (the default) lists the entity's own relations; depth n follows them n steps,
each entity expanded once (at most ${MAX_ENTITIES}). --type keeps only relations of these types
(e.g. dependsOn), at every step. A target that does not exist is shown as (missing) (in JSON: targetKind null).
An unknown <ref> exits with 4.`,
  flags: {
    depth: { type: 'string', value: '<n>', description: 'How many steps to follow, 1 to 10 (default 1)' },
    type: { type: 'string', multiple: true, value: '<relation>', description: 'Only these relation types, e.g. dependsOn,partOf' },
  },
  examples: ['ensemble relations component:checkout-service', 'ensemble relations system:checkout --depth 3 --type hasPart,dependsOn --json'],
  async run({ args, flags, client, printer }) {
    const [ref] = positionals(args, ['ref']);
    const depth = intFlag(flags, 'depth', { min: 1, max: 10, default: 1 })!;
    const walk = await walkRelations(client.entity, ref, { depth, types: listFlag(flags, 'type'), maxEntities: MAX_ENTITIES });
    if (!walk.rootRef) {
      if (walk.error) throw failure(walk.error);
      throw new CliError(`No entity "${ref}" in the catalog`, EXIT.NOT_FOUND);
    }
    if (printer.format === 'json') await printer.write(formatJson(walk.steps));
    else if (printer.format === 'yaml') await printer.write(formatYaml(walk.steps));
    else if (!walk.steps.length) printer.note(`${walk.rootRef} has no relations${flags.type ? ' of those types' : ''}.`);
    else
      await printer.write(
        formatTable(
          [
            { header: 'DEPTH', value: (step) => String(step.depth) },
            { header: 'SOURCE', value: (step) => step.sourceRef },
            { header: 'TYPE', value: (step) => step.type, style: (cell, _step, c) => c.cyan(cell) },
            { header: 'TARGET', value: (step) => step.targetRef, style: (cell, step, c) => (step.targetKind ? c.bold(cell) : c.yellow(cell)) },
            { header: 'TITLE', value: (step) => (step.targetKind ? (step.targetTitle ?? '') : '(missing)') },
          ],
          walk.steps,
          printer.colours,
        ),
      );
    if (walk.error) printer.warnPartial(`the walk stopped early: ${walk.error.message}`);
    if (walk.truncated) printer.warnPartial(`stopped after ${MAX_ENTITIES} entities; use a smaller --depth or --type`);
  },
};
