import {
  SdkLocationsDocument,
  SdkRefreshLocationDocument,
  SdkRegisterLocationDocument,
  SdkUnregisterLocationDocument,
  type SdkLocationsQuery,
} from '../../generated/graphql';
import { CliError, EXIT, usageError } from '../exitCodes';
import { positionals } from '../flagValues';
import { dataOrThrow } from '../graphqlClient';
import { formatJson } from '../output/json';
import type { Printer } from '../output/printer';
import { formatTable } from '../output/table';
import { formatYaml } from '../output/yaml';
import type { Command } from './command';

type CatalogLocation = SdkLocationsQuery['locations'][number];

export const locationsCommand: Command = {
  name: 'locations',
  summary: 'List, register, refresh or remove the locations the catalog reads',
  usage: ['locations list', 'locations add <target>', 'locations refresh <id>', 'locations remove <id>'],
  details: `A location is a descriptor file, a glob of them, or an http(s) URL, read by the catalog
server (a relative path is relative to the server's working directory, not yours).
"add" registers and reads it now (adding a known target again refreshes it); "refresh"
reads it again; "remove" unregisters it and removes the entities it provided.
When "add" or "refresh" read a location with problems (a bad file, an invalid entity), they are printed
on stderr and the exit code is 3. An unknown <id> exits with 4; a target the server cannot
read exits with 5.`,
  flags: {},
  examples: [
    'ensemble locations list',
    'ensemble locations add /srv/catalog/**/catalog-info.yaml',
    'ensemble locations refresh 3',
    'ensemble locations remove 3',
  ],
  async run({ args, client, printer }) {
    const [action, ...rest] = args;
    switch (action) {
      case 'list': {
        positionals(rest, []);
        const { data } = dataOrThrow(await client.request(SdkLocationsDocument));
        // The ERRORS column (or `errors` in JSON) shows problems; listing them is not a partial result.
        await printLocations(data.locations, printer);
        return;
      }
      case 'add': {
        const [target] = positionals(rest, ['target']);
        const { data } = dataOrThrow(await client.request(SdkRegisterLocationDocument, { target }));
        await printLocations([data.registerLocation], printer);
        warnAboutErrors(data.registerLocation, printer);
        return;
      }
      case 'refresh': {
        const [id] = positionals(rest, ['id']);
        const { data } = dataOrThrow(await client.request(SdkRefreshLocationDocument, { id }));
        await printLocations([data.refreshLocation], printer);
        warnAboutErrors(data.refreshLocation, printer);
        return;
      }
      case 'remove': {
        const [id] = positionals(rest, ['id']);
        const { data } = dataOrThrow(await client.request(SdkUnregisterLocationDocument, { id }));
        if (!data.unregisterLocation) throw new CliError(`No location with id "${id}"`, EXIT.NOT_FOUND);
        if (printer.format === 'json') await printer.write(formatJson({ removed: id }));
        else if (printer.format === 'yaml') await printer.write(formatYaml({ removed: id }));
        else await printer.write(`Removed location ${id} and the entities it provided.\n`);
        return;
      }
      default:
        throw usageError(action ? `unknown action "${action}"; use list, add, refresh or remove` : 'missing action: list, add, refresh or remove');
    }
  },
};

function locationOutput(location: CatalogLocation) {
  return {
    id: location.id,
    type: location.type,
    target: location.target,
    refreshedAt: location.refreshedAt,
    entityCount: location.entityCount,
    errors: location.errors.map(({ file, entityRef, message }) => ({ file, entityRef, message })),
  };
}

async function printLocations(locations: CatalogLocation[], printer: Printer): Promise<void> {
  const output = locations.map(locationOutput);
  if (printer.format === 'json') return printer.write(formatJson(output));
  if (printer.format === 'yaml') return printer.write(formatYaml(output));
  if (!locations.length) return printer.note('No locations registered.');
  return printer.write(
    formatTable(
      [
        { header: 'ID', value: (location) => location.id },
        { header: 'TYPE', value: (location) => location.type },
        { header: 'ENTITIES', value: (location) => String(location.entityCount) },
        { header: 'ERRORS', value: (location) => String(location.errors.length), style: (cell, location, c) => (location.errors.length ? c.red(cell) : cell) },
        { header: 'REFRESHED', value: (location) => location.refreshedAt ?? 'never' },
        { header: 'TARGET', value: (location) => location.target },
      ],
      output,
      printer.colours,
    ),
  );
}

function warnAboutErrors(location: CatalogLocation, printer: Printer): void {
  for (const error of location.errors) {
    printer.warnPartial(`location ${location.id}: ${error.file}${error.entityRef ? ` (${error.entityRef})` : ''}: ${error.message}`);
  }
}
